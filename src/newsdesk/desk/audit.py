"""The audit log: who did what to which article, when. Written by the services (``pipeline.changes``), read here.

Every workflow service, correction, fold split and wire kill appends an
``AuditEntry`` in the transaction that makes the change; nothing edits or
deletes one. ``audit_entries`` is the filterable read the desk's audit view
asks, with the query string's filters checked in ``AuditFilters``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from newsdesk.newsroom.models import AuditEntry
from newsdesk.pipeline.changes import SCHEDULER, WIRE, audit_record

__all__ = ["ACTIONS", "SCHEDULER", "WIRE", "AuditFilters", "audit_choices", "audit_entries", "audit_page", "audit_record"]

# Every action the services record.
ACTIONS = (
    "edit", "submit", "publish", "schedule", "embargo", "unpublish", "correct", "kill", "split",
    "wire_update_held", "wire_update_take", "wire_update_dismiss", "user_add", "role_set",
)
PER_PAGE = 50


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class AuditFilters:
    """The query string's filters, checked: a bad date or id is ignored, never an error page."""

    user: str = ""
    action: str = ""
    article: int | None = None
    since: date | None = None
    until: date | None = None

    @classmethod
    def from_query(cls, query) -> AuditFilters:
        article = query.get("article", "").strip()
        return cls(
            user=query.get("user", "").strip()[:150],
            action=query.get("action", "").strip()[:40],
            article=int(article) if article.isdigit() else None,
            since=_date(query.get("since")),
            until=_date(query.get("until")),
        )


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_entries(filters: AuditFilters) -> QuerySet[AuditEntry]:
    """Entries newest first; ``until`` includes the whole day it names."""
    entries = AuditEntry.objects.select_related("article", "source")
    if filters.user:
        entries = entries.filter(actor_name=filters.user)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.article is not None:
        entries = entries.filter(article_id=filters.article)
    if filters.since:
        entries = entries.filter(at__gte=_day_start(filters.since))
    if filters.until:
        entries = entries.filter(at__lt=_day_start(filters.until + timedelta(days=1)))
    return entries.order_by("-at", "-pk")


def audit_page(filters: AuditFilters, number: object = 1) -> Page:
    return Paginator(audit_entries(filters), PER_PAGE).get_page(number)


def audit_choices() -> dict:
    """The filter menus: every action and every actor name the log holds."""
    return {
        "actions": list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()),
        "users": list(AuditEntry.objects.exclude(actor_name="").order_by("actor_name").values_list("actor_name", flat=True).distinct()),
    }
