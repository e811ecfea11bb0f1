"""Readership tables: views per article per clock hour, and the Redis batches already flushed.

``ViewCount`` (in ``models``) keeps each article's all-time total; these add
the time dimension the most-read rail needs ("views in the last 24 hours")
and make a batch flushed from Redis count exactly once. Imported by
``newsroom.models`` so they are part of the ``newsroom`` app and its
migrations.
"""

from __future__ import annotations

from django.db import models


class HourlyViews(models.Model):
    """Views of one article in one clock hour (UTC, truncated): what the most-read rail adds up."""

    article = models.ForeignKey("newsroom.Article", on_delete=models.CASCADE, related_name="hourly_views")
    hour = models.DateTimeField(help_text="the start of the hour, UTC")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "newsroom"
        constraints = [models.UniqueConstraint(fields=["article", "hour"], name="one_views_row_per_article_hour")]
        indexes = [models.Index(fields=["hour", "article"], name="hourlyviews_hour_idx")]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00: {self.views}"


class ViewsFlush(models.Model):
    """A batch of view counts moved from Redis to the database.

    Written in the same transaction as the counts, so a flush that is retried
    after a crash (or run by two workers at once) adds each batch once.
    """

    batch = models.CharField(max_length=64, primary_key=True)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        app_label = "newsroom"

    def __str__(self) -> str:
        return self.batch
