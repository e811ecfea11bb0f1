"""source_refresh: poll one source, keep what it sent, and set when to poll it next.

1. skip a source that is gone or paused;
2. fetch: a conditional GET with the validators kept from the last poll (an
   unchanged feed costs a 304), or a scan of a watched folder — under the
   per-host cap, so a slow host holds at most that many threads;
3. store every new payload as a raw item and queue its processing in the
   same transaction (nothing stored is ever left without its job);
4. record the source's health and its next poll: the interval stretched by
   TTL / Cache-Control / Retry-After after a success, exponential back-off
   with jitter after a failure.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsdesk.core.errors import IngestError
from newsdesk.newsroom.models import Source
from newsdesk.pipeline import jobs
from newsdesk.pipeline.attempts import StageCrash
from newsdesk.pipeline.folder import folder_scan
from newsdesk.pipeline.hosts import HostBusy, host_slot
from newsdesk.pipeline.poll import Polled, PollFailed, poll, poll_policy
from newsdesk.pipeline.preview import size_check
from newsdesk.pipeline.schedule import feed_ttl, wait_after_failure, wait_after_success
from newsdesk.pipeline.store import raw_item_store


def source_refresh(*, source_id: int) -> str:
    """Poll the source once; returns what happened in a few words (the task's result)."""
    source = Source.objects.select_related("section").filter(pk=source_id).first()
    if source is None or source.paused or not source.is_polled:
        return "skipped"
    try:
        return _folder_refresh(source) if source.kind == Source.Kind.FOLDER else _url_refresh(source)
    except Exception as error:  # a bug: kept on the source like any failure, so it backs off and is tried again
        crash = StageCrash("refresh", error)
        source_failure_record(source, reason=crash.reason, message=crash.message)
        return "failed: crash"


def _url_refresh(source: Source) -> str:
    try:
        with host_slot(source.url, limit=settings.HOST_CONCURRENCY):
            polled = poll(source.url, etag=source.etag, last_modified=source.last_modified, policy=_policy())
        if not polled.not_modified:
            size_check(polled.payload, max_bytes=settings.MAX_PAYLOAD_BYTES)
    except HostBusy:
        _poll_later(source, seconds=0.5 + 1.5 * random.random())
        return "deferred: host busy"
    except (PollFailed, IngestError) as failure:
        source_failure_record(source, reason=failure.reason, message=failure.message, retry_after=getattr(failure, "retry_after", None))
        return f"failed: {failure.reason}"
    with transaction.atomic():
        stored = _payload_keep(source, polled)
        source_success_record(source, polled=polled)
    return "not modified" if polled.not_modified else ("stored" if stored else "unchanged")


def _payload_keep(source: Source, polled: Polled) -> bool:
    if polled.not_modified:
        return False
    raw_item, new = raw_item_store(origin=polled.url, payload=polled.payload, source=source, content_type=polled.content_type)
    if new:
        jobs.job_enqueue(jobs.RAW_ITEM_PROCESS, raw_item_id=raw_item.pk)
    return new


def _folder_refresh(source: Source) -> str:
    try:
        new = folder_scan(source, max_bytes=settings.MAX_PAYLOAD_BYTES)
    except IngestError as failure:
        source_failure_record(source, reason=failure.reason, message=failure.message)
        return f"failed: {failure.reason}"
    source_success_record(source, polled=None)
    return f"{new} new file(s)"


def source_success_record(source: Source, *, polled: Polled | None) -> None:
    """A poll that answered: the failure count resets and the next poll is an interval (or more) away."""
    now = timezone.now()
    wait = wait_after_success(
        interval=source.interval,
        ttl=feed_ttl(polled.payload) if polled and not polled.not_modified else None,
        max_age=polled.max_age if polled else None,
        retry_after=polled.retry_after if polled else None,
    )
    fields: dict[str, object] = {"last_success_at": now, "consecutive_failures": 0, "next_poll_at": now + wait}
    if polled is not None and (polled.etag or polled.last_modified or not polled.not_modified):
        fields.update(etag=polled.etag[:300], last_modified=polled.last_modified[:100])
    Source.objects.filter(pk=source.pk).update(**fields)


def source_failure_record(source: Source, *, reason: str, message: str, retry_after: float | None = None) -> None:
    """A poll that failed: the reason is kept for `source list`, the next try backs off and never stops."""
    now = timezone.now()
    failures = source.consecutive_failures + 1
    wait = wait_after_failure(
        interval=source.interval, failures=failures, retry_after=retry_after,
        ceiling=timedelta(seconds=settings.POLL_BACKOFF_MAX_SECONDS),
    )
    Source.objects.filter(pk=source.pk).update(
        last_error_at=now, last_error_reason=reason[:40], last_error_message=message,
        consecutive_failures=F("consecutive_failures") + 1, next_poll_at=now + wait,
    )


def _poll_later(source: Source, *, seconds: float) -> None:
    Source.objects.filter(pk=source.pk).update(next_poll_at=timezone.now() + timedelta(seconds=seconds))


def _policy():
    return poll_policy(max_bytes=settings.MAX_PAYLOAD_BYTES)
