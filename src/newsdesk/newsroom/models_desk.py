"""The desk's records (issue 6): public corrections, the audit log, and per-source find-and-replace rules.

Imported by ``newsroom.models`` so they belong to the ``newsroom`` app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Correction(models.Model):
    """A correction note shown on the public page, tied to the version that made the change."""

    article = models.ForeignKey("newsroom.Article", on_delete=models.CASCADE, related_name="corrections")
    version = models.ForeignKey("newsroom.ArticleVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "newsroom"
        ordering = ["article", "created_at"]

    def __str__(self) -> str:
        return self.note[:80]


class AuditEntry(models.Model):
    """Who did what to which article (or source, or user), when: the desk's audit log, append-only."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150, blank=True, default="", help_text="kept when the account is deleted; 'wire' for ingest")
    action = models.CharField(max_length=40, db_index=True)
    article = models.ForeignKey("newsroom.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="audit")
    source = models.ForeignKey("newsroom.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="audit")
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        app_label = "newsroom"
        ordering = ["-at"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"


class SourceRule(models.Model):
    """Find-and-replace applied to a source's copy on ingest (an agency's house style, a boilerplate line)."""

    source = models.ForeignKey("newsroom.Source", on_delete=models.CASCADE, related_name="rules")
    find = models.CharField(max_length=500)
    replace = models.CharField(max_length=500, blank=True, default="")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "newsroom"
        ordering = ["source", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.find!r} → {self.replace!r}"
