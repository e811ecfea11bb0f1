"""A wire update to an article the desk has edited: kept for an editor to take, never written over the editor's text.

The newsroom rule: once an editor has changed an article's words in the desk
(an ``edit`` or a ``correct``), a newer version of the item from the wire
(same provider id, higher version or changed copy) no longer replaces what
is live. It is kept as an ``ArticleVersion`` with reason ``HELD`` — the
article as the wire now tells it, so the desk's diff compares it with the
editor's text — and an audit entry, and the desk's queue flags the article
"wire update available" until an editor takes or dismisses it
(``desk.wire_updates``). An article nobody edited is updated by the wire as
before (``save.article_save``); an older or identical version changes nothing.
"""

from __future__ import annotations

import copy
from typing import Literal

from django.utils import timezone

from newsdesk.core.draft import Draft
from newsdesk.newsroom.models import Article, ArticleVersion, RawItem, Source
from newsdesk.pipeline.changes import WIRE, audit_record
from newsdesk.pipeline.save import article_fields, draft_hash, fields_fit, item_key, section_for, snapshot, wire_version_is_older

HELD = "wire update held"  # the version's reason; its snapshot is the wire's text, not the live one
HELD_ACTION = "wire_update_held"  # the audit entry's action
DESK_EDITS = ("edit", "correct")  # versions that mean an editor changed the words
RESOLVED = ("wire_update_take", "wire_update_dismiss")  # versions that close the held updates before them


def wire_update_hold(draft: Draft, *, source: Source | None, raw_item: RawItem | None) -> tuple[Article, Literal["held", "unchanged"]] | None:
    """Keep a changed wire version of a desk-edited article aside; None when the article takes it as usual.

    One indexed query on the common path (an unchanged re-send, or an article
    nobody edited); the article is locked only when there is something to hold.
    """
    key = item_key(draft, source=source)
    digest = draft_hash(draft)
    edited = Article.objects.filter(wire_key=key.wire_key, versions__reason__in=DESK_EDITS).exclude(content_hash=digest)
    if not edited.exists():
        return None
    article = Article.objects.select_for_update(of=("self",)).select_related("section").get(wire_key=key.wire_key)
    last = article.versions.order_by("-number").first()
    held = article.versions.filter(reason=HELD).order_by("-number").values_list("snapshot", flat=True).first() or {}
    if held.get("content_hash") == digest or wire_version_is_older(draft, last.snapshot):
        return article, "unchanged"  # this wire version is held already, or an older one came late
    kept = snapshot(_as_the_wire_tells_it(article, draft)) | {
        "status": article.status,
        "content_hash": digest,
        "wire_version": draft.version,
        "wire_version_created": draft.updated.isoformat() if draft.updated else None,
    }
    version = ArticleVersion.objects.create(article=article, number=last.number + 1, snapshot=kept, raw_item=raw_item, reason=HELD)
    audit_record(action=HELD_ACTION, actor=WIRE, article=article, detail={"version": version.number, "wire_version": draft.version})
    return article, "held"


def _as_the_wire_tells_it(article: Article, draft: Draft) -> Article:
    """An unsaved copy of ``article`` with the draft's fields, as ``article_save`` would have written them."""
    wire = copy.copy(article)
    for name, value in fields_fit(article_fields(draft, section_for(draft.section))).items():
        setattr(wire, name, value)
    wire.published_at = draft.published or article.published_at
    wire.updated_at = draft.updated or timezone.now()
    return wire
