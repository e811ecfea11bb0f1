"""Our own view count: one atomic increment per page view, never a lost update."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from newsdesk.newsroom.models import Article, ViewCount


def article_view_count(*, article_id: int) -> int:
    """Count one view of a published article and return the new total.

    The increment is a single ``UPDATE … SET total = total + 1`` done by the
    database, so concurrent readers never overwrite each other's view. The
    read-back happens in the same transaction while the row is still locked
    (SQLite takes the write lock at BEGIN IMMEDIATE; PostgreSQL holds the row
    lock until commit), so every caller gets its own exact total.
    Raises ``Article.DoesNotExist`` for an unknown or unpublished article.
    """
    with transaction.atomic():
        if not _increment(article_id):
            if not Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED).exists():
                raise Article.DoesNotExist(f"no published article {article_id}")
            # Articles saved before counting existed have no row yet.
            ViewCount.objects.bulk_create([ViewCount(article_id=article_id)], ignore_conflicts=True)
            _increment(article_id)
        return ViewCount.objects.values_list("total", flat=True).get(article_id=article_id)


def _increment(article_id: int) -> int:
    return ViewCount.objects.filter(article_id=article_id, article__status=Article.Status.PUBLISHED).update(
        total=F("total") + 1
    )
