"""Wire updates held for the desk: which articles have one waiting, and an editor taking or dismissing it.

The pipeline keeps a newer wire version of an article an editor has edited
as a version with reason ``HELD`` instead of overwriting the editor's text
(``pipeline.wire_updates``). Here the desk reads that back — the queue's
"wire update available" flag, with the numbers of the live version and the
held one for the diff — and closes it: ``wire_update_take`` puts the wire's
text into the article (a new version, audited; a published article shows
it at once), ``wire_update_dismiss`` keeps the editor's text and records
that the update was seen. Either closes every update held before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from newsdesk.core import clock
from newsdesk.desk.roles import EDITOR
from newsdesk.desk.workflow import EDITABLE_FIELDS, WorkflowError, change_apply, fields_apply
from newsdesk.newsroom.models import Article, ArticleVersion
from newsdesk.pipeline.wire_updates import HELD, RESOLVED

TAKE, DISMISS = RESOLVED


@dataclass(frozen=True)
class WireUpdate:
    """An update waiting: the version the desk shows (``live``) and the wire's version held beside it."""

    live: int
    held: int


def _newest(article_ref, *, reasons: tuple[str, ...] | None = None, exclude: tuple[str, ...] | None = None) -> Subquery:
    versions = ArticleVersion.objects.filter(article=article_ref)
    if reasons:
        versions = versions.filter(reason__in=reasons)
    if exclude:
        versions = versions.exclude(reason__in=exclude)
    return Subquery(versions.order_by("-number").values("number")[:1])


def with_wire_updates(articles: QuerySet[Article]) -> QuerySet[Article]:
    """``articles`` with version numbers: the newest held (``wire_update_any``, 0: none), closed and live ones."""
    pk = OuterRef("pk")
    return articles.annotate(
        wire_update_any=Coalesce(_newest(pk, reasons=(HELD,)), 0),
        wire_update_closed=Coalesce(_newest(pk, reasons=RESOLVED), 0),
        wire_update_live=_newest(pk, exclude=(HELD,)),
    )


def waiting(articles: QuerySet[Article]) -> QuerySet[Article]:
    """The annotated articles that have a wire update waiting."""
    return articles.filter(wire_update_any__gt=F("wire_update_closed"))


def wire_update_for(article: Article) -> WireUpdate | None:
    """The update waiting for ``article``, if any."""
    row = with_wire_updates(Article.objects.filter(pk=article.pk)).values("wire_update_any", "wire_update_closed", "wire_update_live").first()
    if not row or row["wire_update_any"] <= row["wire_update_closed"]:
        return None
    return WireUpdate(live=row["wire_update_live"], held=row["wire_update_any"])


def _held_snapshot(locked: Article) -> tuple[int, dict]:
    update = wire_update_for(locked)
    if update is None:
        raise WorkflowError("no_wire_update", "there is no wire update waiting for this article")
    return update.held, ArticleVersion.objects.get(article=locked, number=update.held).snapshot


def wire_update_take(article: Article, actor: Any) -> Article:
    """Put the held wire version's text into the article (the editor's changes give way to it); killed ones excepted."""

    def apply(locked: Article) -> dict:
        number, kept = _held_snapshot(locked)
        fields = {name: kept.get("section_name" if name == "section" else name) for name in EDITABLE_FIELDS}
        if not fields["section"]:  # a wire version without a section leaves ours
            del fields["section"]
        changed = fields_apply(locked, fields)
        locked.content_hash = kept.get("content_hash") or locked.content_hash
        if locked.status == Article.Status.PUBLISHED:
            locked.updated_at = clock.now()
        return {"held": number, "fields": changed}

    allowed = tuple(s for s in Article.Status.values if s != Article.Status.KILLED)
    return change_apply(article, actor=actor, role=EDITOR, action=TAKE, allowed=allowed, apply=apply)


def wire_update_dismiss(article: Article, actor: Any) -> Article:
    """Keep the editor's text and mark the waiting update seen (a version, so the record shows when and by whom)."""

    def apply(locked: Article) -> dict:
        number, _ = _held_snapshot(locked)
        return {"held": number}

    return change_apply(article, actor=actor, role=EDITOR, action=DISMISS, allowed=tuple(Article.Status.values), apply=apply)
