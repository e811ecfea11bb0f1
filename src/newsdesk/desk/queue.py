"""The incoming queue's reads (issue 6): wire copy waiting for the desk, and raw items that failed.

``queue_articles`` is what the desk works through: drafts and copy marked
ready, newest first, each with its folded duplicates (``WireCopy``: how many
wires sent it and under which credits) and its story. ``queue_failures``
lists recent raw items that could not be read, with their reason, so an
editor sees a broken wire where the copy would have been. An article with a
wire update held for the desk (``desk.wire_updates``) is in the queue
whatever its status, flagged "wire update available" with its diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet

from newsdesk.core import clock
from newsdesk.desk.wire_updates import with_wire_updates
from newsdesk.newsroom.models import Article, AuditEntry, RawItem, Section, Source, WireCopy
from newsdesk.pipeline.wire_updates import HELD_ACTION

PER_PAGE = 50
FAILURES_SHOWN = 20
FAILURE_WINDOW = timedelta(days=2)
NEW = (Article.Status.DRAFT, Article.Status.READY)
UPDATES = "updates"  # the filter for articles with a wire update waiting, whatever their status
STATUSES = {"new": NEW, UPDATES: (), **{status.value: (status.value,) for status in Article.Status}}


@dataclass(frozen=True)
class QueueFilters:
    """What the editor narrowed the queue to; every value comes from the query string and is checked here."""

    source: Source | None = None
    section: Section | None = None
    status: str = "new"
    q: str = ""

    @classmethod
    def from_query(cls, query) -> QueueFilters:
        """Unknown ids and statuses are ignored (the whole queue shows), never an error page."""
        status = query.get("status", "new")
        return cls(
            source=_by_pk(Source, query.get("source")),
            section=_by_pk(Section, query.get("section")),
            status=status if status in STATUSES else "new",
            q=query.get("q", "").strip()[:200],
        )


def _by_pk(model, value: str | None):
    return model.objects.filter(pk=int(value)).first() if value and value.isdigit() else None


def queue_articles(filters: QueueFilters) -> QuerySet[Article]:
    """Articles in the queue, newest first, with ``copy_count``, their copies' credits, their story and any wire update."""
    articles = with_wire_updates(Article.objects.all())
    # Only articles the wire held an update for are asked about it (the audit log's action is indexed).
    update_waits = Q(pk__in=AuditEntry.objects.filter(action=HELD_ACTION).values("article_id")) & Q(wire_update_any__gt=F("wire_update_closed"))
    if filters.status == UPDATES:
        articles = articles.filter(update_waits)
    elif filters.status == "new":
        articles = articles.filter(Q(status__in=NEW) | update_waits)
    else:
        articles = articles.filter(status__in=STATUSES[filters.status])
    if filters.source:
        articles = articles.filter(source=filters.source)
    if filters.section:
        articles = articles.filter(section=filters.section)
    if filters.q:
        articles = articles.filter(Q(headline__icontains=filters.q) | Q(byline__icontains=filters.q))
    copies = WireCopy.objects.select_related("source").only("article_id", "credit", "source__name", "first", "similarity")
    return (
        articles.select_related("source", "section", "story")
        .annotate(copy_count=Count("copies", distinct=True))
        .prefetch_related(Prefetch("copies", queryset=copies.order_by("folded_at", "pk"), to_attr="copies_listed"))
        .order_by("-created_at", "-pk")
    )


def queue_page(filters: QueueFilters, number: object = 1) -> Page:
    """One page of the queue; a page number past the end (or not a number) gives the last (or first) page."""
    return Paginator(queue_articles(filters), PER_PAGE).get_page(number)


def queue_failures(filters: QueueFilters, *, now=None) -> list[RawItem]:
    """Raw items that failed or were set aside in the last two days, newest first (never their payloads)."""
    since = (now or clock.now()) - FAILURE_WINDOW
    items = RawItem.objects.filter(status__in=(RawItem.Status.FAILED, RawItem.Status.SET_ASIDE), received_at__gte=since)
    if filters.source:
        items = items.filter(source=filters.source)
    return list(
        items.select_related("source")
        .defer("payload")
        .order_by("-received_at", "-pk")[:FAILURES_SHOWN]
    )


def queue_choices() -> dict:
    """The filter menus: every source and section by name."""
    return {
        "sources": list(Source.objects.order_by("name").only("pk", "name")),
        "sections": list(Section.objects.all().only("pk", "name")),
        "statuses": list(STATUSES),
    }
