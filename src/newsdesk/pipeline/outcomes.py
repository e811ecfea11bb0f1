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
from newsdesk.pipeline.rules import source_rules_apply
from newsdesk.pipeline.understand import draft_understand

log = logging.getLogger(__name__)

# killed: a wire withdrawal; held: a new wire version of a desk-edited article, kept for an editor (pipeline/wire_updates.py)
Outcome = Literal["created", "updated", "unchanged", "duplicate", "held", "killed", "skipped", "queued", "failed"]


@dataclass(frozen=True)
class IngestResult:
    origin: str
    status: Outcome
    article_id: int | None = None
    url: str | None = None
    headline: str | None = None
    reason: str | None = None
    message: str | None = None
    story_id: int | None = None
    duplicate_of: int | None = None  # "duplicate": the article this copy was folded into
    copy_id: int | None = None

    def as_json(self) -> dict:
        if self.status in ("skipped", "queued"):
            return {"origin": self.origin, "status": self.status, "reason": self.reason, "message": self.message}
        if self.status == "failed":
            return {"origin": self.origin, "status": "failed", "reason": self.reason, "error": self.message}
        saved = {"id": self.article_id, "url": self.url, "headline": self.headline, "status": self.status, "story": self.story_id}
        if self.status == "duplicate":
            saved |= {"duplicate_of": self.duplicate_of, "copy": self.copy_id}
        return saved


def draft_for_source(draft: Draft, source: Source | None) -> Draft:
    """The source's defaults applied: its section when the item names none, its credit when it has one."""
    if source is None:
        return draft
    draft = source_rules_apply(draft, source)  # the source's find-and-replace rules (pipeline/rules.py)
    changes: dict[str, object] = {}
    if not draft.section and source.section_id:
        changes["section"] = source.section.name
    if source.credit:
        changes["credit"] = source.credit  # the operator's word for who this copy is from
    return draft.with_changes(**changes) if changes else draft


def draft_save(draft: Draft, *, origin: str, source: Source | None, raw_item: RawItem | None, publish: bool) -> IngestResult:
    saved = draft_understand(draft=draft_for_source(draft, source), source=source, raw_item=raw_item, publish=publish)
    article = saved.article
    return IngestResult(
        origin=origin, status=saved.outcome, article_id=article.pk, url=article.get_absolute_url(), headline=article.headline,
        story_id=saved.story_id, duplicate_of=saved.duplicate_of, copy_id=saved.copy_id,
    )


def failure(origin: str, error: IngestError) -> IngestResult:
    if isinstance(error, NotAnArticle):
        return IngestResult(origin=origin, status="skipped", reason=error.reason, message=error.message)
    log.warning("ingest failed: %s: %s (%s)", origin, error.message, error.reason)
    return IngestResult(origin=origin, status="failed", reason=error.reason, message=error.message)
