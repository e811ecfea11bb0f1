"""Baked pages: published pages rendered to files when they are published or change, served before Django.

DESIGN.md "Scale": Django's request path, not rendering, is where a page's
time goes, so every public page an anonymous reader can ask for is rendered
once into ``NEWSDESK_BAKED_DIR`` and answered from there (by
``site.baked_app`` in front of Django, or by nginx or a CDN).

- ``paths``: which URLs are baked and the file each one lives in;
- ``render``: a page through the real Django stack with a made-up request;
- ``store``: the folder, atomic writes, locks, what it was baked for;
- ``pages``: the catalogue (every page; the pages that show an article);
- ``baker``: bake a page, refresh after a change, rebuild all;
- ``invalidation``: the model signals that call the baker after a commit;
- ``coverage``: the same for an article's entities, quotes, copies and story (issue 4).
"""

from newsdesk.publish.bake.baker import Refresh, bake_all, page_bake, state_ensure
from newsdesk.publish.bake.coverage import article_coverage_invalidate
from newsdesk.publish.bake.invalidation import article_pages_invalidate, article_pages_refresh
from newsdesk.publish.bake.pages import ArticleState, configure
from newsdesk.publish.bake.paths import CACHE_CONTROL, BakedPage, baked_file

__all__ = [
    "CACHE_CONTROL",
    "ArticleState",
    "BakedPage",
    "Refresh",
    "article_coverage_invalidate",
    "article_pages_invalidate",
    "article_pages_refresh",
    "bake_all",
    "baked_file",
    "configure",
    "page_bake",
    "state_ensure",
]
