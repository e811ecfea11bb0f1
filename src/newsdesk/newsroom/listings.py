"""Read queries behind the machine-read listings: feeds and sitemaps.

Like ``selectors`` these only read and only return what is published. Feeds
want the newest few with everything an entry shows; sitemaps want every
article, in an order that never moves an article from one page to another,
with no more columns than a URL and a date need.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max, QuerySet
from django.db.models.functions import Coalesce

from newsdesk.newsroom.models import Article, Section

PUBLISHED = Article.Status.PUBLISHED
# When an article last changed as a reader sees it: the wire's update, else its publication.
LAST_CHANGE = Coalesce("updated_at", "published_at")


def feed_articles(*, section: Section | None = None, limit: int = 50) -> list[Article]:
    """The ``limit`` newest published articles (of one section), with section and source joined."""
    articles = Article.objects.filter(status=PUBLISHED).select_related("section", "source")
    if section is not None:
        articles = articles.filter(section=section)
    return list(articles.order_by("-published_at", "-pk")[:limit])


def sitemap_articles() -> QuerySet[Article]:
    """Every published article in id order: a new article only ever lands on the last sitemap page."""
    return (
        Article.objects.filter(status=PUBLISHED)
        .only("pk", "slug", "published_at", "updated_at")
        .order_by("pk")
    )


def news_sitemap_articles(*, since: datetime, limit: int = 1000) -> list[Article]:
    """Published articles from ``since`` on, newest first, at most ``limit`` (Google News: 2 days, 1,000)."""
    return list(
        Article.objects.filter(status=PUBLISHED, published_at__gte=since)
        .only("pk", "slug", "headline", "language", "published_at", "updated_at")
        .order_by("-published_at", "-pk")[:limit]
    )


def sections_with_latest() -> QuerySet[Section]:
    """Sections with published articles, each annotated with ``latest``: when its newest article changed."""
    return (
        Section.objects.filter(articles__status=PUBLISHED)
        .annotate(latest=Max(Coalesce("articles__updated_at", "articles__published_at")))  # over the filtered join
        .order_by("position", "name")
    )


def latest_change(*, since: datetime | None = None) -> datetime | None:
    """When the newest change to any published article (published from ``since`` on) happened."""
    articles = Article.objects.filter(status=PUBLISHED)
    if since is not None:
        articles = articles.filter(published_at__gte=since)
    return articles.aggregate(latest=Max(LAST_CHANGE))["latest"]
