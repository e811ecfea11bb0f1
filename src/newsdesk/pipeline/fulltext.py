"""Full text for summary-only feed entries: fetch the linked page, extract it, keep the feed's metadata.

A feed entry without ``content:encoded`` (``FeedEntry.has_full_content``
False) is handed to the ``entry_fulltext`` job with the entry itself, so the
job needs no second read of the feed. The page is stored as a raw item
(``entry_of`` the feed payload) before it is parsed, like every payload; a
later poll or ``newsdesk reprocess`` reuses the stored page instead of
fetching it again. When the page cannot be fetched or holds no article, the
entry goes in with its summary as the body: an entry is never lost.
"""

from __future__ import annotations

import random
from dataclasses import asdict, fields, replace
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from newsdesk import extract, wire
from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError
from newsdesk.extract.sanitise import plain_text
from newsdesk.newsroom.models import RawItem, Source
from newsdesk.pipeline import jobs
from newsdesk.pipeline.attempts import StageCrash, attempt_begin, raw_item_crashed, raw_item_done
from newsdesk.pipeline.hosts import HostBusy, host_slot
from newsdesk.pipeline.outcomes import IngestResult, draft_save
from newsdesk.pipeline.poll import PollFailed, poll, poll_policy
from newsdesk.pipeline.store import raw_item_store
from newsdesk.pipeline.understand import draft_prepare

_DATES = ("published", "updated")


def needs_fulltext(document: WireDocument, source: Source | None) -> bool:
    """A summary-only entry of a feed polled from a URL, with a link to follow."""
    entry = document.entry
    return bool(
        source is not None and source.kind in (Source.Kind.FEED, Source.Kind.PAGE)
        and document.kind == "feed_entry" and entry is not None and not entry.has_full_content and entry.link
    )


def entry_json(entry: FeedEntry) -> dict:
    """The entry as JSON values, to travel with the job."""
    data = asdict(entry)
    for name in _DATES:
        data[name] = data[name].isoformat() if data[name] else None
    data["categories"] = list(entry.categories)
    return data


def entry_from_json(data: dict) -> FeedEntry:
    known = {field.name for field in fields(FeedEntry)}
    values = {name: value for name, value in data.items() if name in known}
    for name in _DATES:
        values[name] = datetime.fromisoformat(values[name]) if values.get(name) else None
    values["categories"] = tuple(values.get("categories") or ())
    return FeedEntry(**values)


def page_stored(source: Source | None, link: str) -> RawItem | None:
    """The page fetched for this link before, newest first."""
    return RawItem.objects.filter(source=source, origin=link).order_by("-received_at", "-pk").first()


def fulltext_enqueue(*, feed_item: RawItem, entry: FeedEntry, delay: float = 0.0) -> None:
    run_after = timezone.now() + timedelta(seconds=delay) if delay else None
    jobs.job_enqueue(jobs.ENTRY_FULLTEXT, run_after=run_after, feed_item_id=feed_item.pk, entry=entry_json(entry))


def entry_fulltext(*, feed_item_id: int, entry: dict, max_bytes: int) -> str:
    """Fetch (or reuse) the entry's page, extract it and save the article with the feed's metadata."""
    # The feed's payload (a hundred entries) is not needed here: the entry travelled with the job.
    feed_item = RawItem.objects.select_related("source", "source__section").defer("payload").filter(pk=feed_item_id).first()
    if feed_item is None:
        return "gone"
    feed_entry = entry_from_json(entry)
    try:
        summary = extract.draft_from_document(WireDocument(kind="feed_entry", text=feed_entry.summary, url=feed_entry.link, entry=feed_entry))
    except IngestError as error:
        return error.reason
    page = page_stored(feed_item.source, feed_entry.link or "")
    counted = False
    if page is None:
        try:
            page, new = _page_fetch(feed_item, feed_entry.link or "", max_bytes=max_bytes)
            counted = new and page.attempts == 1  # stored with this run counted: no second write to count it
        except HostBusy:
            fulltext_enqueue(feed_item=feed_item, entry=feed_entry, delay=0.5 + 1.5 * random.random())
            return "deferred"
        except (PollFailed, IngestError) as failure:
            return _outcome(_save(summary, raw_item=feed_item, why=failure.reason))
    return _outcome(entry_with_page(summary, page=page, feed_item=feed_item, entry=feed_entry, counted=counted))


def entry_with_page(summary: Draft, *, page: RawItem, feed_item: RawItem, entry: FeedEntry, counted: bool = False) -> IngestResult:
    """Extract the stored page (one counted run) and save the merged draft; the summary when the page fails.

    ``counted``: the page was just stored with this run counted (``raw_item_store(counted=True)``).
    """
    if page.status == RawItem.Status.PENDING and not counted:
        page = attempt_begin(page.pk, loaded=page) or RawItem.objects.get(pk=page.pk)
    # Extract before the transaction: on SQLite it holds the write lock from BEGIN (IMMEDIATE), and a page's
    # extraction is the slow part — inside, it kept every other worker from writing (bench/ingest measured it).
    merged = _page_merge(summary, page=page, entry=entry)
    with transaction.atomic():
        return _merged_save(summary, merged, page=page, feed_item=feed_item, entry=entry)


def _page_merge(summary: Draft, *, page: RawItem, entry: FeedEntry) -> Draft | Exception | None:
    """The merged draft; or the error extraction raised, recorded by ``_merged_save``; None for a page set aside."""
    if page.status in (RawItem.Status.SET_ASIDE, RawItem.Status.FAILED):
        return None
    try:
        return draft_prepare(draft_with_page(summary, _page_draft(page), entry=entry))
    except Exception as error:  # an IngestError, or a stage bug: both are recorded on the page by _merged_save
        return error


def _merged_save(summary: Draft, merged: Draft | Exception | None, *, page: RawItem, feed_item: RawItem, entry: FeedEntry) -> IngestResult:
    if merged is None:
        return _save(summary, raw_item=feed_item, why=page.reason)
    if isinstance(merged, IngestError):
        raw_item_done(page, error=merged)
        return _save(summary, raw_item=feed_item, why=merged.reason)
    if isinstance(merged, Exception):  # a stage bug: counted on the page; the job comes back, or the summary goes in
        if raw_item_crashed(page, crash=StageCrash("page extraction", merged)):
            fulltext_enqueue(feed_item=feed_item, entry=entry, delay=2.0**page.attempts)
            return IngestResult(origin=page.origin, status="queued", reason="crash", message="the page crashed extraction; it runs again")
        return _save(summary, raw_item=feed_item, why="crash")
    result = _save(merged, raw_item=page)
    if page.status == RawItem.Status.PENDING:
        raw_item_done(page, error=None)
    return result


def draft_with_page(summary: Draft, page: Draft, *, entry: FeedEntry) -> Draft:
    """The page's body under the feed's metadata: headline, id, dates, link, categories come from the feed."""
    feed_credit = plain_text(entry.feed_title) if entry.feed_title else None
    return summary.with_changes(
        body_html=page.body_html,
        dateline=page.dateline or summary.dateline,
        byline=summary.byline or page.byline,
        credit=page.credit if (not summary.credit or summary.credit == feed_credit) and page.credit else summary.credit,
        section=summary.section or page.section,
        picture=summary.picture or page.picture,
        summary=plain_text(entry.summary) or page.summary or None,
        published=summary.published or page.published,
        updated=summary.updated or page.updated,
        language=entry.language or page.language,
    )


def _page_fetch(feed_item: RawItem, link: str, *, max_bytes: int) -> tuple[RawItem, bool]:
    with host_slot(link, limit=settings.HOST_CONCURRENCY):
        polled = poll(link, policy=poll_policy(max_bytes=max_bytes))
    return raw_item_store(
        origin=link, payload=polled.payload, source=feed_item.source, content_type=polled.content_type, entry_of=feed_item,
        counted=True,
    )


def _page_draft(page: RawItem) -> Draft:
    documents = wire.read(bytes(page.payload), origin=page.origin, content_type=page.content_type)
    drafts = [extract.draft_from_document(document) for document in documents[:1]]
    if not drafts:
        raise IngestError("no_article", "no article on the linked page")
    return drafts[0]


def _save(draft: Draft, *, raw_item: RawItem, why: str = "") -> IngestResult:
    """Save; ``why`` says the page could not give the full text, so the summary went in as the body."""
    source = raw_item.source
    publish = source.auto_publish if source else True
    result = draft_save(draft, origin=draft.original_url or raw_item.origin, source=source, raw_item=raw_item, publish=publish)
    return replace(result, reason="summary_only", message=f"summary only: {why}") if why else result


def _outcome(result: IngestResult) -> str:
    return f"{result.status} ({result.message})" if result.message else result.status
