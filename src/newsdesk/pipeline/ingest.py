"""item_process and raw_item_process: one payload in, articles out. Reads top to bottom like the steps.

1. check the size, then store the payload as a raw item (before any parsing);
2. count the run on the raw item (so a run that never returns still counts);
3. wire: decode, detect the format, split into documents;
4. extract each document into a draft; a crash in one is recorded and the
   others go on;
5. save each draft (insert-on-conflict on its key), or hand a summary-only
   feed entry to the full-text job;
6. mark the raw item: parsed, failed with its reason, or crashed — run again
   later, and set aside with its reason after the third crash in a row that
   saved nothing new (a run that made progress before it died was not killed
   by the item).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from newsdesk import extract, wire
from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.newsroom.models import Article, RawItem, Source
from newsdesk.pipeline import jobs
from newsdesk.pipeline.attempts import StageCrash, attempt_begin, attempt_progressed, raw_item_crashed, raw_item_done, raw_item_rearm
from newsdesk.pipeline.fulltext import entry_with_page, fulltext_enqueue, needs_fulltext, page_stored
from newsdesk.pipeline.kills import withdrawal_apply, withdrawal_of
from newsdesk.pipeline.outcomes import IngestResult, Outcome, draft_save, failure
from newsdesk.pipeline.preview import size_check
from newsdesk.pipeline.rules import rules_remembered
from newsdesk.pipeline.save import article_for, sections_remembered
from newsdesk.pipeline.store import raw_item_store
from newsdesk.pipeline.understand import draft_prepare

CHUNK = 10  # documents saved per transaction

__all__ = ["IngestResult", "Outcome", "item_process", "raw_item_process", "raw_item_run_now", "raw_item_store"]


@dataclass(frozen=True)
class Run:
    """One counted run over a raw item: a result per document, and the first crash if a stage crashed."""

    results: list[IngestResult]
    crash: StageCrash | None = None


def item_process(
    *, origin: str, payload: bytes, source: Source | None = None, content_type: str = "", max_bytes: int, publish: bool = True
) -> list[IngestResult]:
    """Store, read, extract and save one payload now (`newsdesk ingest`, the sample wire); failures are recorded, never raised."""
    try:
        size_check(payload, max_bytes=max_bytes)
    except IngestError as error:
        # Too big to keep: the input stays where it came from (the file, the URL); the reason is reported.
        return [failure(origin, error)]
    raw_item, _ = raw_item_store(origin=origin, payload=payload, source=source, content_type=content_type)
    return raw_item_run_now(raw_item, publish=publish)


def raw_item_run_now(raw_item: RawItem, *, publish: bool | None = None, rerun: bool = False) -> list[IngestResult]:
    """Run the pipeline over a stored item until it goes in or is set aside (at most three runs)."""
    raw_item_rearm(raw_item)
    while True:
        started = attempt_begin(raw_item.pk, loaded=raw_item)
        if started is None:
            raw_item.refresh_from_db()
            return [failure(raw_item.origin, IngestError(raw_item.reason or "set_aside", raw_item.message))]
        run = _run(started, publish=publish, rerun=rerun)
        if run.crash is None or not raw_item_crashed(started, crash=run.crash):
            return run.results


def raw_item_process(*, raw_item_id: int, max_bytes: int) -> str:
    """The worker's job: one counted run of a pending item; a crash queues the next run, the third sets it aside."""
    raw_item = attempt_begin(raw_item_id)
    if raw_item is None:
        return "nothing to do"
    try:
        size_check(bytes(raw_item.payload), max_bytes=max_bytes)
    except IngestError as error:
        raw_item_done(raw_item, error=error)
        return error.reason
    run = _run(raw_item, publish=None)
    if run.crash is None:
        return _summary(run.results)
    with transaction.atomic():
        if raw_item_crashed(raw_item, crash=run.crash):
            delay = timedelta(seconds=2**raw_item.attempts * (0.5 + random.random()))
            jobs.job_enqueue(jobs.RAW_ITEM_PROCESS, run_after=timezone.now() + delay, raw_item_id=raw_item.pk)
            return f"crashed (run {raw_item.attempts}); runs again"
    return "set aside"


def _run(raw_item: RawItem, *, publish: bool | None, rerun: bool = False) -> Run:
    source = raw_item.source
    if publish is None:
        publish = source.auto_publish if source else True
    try:
        documents = wire.read(bytes(raw_item.payload), origin=raw_item.origin, content_type=raw_item.content_type)
    except NotAnArticle as error:
        raw_item_done(raw_item, error=None)
        return Run([failure(raw_item.origin, error)])
    except IngestError as error:
        raw_item_done(raw_item, error=error)
        return Run([failure(raw_item.origin, error)])
    except Exception as error:  # a bug in the wire stage: counted, run again, set aside after three
        crash = StageCrash("reading", error)
        return Run([failure(raw_item.origin, crash)], crash)
    results: list[IngestResult] = []
    crash: StageCrash | None = None
    # Documents are saved CHUNK to a transaction: the chunk's articles and the jobs it hands on commit
    # together, SQLite takes its write lock once per chunk, and a run cut short keeps what it finished.
    # They are extracted before it opens: on SQLite the transaction holds the write lock from BEGIN
    # (IMMEDIATE), and extraction is the slow part — inside, it kept every other worker from writing.
    for start in range(0, len(documents), CHUNK):
        chunk = documents[start : start + CHUNK]
        drafts = [_document_extract(d, raw_item=raw_item) for d in chunk]
        with transaction.atomic(), sections_remembered(), rules_remembered():
            done = [
                _document_ingest(d, draft, raw_item=raw_item, source=source, publish=publish, rerun=rerun) for d, draft in zip(chunk, drafts)
            ]
            if any(result.status in ("created", "updated", "held") for result, _ in done):
                attempt_progressed(raw_item)
        results += [result for result, _ in done]
        crash = crash or next((crashed for _, crashed in done if crashed), None)
    if crash is None:
        failed = [r for r in results if r.status == "failed"]
        saved = len(failed) < len(results)
        raw_item_done(raw_item, error=None if saved or not failed else IngestError(failed[0].reason or "", failed[0].message or ""))
    return Run(results, crash)


def _document_extract(document: WireDocument, *, raw_item: RawItem) -> Draft | tuple[IngestResult, StageCrash | None]:
    """The document's draft, or its outcome when extraction failed."""
    origin = document.url or raw_item.origin
    try:
        return draft_prepare(extract.draft_from_document(document))
    except IngestError as error:
        return failure(origin, error), None
    except Exception as error:  # a bug in extraction: this document only; the others go in
        crash = StageCrash("extraction", error)
        return failure(origin, crash), crash


def _document_ingest(
    document: WireDocument, draft: Draft | tuple[IngestResult, StageCrash | None], *, raw_item: RawItem, source: Source | None,
    publish: bool, rerun: bool,
) -> tuple[IngestResult, StageCrash | None]:
    origin = document.url or raw_item.origin
    withdrawal = withdrawal_of(document)  # an agency's kill: the item sent again as canceled or withheld
    if not isinstance(draft, Draft) and withdrawal is None:  # extraction failed: its outcome
        return draft
    try:
        with transaction.atomic():  # a savepoint: a database error here leaves the run's transaction usable
            if withdrawal is not None:
                return withdrawal_apply(withdrawal, source=source, raw_item=raw_item, origin=origin), None
            if needs_fulltext(document, source):
                return _fulltext_route(draft, document.entry, raw_item=raw_item, source=source, rerun=rerun), None
            return draft_save(draft, origin=raw_item.origin, source=source, raw_item=raw_item, publish=publish), None
    except Exception as error:  # a bug (or a database that gave up) while saving: counted like any crash
        crash = StageCrash("saving", error)
        return failure(origin, crash), crash


def _fulltext_route(draft: Draft, entry: FeedEntry, *, raw_item: RawItem, source: Source, rerun: bool) -> IngestResult:
    """A summary-only entry: nothing to do if we have it, the stored page if there is one, else the full-text job."""
    link = entry.link or ""
    article = article_for(draft, source=source)
    if article is not None and not rerun and not _entry_newer(entry, article):
        return IngestResult(origin=link, status="unchanged", article_id=article.pk, url=article.get_absolute_url(), headline=article.headline)
    page = page_stored(source, link)
    if page is not None:
        return entry_with_page(draft, page=page, feed_item=raw_item, entry=entry)
    fulltext_enqueue(feed_item=raw_item, entry=entry)
    return IngestResult(origin=link, status="queued", reason="fulltext", message="summary only: the linked page is fetched for the full text")


def _entry_newer(entry: FeedEntry, article: Article) -> bool:
    stamp = entry.updated or entry.published
    return bool(stamp and stamp > (article.updated_at or article.published_at))


def _summary(results: list[IngestResult]) -> str:
    counts = Counter(result.status for result in results)
    return ", ".join(f"{count} {status}" for status, count in sorted(counts.items())) or "no documents"
