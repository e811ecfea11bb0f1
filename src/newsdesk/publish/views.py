"""Our own view count: one atomic increment per page view, never a lost update."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import F

from newsdesk.core import clock
from newsdesk.newsroom.models import Article, ViewCount
from newsdesk.publish import readership_redis
from newsdesk.publish.readership import hour_of, views_hour_add

log = logging.getLogger(__name__)


def article_view_count(*, article_id: int) -> int:
    """Count one view of a published article and return the new total.

    The view is added to the article's total and to its views of the current
    hour (the most-read rail). Without Redis both are single ``UPDATE … SET
    n = n + 1`` statements done by the database, so concurrent readers never
    overwrite each other's view. The read-back happens in the same transaction
    while the row is still locked (SQLite takes the write lock at BEGIN
    IMMEDIATE; PostgreSQL holds the row lock until commit), so every caller
    gets its own exact total. With ``REDIS_URL`` the view is an atomic HINCRBY
    in Redis, flushed to the database in batches (``readership.views_flush``);
    if Redis cannot be reached the view is counted in the database instead.
    Raises ``Article.DoesNotExist`` for an unknown or unpublished article.
    """
    if readership_redis.enabled():
        import redis

        try:
            return _count_in_redis(article_id)
        except redis.RedisError as error:
            log.warning("views: Redis unreachable, counting in the database: %s", error)
    with transaction.atomic():
        if not _increment(article_id):
            if not Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED).exists():
                raise Article.DoesNotExist(f"no published article {article_id}")
            # Articles saved before counting existed have no row yet.
            ViewCount.objects.bulk_create([ViewCount(article_id=article_id)], ignore_conflicts=True)
            _increment(article_id)
        views_hour_add(article_id=article_id)
        return ViewCount.objects.values_list("total", flat=True).get(article_id=article_id)


def _increment(article_id: int) -> int:
    return ViewCount.objects.filter(article_id=article_id, article__status=Article.Status.PUBLISHED).update(
        total=F("total") + 1
    )


def _count_in_redis(article_id: int) -> int:
    """The flushed total from the database plus the views waiting in Redis, this one included."""
    row = Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED).values_list("pk", "views__total").first()
    if row is None:
        raise Article.DoesNotExist(f"no published article {article_id}")
    return (row[1] or 0) + readership_redis.view_add(article_id=article_id, hour=hour_of(clock.now()))
