"""What the desk's dashboards count (issue 6): reads only, each returning a ``charts.Chart``.

Time buckets are UTC clock hours (a day's view) or UTC days (a week's
view), computed by the database (``TruncHour``/``TruncDay``) so the counts
never load the rows themselves. A bucket with nothing in it is a zero, not
a gap, so a quiet hour shows as a dip in the line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDay, TruncHour

from newsdesk.core import clock
from newsdesk.desk.charts import Chart, Series
from newsdesk.newsroom.models import Article, HourlyViews, RawItem

MAX_SERIES = 6  # more lines than this are unreadable; the rest are added up as "other sources"
MOST_READ = 10
FAILED = (RawItem.Status.FAILED, RawItem.Status.SET_ASIDE)


@dataclass(frozen=True)
class Period:
    """The window a dashboard shows: the last 24 hours by the hour, or the last 7 days by the day."""

    slug: str
    buckets: list[datetime]
    step: timedelta

    @property
    def start(self) -> datetime:
        return self.buckets[0]

    @property
    def truncate(self):
        return TruncHour if self.step == timedelta(hours=1) else TruncDay

    def label(self, bucket: datetime) -> str:
        return f"{bucket:%H:00}" if self.step == timedelta(hours=1) else f"{bucket:%a %d %b}"


def period_for(slug: str, *, now: datetime | None = None) -> Period:
    """``"week"`` is seven daily buckets ending today; anything else is the last 24 hourly buckets."""
    now = (now or clock.now()).astimezone(UTC)
    if slug == "week":
        today = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return Period("week", [today - timedelta(days=d) for d in range(6, -1, -1)], timedelta(days=1))
    hour = now.replace(minute=0, second=0, microsecond=0)
    return Period("day", [hour - timedelta(hours=h) for h in range(23, -1, -1)], timedelta(hours=1))


def _bucketed(rows, period: Period, key: str) -> dict[str, dict[datetime, int]]:
    """{series name: {bucket: count}} from ``values(bucket, key).annotate(n=...)`` rows."""
    counts: dict[str, dict[datetime, int]] = defaultdict(dict)
    for row in rows:
        bucket = row["bucket"].astimezone(UTC) if row["bucket"].tzinfo else row["bucket"].replace(tzinfo=UTC)
        counts[row[key] or "no source"][bucket] = counts[row[key] or "no source"].get(bucket, 0) + row["n"]
    return counts


def _series(counts: dict[str, dict[datetime, int]], period: Period) -> tuple[Series, ...]:
    """The busiest ``MAX_SERIES`` names as series over every bucket; the rest summed as "other sources"."""
    ranked = sorted(counts, key=lambda name: (-sum(counts[name].values()), name))
    series = [Series(name, tuple(counts[name].get(b, 0) for b in period.buckets)) for name in ranked[:MAX_SERIES]]
    rest = ranked[MAX_SERIES:]
    if rest:
        series.append(Series("other sources", tuple(sum(counts[n].get(b, 0) for n in rest) for b in period.buckets)))
    return tuple(series)


def items_per_source(period: Period) -> Chart:
    """Raw items received per source per bucket: is every wire still coming in?"""
    rows = (
        RawItem.objects.filter(received_at__gte=period.start)
        .annotate(bucket=period.truncate("received_at", tzinfo=UTC))
        .values("bucket", "source__name")
        .annotate(n=Count("pk"))
    )
    return Chart(
        slug="items-per-source",
        title="Items received per source",
        description=f"Raw items received from each source per {'hour' if period.slug == 'day' else 'day'}, UTC.",
        labels=tuple(period.label(b) for b in period.buckets),
        series=_series(_bucketed(rows, period, "source__name"), period),
        unit="items",
    )


def errors_per_source(period: Period) -> Chart:
    """Raw items that failed or were set aside in the window, per source, one bar per reason code."""
    rows = (
        RawItem.objects.filter(received_at__gte=period.start, status__in=FAILED)
        .values("source__name", "reason")
        .annotate(n=Count("pk"))
    )
    by_source: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        name = row["source__name"] or "no source"
        reason = row["reason"] or "unknown"
        by_source[name][reason] = by_source[name].get(reason, 0) + row["n"]
    sources = tuple(sorted(by_source, key=lambda n: (-sum(by_source[n].values()), n)))
    reasons = sorted({reason for counts in by_source.values() for reason in counts})
    return Chart(
        slug="errors-per-source",
        title="Failed items per source",
        description="Raw items that could not be read (or were set aside) in the window, per source and reason code.",
        labels=sources,
        series=tuple(Series(reason, tuple(by_source[s].get(reason, 0) for s in sources)) for reason in reasons),
        unit="failures",
        kind="bar",
    )


def most_read_today(*, now: datetime | None = None) -> Chart:
    """Our ten most-viewed articles since midnight UTC, from the hourly view counts."""
    midnight = (now or clock.now()).astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = list(
        HourlyViews.objects.filter(hour__gte=midnight)
        .values("article_id", "article__headline")
        .annotate(n=Sum("views"))
        .order_by("-n", "article_id")[:MOST_READ]
    )
    return Chart(
        slug="most-read-today",
        title="Most read today",
        description="Views of our articles since midnight UTC, the ten most read.",
        labels=tuple(row["article__headline"] for row in rows),
        series=(Series("views", tuple(row["n"] for row in rows)),),
        unit="views",
        kind="bar",
        notes={row["article__headline"]: str(row["article_id"]) for row in rows},
    )


def publishing_volume(period: Period) -> Chart:
    """Articles that went public per bucket (by their publication time), whatever their source."""
    rows = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gte=period.start,
                               published_at__lt=period.buckets[-1] + period.step)
        .annotate(bucket=period.truncate("published_at", tzinfo=UTC))
        .values("bucket")
        .annotate(n=Count("pk"))
    )
    counts: dict[datetime, int] = {}
    for row in rows:
        bucket = row["bucket"].astimezone(UTC)
        counts[bucket] = counts.get(bucket, 0) + row["n"]
    return Chart(
        slug="publishing-volume",
        title="Articles published",
        description=f"Articles published per {'hour' if period.slug == 'day' else 'day'}, UTC.",
        labels=tuple(period.label(b) for b in period.buckets),
        series=(Series("published", tuple(counts.get(b, 0) for b in period.buckets)),),
        unit="articles",
        kind="bar",
    )


def dashboard_charts(period: Period, *, now: datetime | None = None) -> list[Chart]:
    return [items_per_source(period), errors_per_source(period), most_read_today(now=now), publishing_volume(period)]
