"""The catalogue of baked pages: every one of them, and exactly those that show a given article.

An article appears on its own page, the home page, the pages of its section
that list it (and every later page when it joins or leaves the listing,
since the rest shift by one), the site and section feeds while it is among
their newest, the sitemap index and its small sitemaps, the article sitemap
page that holds its id, and the news sitemap while it is two days old. The
rails (highlights, most read) are not in any baked page: site.js fills them
from one JSON document (``publish.readership``), so an article page never
depends on other articles.

What every page shows (the masthead's sections) is the site's to say: it
registers a signature of it with ``configure``; when that changes, every
page is out of date.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from newsdesk.core import clock
from newsdesk.newsroom.models import Article, ArticleVersion, Section
from newsdesk.publish.bake.paths import BakedPage, section_page, sitemap_page
from newsdesk.publish.feeds import FORMATS, ArticleFeed
from newsdesk.publish.sitemaps import SITEMAPS, ArticleSitemap, NewsSitemap

PUBLISHED = Article.Status.PUBLISHED
HOME = BakedPage("/")
ROBOTS = BakedPage("/robots.txt")


@dataclass
class SiteShape:
    """What the site tells the baker about its pages."""

    section_page_size: int = 20
    site_wide: Callable[[], object] = field(default=lambda: None)


SHAPE = SiteShape()


def configure(*, section_page_size: int, site_wide: Callable[[], object]) -> None:
    """Called once by the site: its section page size, and a signature of what every page shows."""
    SHAPE.section_page_size = section_page_size
    SHAPE.site_wide = site_wide


@dataclass(frozen=True)
class ArticleState:
    """What decides where an article is listed: enough to find the pages it was on before a change."""

    pk: int
    slug: str
    section_id: int | None
    published: bool
    published_at: datetime

    @classmethod
    def of(cls, article: Article) -> ArticleState:
        return cls(article.pk, article.slug, article.section_id, article.status == PUBLISHED, article.published_at)


def state_now(article_id: int) -> ArticleState | None:
    article = Article.objects.filter(pk=article_id).only("pk", "slug", "section_id", "status", "published_at").first()
    return ArticleState.of(article) if article else None


def state_before_from_versions(article_id: int) -> ArticleState | None:
    """A best guess at the state before a change nobody saw the start of (a queryset ``update``).

    Taken from the version before the latest one, and assumed public: it is
    safer to refresh pages that did not show the article than to leave one
    that still does. None for an article with a single version (it is new).
    """
    versions = list(ArticleVersion.objects.filter(article_id=article_id).order_by("-number")[:2])
    if len(versions) < 2:
        return None
    snapshot = versions[1].snapshot
    section = Section.objects.filter(name=snapshot.get("section_name")).only("pk").first()
    article = Article.objects.filter(pk=article_id).only("slug", "published_at").first()
    published_at = datetime.fromisoformat(snapshot["published_at"]) if snapshot.get("published_at") else article.published_at
    return ArticleState(article_id, article.slug if article else "", section.pk if section else None, True, published_at)


# Every baked page, for `newsdesk bake`.


def pages_all() -> Iterator[BakedPage]:
    yield HOME
    yield ROBOTS
    yield from _site_feeds()
    yield from _sitemaps_all()
    for section in Section.objects.filter(articles__status=PUBLISHED).distinct().order_by("pk"):
        count = _listing(section.pk).count()
        yield from _section_pages(section.slug, range(1, _pages(count, SHAPE.section_page_size) + 1))
        yield from _section_feeds(section.slug)
    for pk, slug in Article.objects.filter(status=PUBLISHED).order_by("pk").values_list("pk", "slug"):
        yield BakedPage(f"/article/{pk}/{slug}/")


# The pages that show one article, before and after a change.


def pages_showing(before: ArticleState | None, after: ArticleState | None) -> list[BakedPage]:
    """Every baked page whose content changes when ``before`` becomes ``after`` (None: did not / does not exist)."""
    public = [state for state in (before, after) if state is not None and state.published]
    if not public:
        return []
    pages: list[BakedPage] = []
    if after is not None and after.published:
        pages.append(BakedPage(f"/article/{after.pk}/{after.slug}/"))
    pages.append(HOME)
    if _position_in(Article.objects.filter(status=PUBLISHED), public) < ArticleFeed.size:
        pages.extend(_site_feeds())
    slugs = dict(Section.objects.filter(pk__in={s.section_id for s in public}).values_list("pk", "slug"))
    for section_id, slug in sorted(slugs.items()):
        in_section = [s for s in public if s.section_id == section_id]
        listing = _listing(section_id)
        pages.extend(_section_pages(slug, _listing_pages(listing, in_section, moved=_moved(before, after, in_section))))
        if _position_in(listing, in_section) < ArticleFeed.size:
            pages.extend(_section_feeds(slug))
    pages.extend(_sitemaps_showing(before, after, public))
    return list(dict.fromkeys(pages))


def _moved(before: ArticleState | None, after: ArticleState | None, in_listing: list[ArticleState]) -> bool:
    """Did the article join, leave or move within a listing (so the stories after it shift)?"""
    return len(in_listing) != 2 or before.published_at != after.published_at


def _listing(section_id: int) -> QuerySet[Article]:
    return Article.objects.filter(status=PUBLISHED, section_id=section_id)


def _newer(listing: QuerySet[Article], state: ArticleState) -> int:
    """How many other stories of a newest-first listing come before ``state`` (its 0-based position)."""
    ahead = Q(published_at__gt=state.published_at) | Q(published_at=state.published_at, pk__gt=state.pk)
    return listing.filter(ahead).exclude(pk=state.pk).count()


def _position_in(listing: QuerySet[Article], states: list[ArticleState]) -> int:
    return min(_newer(listing, state) for state in states)


def _pages(count: int, per_page: int) -> int:
    return max(1, math.ceil(count / per_page))


def _listing_pages(listing: QuerySet[Article], states: list[ArticleState], *, moved: bool) -> range:
    """The pages of a newest-first listing that change: the article's own, or from it to the end if it moved."""
    per_page = SHAPE.section_page_size
    positions = [_newer(listing, state) for state in states]
    first, last = min(positions) // per_page + 1, max(positions) // per_page + 1
    if moved and len(states) == 1:
        count = listing.exclude(pk=states[0].pk).count()
        last = _pages(count + 1, per_page)  # the longer of the listing with and without it
    return range(first, last + 1)


def _section_pages(slug: str, numbers: range) -> list[BakedPage]:
    return [section_page(slug, n) for n in numbers if n <= settings.BAKE_SECTION_PAGES]


def _site_feeds() -> list[BakedPage]:
    return [BakedPage(f"/feeds/{fmt.filename}") for fmt in FORMATS]


def _section_feeds(slug: str) -> list[BakedPage]:
    return [BakedPage(f"/section/{slug}/{fmt.filename}") for fmt in FORMATS]


def _sitemaps_all() -> Iterator[BakedPage]:
    yield sitemap_page(None)
    for name, sitemap in SITEMAPS.items():
        for number in sitemap().paginator.page_range:
            yield sitemap_page(name, number)


def _sitemaps_showing(before: ArticleState | None, after: ArticleState | None, public: list[ArticleState]) -> list[BakedPage]:
    # The index and the small sitemaps carry the newest change's date: any change may move it.
    pages = [sitemap_page(None), sitemap_page("pages"), sitemap_page("sections")]
    by_id = Article.objects.filter(status=PUBLISHED)
    limit = ArticleSitemap.limit
    position = by_id.filter(pk__lt=public[0].pk).count()
    first = position // limit + 1
    last = first
    if len(public) == 1:  # joined or left the id-ordered list: every later page shifts
        last = _pages(by_id.exclude(pk=public[0].pk).count() + 1, limit)
    pages.extend(sitemap_page("articles", n) for n in range(first, last + 1))
    since = clock.now() - NewsSitemap.window
    if any(state.published_at >= since for state in public):
        pages.append(sitemap_page("news"))
    return pages
