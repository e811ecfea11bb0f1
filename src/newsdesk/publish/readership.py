"""Readership: views per hour, the most-read rail, and the rails' JSON that every page fills itself from.

Every view is counted by ``publish.views.article_view_count`` (the one entry
point); it adds to the article's total and to the views of the current clock
hour here. With ``REDIS_URL`` set, both counts go to Redis first and
``readership_redis.views_flush`` moves them to these tables in batches.

The rails (highlights and most read) are not part of a baked page: a page
that listed other stories would have to be baked again whenever any of them
changed. site.js fills them from ``rails_payload`` instead, one small JSON
document for the whole site, cached briefly and dropped when an article is
published, changed or unpublished.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum

from newsdesk.core import clock
from newsdesk.newsroom import selectors
from newsdesk.newsroom.models import Article, ViewCount
from newsdesk.newsroom.models_views import HourlyViews, ViewsFlush
from newsdesk.publish import readership_redis

PUBLISHED = Article.Status.PUBLISHED
MOST_READ_HOURS = 24
# How long hourly rows are kept: the rail reads a day; a week leaves room for "most read this week".
HOURS_KEPT = 7 * 24
# The rails JSON carries more than a rail shows, so a page can leave out the stories it already
# lists (a section page lists twenty) and still fill its rail.
RAIL_SIZE = 5
RAILS_HIGHLIGHTS = 25
RAILS_MOST_READ = 10
RAILS_MAX_AGE = 30  # seconds: the browser, a CDN and our own cache keep the rails this long
RAILS_CACHE_KEY = "newsdesk:rails:v1"


def hour_of(moment: datetime) -> datetime:
    """The start of the clock hour ``moment`` falls in, in UTC."""
    return moment.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)


def views_hour_add(*, article_id: int, views: int = 1, hour: datetime | None = None) -> None:
    """Add ``views`` to the article's row for ``hour`` (now by default), creating it on its first view.

    Call inside the transaction that counted the view: the caller holds the
    article's count row, so no two writers race on the same hour row.
    """
    hour = hour_of(hour or clock.now())
    if not HourlyViews.objects.filter(article_id=article_id, hour=hour).update(views=F("views") + views):
        HourlyViews.objects.bulk_create([HourlyViews(article_id=article_id, hour=hour, views=0)], ignore_conflicts=True)
        HourlyViews.objects.filter(article_id=article_id, hour=hour).update(views=F("views") + views)


@dataclass(frozen=True)
class MostRead:
    """A published article and its views in the window."""

    article: Article
    views: int


def most_read(*, hours: int = MOST_READ_HOURS, limit: int = RAIL_SIZE, now: datetime | None = None) -> list[MostRead]:
    """The published articles with the most views in the last ``hours`` clock hours (this one included).

    Ties go to the newer story. Views still waiting in Redis for a flush are
    added, so the rail does not depend on how often the worker flushes.
    """
    since = hour_of(now or clock.now()) - timedelta(hours=hours - 1)
    counts: dict[int, int] = dict(
        HourlyViews.objects.filter(hour__gte=since, article__status=PUBLISHED)
        .values("article")
        .annotate(total=Sum("views"))
        .values_list("article", "total")
    )
    for article_id, views in readership_redis.pending_since(since).items():
        counts[article_id] = counts.get(article_id, 0) + views
    articles = {a.pk: a for a in selectors.articles_published().filter(pk__in=counts)}
    ranked = sorted(articles.values(), key=lambda a: (-counts[a.pk], -a.published_at.timestamp(), -a.pk))
    return [MostRead(article=a, views=counts[a.pk]) for a in ranked[:limit]]


def rail_item(article: Article) -> dict:
    section = article.section
    return {
        "id": article.pk,
        "headline": article.headline,
        "url": article.get_absolute_url(),
        "section": {"name": section.name, "url": section.get_absolute_url()} if section else None,
        "published": article.published_at.isoformat(),
    }


def rails_payload() -> dict:
    """The newest stories and the most read of the last 24 hours, as the rails' JSON; cached for ``RAILS_MAX_AGE``."""
    payload = cache.get(RAILS_CACHE_KEY)
    if payload is None:
        payload = {
            "highlights": [rail_item(a) for a in selectors.highlights(limit=RAILS_HIGHLIGHTS)],
            "most_read": [
                {**rail_item(entry.article), "views": entry.views} for entry in most_read(limit=RAILS_MOST_READ)
            ],
        }
        cache.set(RAILS_CACHE_KEY, payload, RAILS_MAX_AGE)
    return payload


def rails_forget() -> None:
    """Drop the cached rails: an article was published, changed or unpublished."""
    cache.delete(RAILS_CACHE_KEY)


def view_total(*, article_id: int) -> int:
    """An article's count as a reader should see it: the database's total plus any views waiting in Redis."""
    return selectors.view_total(article_id=article_id) + readership_redis.pending_total(article_id=article_id)


def views_prune(*, now: datetime | None = None) -> int:
    """Delete hourly rows older than ``HOURS_KEPT`` and flush records older than a day; returns the rows deleted."""
    now = now or clock.now()
    deleted, _ = HourlyViews.objects.filter(hour__lt=hour_of(now) - timedelta(hours=HOURS_KEPT)).delete()
    ViewsFlush.objects.filter(flushed_at__lt=now - timedelta(days=1)).delete()
    return deleted


@dataclass(frozen=True)
class FlushResult:
    batches: int
    views: int


def views_flush() -> FlushResult:
    """Move the views counted in Redis into the database, batch by batch; nothing without ``REDIS_URL``.

    Each batch goes in with its id in one transaction, so a batch that a
    crashed flush left behind, or that another worker is flushing at the same
    moment, is added exactly once.
    """
    if not readership_redis.enabled():
        return FlushResult(batches=0, views=0)
    flushed = views = 0
    for batch in readership_redis.batches_take():
        totals, hours = readership_redis.batch_read(batch)
        try:
            with transaction.atomic():
                ViewsFlush.objects.create(batch=batch)
                views += _batch_add(totals, hours)
        except IntegrityError:
            pass  # another flush added this batch first
        else:
            flushed += 1
        readership_redis.batch_done(batch)
    return FlushResult(batches=flushed, views=views)


def _batch_add(totals: dict[int, int], hours: dict[tuple[int, int], int]) -> int:
    """Add a batch's counts; views of articles deleted since are dropped with them."""
    existing = set(Article.objects.filter(pk__in=list(totals)).values_list("pk", flat=True))
    ViewCount.objects.bulk_create([ViewCount(article_id=pk) for pk in existing], ignore_conflicts=True)
    for article_id in sorted(existing):  # a fixed order: two flushes never lock rows in opposite orders
        ViewCount.objects.filter(article_id=article_id).update(total=F("total") + totals[article_id])
    for (article_id, hour), count in sorted(hours.items()):
        if article_id in existing:
            views_hour_add(article_id=article_id, views=count, hour=datetime.fromtimestamp(hour, tz=timezone.utc))
    return sum(totals[pk] for pk in existing)
