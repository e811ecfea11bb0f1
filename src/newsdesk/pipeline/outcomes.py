"""What happened to each item: saved (created, updated, unchanged), skipped, queued or failed.

``draft_save`` is the one step that turns a draft into an article for every
path (a file, a polled feed, a page fetched for a feed entry), applying the
source's defaults first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.newsroom.models import RawItem, Source
from newsdesk.pipeline.save import article_save

log = logging.getLogger(__name__)

Outcome = Literal["created", "updated", "unchanged", "skipped", "queued", "failed"]


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
        if self.status in ("skipped", "queued"):
            return {"origin": self.origin, "status": self.status, "reason": self.reason, "message": self.message}
        if self.status == "failed":
            return {"origin": self.origin, "status": "failed", "reason": self.reason, "error": self.message}
        return {"id": self.article_id, "url": self.url, "headline": self.headline, "status": self.status}


def draft_for_source(draft: Draft, source: Source | None) -> Draft:
    """The source's defaults applied: its section when the item names none, its credit when it has one."""
    if source is None:
        return draft
    changes: dict[str, object] = {}
    if not draft.section and source.section_id:
        changes["section"] = source.section.name
    if source.credit:
        changes["credit"] = source.credit  # the operator's word for who this copy is from
    return draft.with_changes(**changes) if changes else draft


def draft_save(draft: Draft, *, origin: str, source: Source | None, raw_item: RawItem | None, publish: bool) -> IngestResult:
    article, outcome = article_save(draft=draft_for_source(draft, source), source=source, raw_item=raw_item, publish=publish)
    return IngestResult(origin=origin, status=outcome, article_id=article.pk, url=article.get_absolute_url(), headline=article.headline)


def failure(origin: str, error: IngestError) -> IngestResult:
    if isinstance(error, NotAnArticle):
        return IngestResult(origin=origin, status="skipped", reason=error.reason, message=error.message)
    log.warning("ingest failed: %s: %s (%s)", origin, error.message, error.reason)
    return IngestResult(origin=origin, status="failed", reason=error.reason, message=error.message)
