"""Which URLs are baked, and where each one's file lives under the baked folder.

The layout mirrors the URLs, so nginx can find a file from the request alone
(docs/deployment.md). Only these URLs are ever answered from a file, and
only with no query string, or ``?page=N`` on a section and ``?p=N`` on a
sitemap (how those views page); anything else goes to Django:

| URL | file |
| --- | --- |
| ``/`` | ``index.html`` |
| ``/section/<slug>/``, ``?page=N`` | ``section/<slug>/index.html``, ``section/<slug>/page-N.html`` |
| ``/section/<slug>/rss.xml`` (every feed format) | ``section/<slug>/rss.xml`` |
| ``/article/<id>/<slug>/`` | ``article/<id>/<slug>/index.html`` |
| ``/feeds/rss.xml`` (every feed format) | ``feeds/rss.xml`` |
| ``/sitemap.xml``, ``/sitemap-<name>.xml``, ``?p=N`` | the same, ``sitemap-<name>-page-N.xml`` |
| ``/robots.txt`` | ``robots.txt`` |

Nothing here touches the database: the WSGI front (``site.baked_app``)
calls ``baked_file`` on every request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.publish.feeds.formats import FORMATS

HTML = "text/html; charset=utf-8"
SITEMAP = "application/xml"
TEXT = "text/plain; charset=utf-8"
FEED_TYPES = {fmt.filename: fmt.generator.content_type for fmt in FORMATS}
# What a CDN and browsers may do with a baked page (and the same page from Django): fresh for a
# minute in a browser, five in a shared cache, and served stale while it revalidates.
CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600"

_SLUG = r"[-a-zA-Z0-9_]+"
_PAGE = r"[1-9][0-9]{0,5}"
_FEED = "|".join(re.escape(name) for name in FEED_TYPES)
_SECTION = re.compile(rf"/section/({_SLUG})/")
_SECTION_FEED = re.compile(rf"/section/({_SLUG})/({_FEED})")
_ARTICLE = re.compile(rf"/article/([1-9][0-9]{{0,17}})/({_SLUG})/")
_SITE_FEED = re.compile(rf"/feeds/({_FEED})")
_SITEMAP = re.compile(r"/sitemap(-[a-z]+)?\.xml")
_PAGE_QUERY = re.compile(rf"page=({_PAGE})")
_SITEMAP_QUERY = re.compile(rf"p=({_PAGE})")


@dataclass(frozen=True, order=True)
class BakedPage:
    """One baked URL: a path and, for the later pages of a listing, its query."""

    path: str
    query: str = ""

    @property
    def url(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def file(self) -> str:
        """The file's path relative to the baked folder."""
        found = baked_file(self.path, self.query)
        if found is None:
            raise ValueError(f"{self.url} is not a URL that is baked")
        return found[0]

    @property
    def content_type(self) -> str:
        return content_type_of(self.file)


def section_page(slug: str, number: int = 1) -> BakedPage:
    return BakedPage(f"/section/{slug}/", f"page={number}" if number > 1 else "")


def sitemap_page(name: str | None, number: int = 1) -> BakedPage:
    return BakedPage(f"/sitemap-{name}.xml" if name else "/sitemap.xml", f"p={number}" if number > 1 else "")


def baked_file(path: str, query: str = "") -> tuple[str, str] | None:
    """The baked file for a request (relative path, content type), or None when the URL is never baked."""
    if path == "/":
        return ("index.html", HTML) if not query else None
    if path == "/robots.txt":
        return ("robots.txt", TEXT) if not query else None
    if path.startswith("/article/"):
        match = _ARTICLE.fullmatch(path)
        return (f"article/{match[1]}/{match[2]}/index.html", HTML) if match and not query else None
    if path.startswith("/section/"):
        return _section_file(path, query)
    if path.startswith("/feeds/"):
        match = _SITE_FEED.fullmatch(path)
        return (f"feeds/{match[1]}", FEED_TYPES[match[1]]) if match and not query else None
    if path.startswith("/sitemap"):
        return _sitemap_file(path, query)
    return None


def _section_file(path: str, query: str) -> tuple[str, str] | None:
    if match := _SECTION.fullmatch(path):
        number = _number(_PAGE_QUERY, query)
        if number is None:
            return None
        return (f"section/{match[1]}/" + ("index.html" if number == 1 else f"page-{number}.html"), HTML)
    if (match := _SECTION_FEED.fullmatch(path)) and not query:
        return f"section/{match[1]}/{match[2]}", FEED_TYPES[match[2]]
    return None


def _sitemap_file(path: str, query: str) -> tuple[str, str] | None:
    match = _SITEMAP.fullmatch(path)
    if not match:
        return None
    number = _number(_SITEMAP_QUERY, query) if match[1] else (1 if not query else None)
    if number is None:
        return None
    name = path[1:]
    return (name if number == 1 else name.removesuffix(".xml") + f"-page-{number}.xml"), SITEMAP


def _number(pattern: re.Pattern, query: str) -> int | None:
    """1 with no query; N for exactly ``page=N`` (or ``p=N``); None for any other query."""
    if not query:
        return 1
    match = pattern.fullmatch(query)
    return int(match[1]) if match else None


def content_type_of(file: str) -> str:
    """The Content-Type Django sends for the page baked into ``file``."""
    name = file.rsplit("/", 1)[-1]
    if name.endswith(".html"):
        return HTML
    if name == "robots.txt":
        return TEXT
    if file.startswith("sitemap"):
        return SITEMAP
    return FEED_TYPES[name]


_SECTION_PAGE_FILE = re.compile(r"section/[^/]+/page-([0-9]+)\.html")


def within_depth(file: str, section_pages: int) -> bool:
    """Is ``file`` a page that is baked at all? Section pages past ``section_pages`` never are
    (invalidation does not follow them), so asking for one must not bake it."""
    match = _SECTION_PAGE_FILE.fullmatch(file)
    return match is None or int(match[1]) <= section_pages


def article_folder(article_id: int) -> str:
    """Everything baked for one article (its page under any slug it has had)."""
    return f"article/{article_id}"
