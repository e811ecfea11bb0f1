"""Kills: an article removed everywhere, with a notice at its address. The desk's kill and the wire's.

A killed article leaves the site, the feeds, the sitemaps, search and the
API (they all list published articles only; saving the article refreshes
the baked pages), and its URL answers 410 with ``kill_notice``.

An agency withdraws an item by sending it again with ninjs ``pubStatus:
canceled`` / ``withheld`` or NewsML-G2 ``pubStatus stat:canceled`` /
``stat:withheld``: the reader marks that document (``core.document.WITHDRAWN``)
and ``withdrawal_apply`` kills the article it was. An item that simply drops
out of an RSS feed is not a withdrawal: feeds roll over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from newsdesk.core.document import WITHDRAWN, WITHDRAWN_ID, WireDocument
from newsdesk.core.draft import Draft
from newsdesk.newsroom.models import Article, RawItem, Source
from newsdesk.pipeline.changes import WIRE, change_record
from newsdesk.pipeline.outcomes import IngestResult
from newsdesk.pipeline.save import item_key

KILLED = Article.Status.KILLED
NOTICE_MAX = 2000


class KillError(ValueError):
    """A kill that cannot be done (no notice); ``reason`` is a short code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Withdrawal:
    """An agency's word that an item it sent is withdrawn."""

    provider_id: str
    status: str  # "canceled" or "withheld"


def article_kill_apply(article: Article, *, actor: Any, notice: str, detail: dict | None = None) -> Article:
    """Kill ``article`` (its row locked) with ``notice``; a version and an audit entry record it. No role check here."""
    notice = " ".join((notice or "").split())[:NOTICE_MAX]
    if not notice:
        raise KillError("kill_notice_missing", "a kill needs a notice saying why the story was removed")
    with transaction.atomic():
        locked = Article.objects.select_for_update(of=("self",)).select_related("section", "source").get(pk=article.pk)
        before = locked.status
        locked.status = KILLED
        locked.kill_notice = notice
        locked.publish_at = None
        locked.save()
        change_record(locked, action="kill", actor=actor, detail={"from": before, "notice": notice, **(detail or {})})
    article.refresh_from_db()
    return article


def withdrawal_of(document: WireDocument) -> Withdrawal | None:
    """The withdrawal a document carries, if its reader marked one."""
    status, provider_id = document.meta.get(WITHDRAWN), document.meta.get(WITHDRAWN_ID)
    return Withdrawal(provider_id=provider_id, status=status) if status and provider_id else None


def withdrawal_notice(withdrawal: Withdrawal, source: Source | None) -> str:
    who = (source.credit or source.name) if source is not None else "its provider"
    word = "cancelled" if withdrawal.status == "canceled" else "withheld"
    return f"This story has been withdrawn: {who} {word} it."


def withdrawal_apply(withdrawal: Withdrawal, *, source: Source | None, raw_item: RawItem | None, origin: str) -> IngestResult:
    """Kill the article the withdrawn item was (same key as when it was saved); nothing to do if we never had it."""
    key = item_key(Draft(headline="", body_html="", guid=withdrawal.provider_id), source=source)
    article = Article.objects.filter(wire_key=key.wire_key).first()
    if article is None:
        return IngestResult(origin=origin, status="skipped", reason="withdrawn", message=f"an item {withdrawal.status} by its provider, which we never had")
    if article.status != KILLED:
        article_kill_apply(
            article, actor=WIRE, notice=withdrawal_notice(withdrawal, source),
            detail={"wire_status": withdrawal.status, "raw_item": raw_item.pk if raw_item else None},
        )
    return IngestResult(origin=origin, status="killed", article_id=article.pk, url=article.get_absolute_url(), headline=article.headline)
