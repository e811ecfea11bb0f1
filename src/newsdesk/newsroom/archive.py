"""Read queries over the whole archive of published articles: by section and by date.

The JSON API pages through these. Like ``selectors`` they only read and only
return what is published, newest first with ties broken by id so that pages
never shuffle, with section and source joined (a ninjs document needs both).

Search by words is ``newsroom.search`` (issue 5 point 4: SQLite FTS5,
PostgreSQL full text).
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from newsdesk.newsroom.models import Article, Section

PUBLISHED = Article.Status.PUBLISHED


def articles_archived(
    *, section: Section | None = None, since: datetime | None = None, until: datetime | None = None
) -> QuerySet[Article]:
    """Published articles (of a section), published from ``since`` (inclusive) to ``until`` (exclusive)."""
    articles = Article.objects.filter(status=PUBLISHED).select_related("section", "source")
    if section is not None:
        articles = articles.filter(section=section)
    if since is not None:
        articles = articles.filter(published_at__gte=since)
    if until is not None:
        articles = articles.filter(published_at__lt=until)
    return articles.order_by("-published_at", "-pk")
