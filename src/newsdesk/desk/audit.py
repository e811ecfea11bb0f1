"""The audit log: who did what to which article, when. Written by the services (``pipeline.changes``), read here.

Every workflow service, correction and wire kill appends an ``AuditEntry``
in the transaction that makes the change; nothing edits or deletes one.
``audit_entries`` is the filterable read the desk's audit view asks.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from newsdesk.newsroom.models import AuditEntry
from newsdesk.pipeline.changes import SCHEDULER, WIRE, audit_record

__all__ = ["ACTIONS", "SCHEDULER", "WIRE", "audit_entries", "audit_record"]

# Every action the services record, in the order the desk's filter lists them.
ACTIONS = ("edit", "submit", "publish", "schedule", "embargo", "unpublish", "correct", "kill", "user_add", "role_set")


def audit_entries(
    *, actor: str | None = None, action: str | None = None, article_id: int | None = None, source_id: int | None = None,
    since: datetime | None = None, until: datetime | None = None,
) -> QuerySet[AuditEntry]:
    """Audit entries newest first, narrowed by any of: actor name, action, article, source, time range."""
    entries = AuditEntry.objects.select_related("article", "source", "actor").order_by("-at", "-pk")
    if actor:
        entries = entries.filter(actor_name=actor)
    if action:
        entries = entries.filter(action=action)
    if article_id is not None:
        entries = entries.filter(article_id=article_id)
    if source_id is not None:
        entries = entries.filter(source_id=source_id)
    if since is not None:
        entries = entries.filter(at__gte=since)
    if until is not None:
        entries = entries.filter(at__lt=until)
    return entries
