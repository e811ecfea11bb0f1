"""Read queries for the public pages: what is published, in which order, in which rail.

Every function here only reads; the site's views call one of them each. Lists
come back newest first with the section joined, so templates never trigger a
query per row.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsdesk.newsroom.models import Article, Correction, Section, Source, ViewCount
from newsdesk.newsroom.prepared import Prepared

PUBLISHED = Article.Status.PUBLISHED


@dataclass(frozen=True)
class SectionBlock:
    """One section's latest stories on the front page."""

    section: Section
    articles: list[Article]


@dataclass(frozen=True)
class FrontPage:
    """The home page: a lead story, the next top stories, a block per section, the rail."""

    lead: Article | None
    top: list[Article]
    blocks: list[SectionBlock]
    highlights: list[Article]


@dataclass(frozen=True)
class SectionPage:
    """One page of a section's stories, newest first, with the rail beside it."""

    section: Section
    page: Page
    highlights: list[Article] = field(default_factory=list)


@dataclass(frozen=True)
class ArticlePage:
    """A published article (with ``view_total`` annotated) and the rail of our other stories."""

    article: Article
    highlights: list[Article]


def articles_published(*, section: Section | None = None) -> QuerySet[Article]:
    """Published articles, newest first (ties broken by id so pages never shuffle)."""
    articles = Article.objects.filter(status=PUBLISHED).select_related("section")
    if section is not None:
        articles = articles.filter(section=section)
    return articles.order_by("-published_at", "-pk")


_ARTICLE_PUBLISHED = Prepared(lambda pk: (
    Article.objects.filter(pk=pk, status=PUBLISHED)
    .select_related("section", "source", "story")
    .annotate(view_total=Coalesce("views__total", Value(0)))[:1]
))


def article_published(*, pk: int) -> Article | None:
    """The published article ``pk`` with its source, section, story and our view count; None if not public.

    Prepared (``newsroom.prepared``): the article page reads it on every request Django renders.
    """
    return _ARTICLE_PUBLISHED.first(pk=pk)


@dataclass(frozen=True)
class ArticleLive:
    """What an article page reads on every request: whether it is public, its slug, our view count."""

    slug: str
    view_total: int
    modified_at: object  # the row's auto_now stamp, as the database returns it: part of what the page keeps


_ARTICLE_LIVE = Prepared(lambda pk: (
    Article.objects.filter(pk=pk, status=PUBLISHED).annotate(total=Coalesce("views__total", Value(0)))
    .values_list("slug", "total", "modified_at")
))


def article_live(*, pk: int) -> ArticleLive | None:
    """One prepared query (the ORM building it costs more than the database answering); None if not public."""
    row = _ARTICLE_LIVE.first(pk=pk)
    return ArticleLive(slug=row[0], view_total=row[1], modified_at=row[2]) if row else None


_CORRECTIONS = Prepared(lambda article: Correction.objects.filter(article_id=article))


def article_corrections(*, article_id: int) -> list[Correction]:
    """An article's correction notes, oldest first, as ``article.corrections.all`` lists them."""
    return _CORRECTIONS.rows(article=article_id)


def kill_notice(*, pk: int) -> str | None:
    """The notice of killed article ``pk`` (its address answers 410 with it); None if it is not killed."""
    return Article.objects.filter(pk=pk, status=Article.Status.KILLED).values_list("kill_notice", flat=True).first()


_HIGHLIGHTS = Prepared(lambda exclude, limit: articles_published().exclude(pk__in=exclude)[:limit])


def highlights(*, exclude_ids: Collection[int] = (), limit: int = 5) -> list[Article]:
    """Our most recent other stories for the rail; never the ones the page already shows."""
    return _HIGHLIGHTS.rows(exclude=sorted(exclude_ids), shape={"limit": limit})


def sections_listed(*, limit: int | None = None) -> list[Section]:  # each with ``published``: its count
    """Sections with published articles, in masthead order: position (editors set it), then name.

    Not by article count: the masthead is on every baked page, and an order that
    moved with each new story would empty the baked folder again and again.
    """
    return _SECTIONS_LISTED.rows(shape={"limit": limit})


def _sections_listed(limit: int | None) -> QuerySet[Section]:
    sections = Section.objects.filter(articles__status=PUBLISHED).annotate(published=Count("articles")).order_by("position", "name")
    return sections[:limit] if limit else sections


_SECTIONS_LISTED = Prepared(_sections_listed)


def section_by_slug(*, slug: str) -> Section | None:
    return Section.objects.filter(slug=slug).first()


def view_total(*, article_id: int) -> int:
    """Our own count for an article (0 before its first view)."""
    return ViewCount.objects.filter(article_id=article_id).values_list("total", flat=True).first() or 0


def front_page(*, top: int = 7, per_section: int = 4, rail: int = 5) -> FrontPage:
    """The newest ``top`` stories, then each section's latest stories not already above."""
    top_stories = list(articles_published()[:top])
    shown = {article.pk for article in top_stories}
    blocks = []
    for section in sections_listed():
        latest = list(articles_published(section=section).exclude(pk__in=shown)[:per_section])
        if latest:
            blocks.append(SectionBlock(section=section, articles=latest))
            shown.update(article.pk for article in latest)
    return FrontPage(
        lead=top_stories[0] if top_stories else None,
        top=top_stories[1:],
        blocks=blocks,
        highlights=highlights(exclude_ids={a.pk for a in top_stories}, limit=rail),
    )


def section_page(*, slug: str, number: object = 1, per_page: int = 20, rail: int = 5) -> SectionPage | None:
    """Page ``number`` of a section; None for an unknown section or a page that does not exist.

    The first page of an empty section exists (it says so); any page past
    the end does not, so a crawler following stale links gets a 404.
    """
    section = section_by_slug(slug=slug)
    if section is None:
        return None
    try:
        page = Paginator(articles_published(section=section), per_page).page(number or 1)
    except InvalidPage:
        return None
    shown = [article.pk for article in page.object_list]
    return SectionPage(section=section, page=page, highlights=highlights(exclude_ids=shown, limit=rail))


def article_page(*, pk: int, rail: int = 5) -> ArticlePage | None:
    """Everything the article page shows; None when the article is unknown or not published."""
    article = article_published(pk=pk)
    if article is None:
        return None
    return ArticlePage(article=article, highlights=highlights(exclude_ids={article.pk}, limit=rail))


# Sources and their health (issue 3): what `newsdesk source list` and the admin show.

@dataclass(frozen=True)
class SourceHealth:
    """A source with its items in the last 24 hours and its state in one word."""

    source: Source
    items_24h: int
    state: str


def sources_with_items_24h(*, now: datetime | None = None) -> QuerySet[Source]:
    """Sources with ``items_24h``: articles from the source created in the last 24 hours."""
    since = (now or timezone.now()) - timedelta(hours=24)
    return Source.objects.select_related("section").annotate(
        items_24h=Count("articles", filter=Q(articles__created_at__gte=since))
    )


def source_state(source: Source) -> str:
    """``paused``, ``failing`` (polls failing in a row), ``ok``, ``new`` (never polled) or ``manual`` (not polled)."""
    if not source.is_polled:
        return "manual"
    if source.paused:
        return "paused"
    if source.consecutive_failures:
        return "failing"
    return "ok" if source.last_success_at else "new"


def sources_health(*, now: datetime | None = None) -> list[SourceHealth]:
    """Every source, by name, with its items in 24 h and its state."""
    return [
        SourceHealth(source=source, items_24h=source.items_24h, state=source_state(source))
        for source in sources_with_items_24h(now=now).order_by("name")
    ]
