"""item_process: one payload in, articles out. Reads top to bottom like the list of steps."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Literal

from django.utils import timezone

from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.newsroom.models import Article, RawItem, Source
from newsdesk.pipeline.preview import extractions_from_payload, size_check
from newsdesk.pipeline.save import article_save

log = logging.getLogger(__name__)

Outcome = Literal["created", "updated", "unchanged", "skipped", "failed"]


@dataclass(frozen=True)
class IngestResult:
    origin: str
    status: Outcome
    article_id: int | None = None
    url: str | None = None
    headline: str | None = None
    reason: str | None = None
    message: str | None = None

    def as_json(self) -> dict:
        if self.status == "skipped":
            return {"origin": self.origin, "status": "skipped", "reason": self.reason, "message": self.message}
        if self.status == "failed":
            return {"origin": self.origin, "status": "failed", "reason": self.reason, "error": self.message}
        return {"id": self.article_id, "url": self.url, "headline": self.headline, "status": self.status}


def raw_item_store(*, origin: str, payload: bytes, source: Source | None = None, content_type: str = "") -> RawItem:
    """Keep the payload with its hash before anything parses it (insert-on-conflict on the hash)."""
    digest = hashlib.sha256(payload).hexdigest()
    RawItem.objects.bulk_create(
        [RawItem(origin=origin, sha256=digest, payload=payload, size=len(payload), source=source, content_type=content_type)],
        ignore_conflicts=True,
    )
    return RawItem.objects.get(sha256=digest)


def item_process(
    *,
    origin: str,
    payload: bytes,
    source: Source | None = None,
    content_type: str = "",
    max_bytes: int,
    publish: bool = True,
) -> list[IngestResult]:
    """Store, read, extract and save one payload; a failure is recorded on the raw item, never raised."""
    try:
        size_check(payload, max_bytes=max_bytes)
    except IngestError as error:
        # Too big to keep: the input stays where it came from (the file, the URL); the reason is reported.
        return [_failure(origin, error)]
    raw_item = raw_item_store(origin=origin, payload=payload, source=source, content_type=content_type)
    try:
        outcomes = extractions_from_payload(payload, origin=origin, content_type=content_type, max_bytes=max_bytes)
    except NotAnArticle as error:
        _raw_item_mark(raw_item, error=None)
        return [_failure(origin, error)]
    except IngestError as error:
        _raw_item_mark(raw_item, error=error)
        return [_failure(origin, error)]
    results = [
        _draft_save(outcome, origin=origin, source=source, raw_item=raw_item, publish=publish)
        if isinstance(outcome, Draft)
        else _failure(origin, outcome)
        for outcome in outcomes
    ]
    saved = any(result.status != "failed" for result in results)
    first_error = next((o for o in outcomes if isinstance(o, IngestError)), None)
    _raw_item_mark(raw_item, error=None if saved else first_error)
    return results


def _draft_save(draft: Draft, *, origin: str, source: Source | None, raw_item: RawItem, publish: bool) -> IngestResult:
    article, outcome = article_save(draft=draft, source=source, raw_item=raw_item, publish=publish)
    return IngestResult(origin=origin, status=outcome, article_id=article.pk, url=article.get_absolute_url(), headline=article.headline)


def _raw_item_mark(raw_item: RawItem, *, error: IngestError | None) -> None:
    RawItem.objects.filter(pk=raw_item.pk).update(
        status=RawItem.Status.FAILED if error else RawItem.Status.PARSED,
        reason=error.reason if error else "",
        message=error.message if error else "",
        parsed_at=timezone.now(),
    )


def _failure(origin: str, error: IngestError) -> IngestResult:
    if isinstance(error, NotAnArticle):
        return IngestResult(origin=origin, status="skipped", reason=error.reason, message=error.message)
    log.warning("ingest failed: %s: %s (%s)", origin, error.message, error.reason)
    return IngestResult(origin=origin, status="failed", reason=error.reason, message=error.message)
