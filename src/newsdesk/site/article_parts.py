"""An article page's own parts, rendered when the article changes and kept with it (``site.kept``).

Everything on the page but the live parts — the masthead shell, the view
count, the rail's "7 hours ago" — depends only on what commits change: the
article, its coverage (entities, quotes, copies, story), its related stories
and the highlights (other articles). So the body with its dateline, the
JSON-LD and OpenGraph tags, the coverage and the related stories are rendered
once per page generation and host, through the same templates as before, and
``article.html`` puts them together with the live parts on every request.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from newsdesk.newsroom import selectors, stories_selectors
from newsdesk.newsroom.models import Article
from newsdesk.site import kept
from newsdesk.site.templatetags.newsdesk_meta import article_head, standfirst


@dataclass(frozen=True)
class ArticleParts:
    article: Article  # with section and source; its view count is read on each request instead
    highlights: list[Article]
    description: SafeString
    head: SafeString  # JSON-LD, OpenGraph and Twitter tags
    story_top: SafeString  # the story up to its dates
    story_rest: SafeString  # the figure, body, credit, corrections, coverage and related stories


def article_parts(request: HttpRequest, *, pk: int, modified_at: object) -> ArticleParts | None:
    """The parts of published article ``pk``'s page for this request's host; None if it is no longer public."""
    key = (pk, modified_at, request.scheme, request.get_host(), timezone.get_current_timezone_name())
    return kept.ARTICLES.get(key, lambda: _render(request, pk=pk))


def _render(request: HttpRequest, *, pk: int) -> ArticleParts | None:
    page = selectors.article_page(pk=pk)
    if page is None:
        return None
    article = page.article
    coverage = stories_selectors.article_coverage(article=article)  # issue 4: story, entities, quotes, sources
    context = {
        "article": article, "coverage": coverage, "corrections": selectors.article_corrections(article_id=article.pk),
        "SITE_NAME": settings.SITE_NAME, "SITE_LANGUAGE": settings.SITE_LANGUAGE,
    }
    description = standfirst(article)
    return ArticleParts(
        article=article,
        highlights=page.highlights,
        description=conditional_escape(description),
        head=render_to_string("site/_article_head.html", article_head({"request": request}, article, description)),
        story_top=render_to_string("site/_article_story_top.html", context),
        story_rest=render_to_string("site/_article_story_rest.html", context),
    )
