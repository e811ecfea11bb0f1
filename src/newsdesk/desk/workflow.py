"""The desk's workflow services: every change to an article an editor or contributor makes.

draft → ready (submitted) → published; scheduled waits for ``publish_at``;
an embargo holds an article back until ``embargo_until`` whatever else is
asked; unpublished is taken down and can come back; killed is removed
everywhere and answers 410 with its notice.

Each service checks the actor's role (``PermissionDenied``: a 403 in a
view), locks the article's row, checks the move is allowed from its status
(``WorkflowError`` with a reason code otherwise), saves it, and records a
version and an audit entry in the same transaction. Saving the article is
what refreshes the baked public pages (``publish.bake.invalidation``), after
the commit. Views call these; they never change an article themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from newsdesk.core import clock
from newsdesk.core.errors import IngestError
from newsdesk.desk.roles import CONTRIBUTOR, EDITOR, role_check
from newsdesk.extract.sanitise import body_sanitise, plain_text
from newsdesk.newsroom.models import Article, Section
from newsdesk.pipeline.changes import change_record
from newsdesk.pipeline.kills import KillError, article_kill_apply
from newsdesk.pipeline.save import fields_fit, section_for
from newsdesk.pipeline.scheduled import scheduled_publish_due

__all__ = [
    "EDITABLE_FIELDS", "WorkflowError", "article_edit", "article_embargo", "article_kill", "article_publish",
    "article_schedule", "article_submit", "article_unpublish", "scheduled_publish_due",
]

S = Article.Status
# What the editor's form may change; everything else is the wire's or the workflow's.
EDITABLE_FIELDS = ("headline", "section", "dateline", "byline", "credit", "image_caption", "image_credit", "summary", "body_html")
_NOT_YET_PUBLIC = (S.DRAFT, S.READY)


class WorkflowError(ValueError):
    """A change the article's state does not allow, or bad input; ``reason`` is a short stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def article_locked(article: Article) -> Article:
    return Article.objects.select_for_update(of=("self",)).select_related("section", "source").get(pk=article.pk)


def change_apply(
    article: Article, *, actor: Any, role: str, action: str, allowed: tuple[str, ...], apply: Callable[[Article], dict | None]
) -> Article:
    """Check, lock, apply, save, record: the steps every service shares. ``apply`` returns the audit detail."""
    role_check(actor, role, action=action)
    with transaction.atomic():
        locked = article_locked(article)
        if locked.status not in allowed:
            raise WorkflowError(f"{action}_not_allowed", f"cannot {action} an article that is {locked.status}")
        before = locked.status
        detail = apply(locked)
        if detail is None:  # nothing changed: no version, no audit entry
            return article
        locked.save()
        change_record(locked, action=action, actor=actor, detail={"from": before, "to": locked.status, **detail})
    article.refresh_from_db()
    return article


def _cleaned(article: Article, fields: dict[str, Any]) -> dict[str, Any]:
    """The edit's fields as the article stores them: known names only, one-line text, a sanitised body."""
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise WorkflowError("unknown_field", f"these fields cannot be edited: {', '.join(unknown)}")
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "section":
            cleaned[name] = value if isinstance(value, Section) or value is None else section_for(str(value))
            continue
        value = "" if value is None else str(value)
        try:
            if name == "body_html":
                value = body_sanitise(value)  # the allow-list sanitiser, as on ingest: the desk is trusted no more than the wire
                if not plain_text(value):
                    raise WorkflowError("body_empty", "the body is empty (after removing what a story may not contain)")
            else:
                value = plain_text(value)  # text fields are text: tags removed, entities decoded, one line
        except IngestError as error:  # markup past the limits (too deep, too many elements)
            raise WorkflowError(error.reason, f"{name}: {error.message}") from None
        cleaned[name] = value
    if "headline" in cleaned and not cleaned["headline"]:
        raise WorkflowError("headline_empty", "an article needs a headline")
    return fields_fit({k: v for k, v in cleaned.items() if k != "section"}) | ({"section": cleaned["section"]} if "section" in cleaned else {})


def fields_apply(article: Article, fields: dict[str, Any]) -> list[str]:
    """Set ``fields`` (cleaned first) on ``article``; returns the names that changed. Shared with corrections."""
    changed = []
    for name, value in _cleaned(article, fields).items():
        current = article.section if name == "section" else getattr(article, name)
        if current != value:
            setattr(article, name, value)
            changed.append(name)
    if "headline" in changed and article.status in _NOT_YET_PUBLIC:
        article.slug = slugify(article.headline)[:120].rstrip("-") or "article"  # never public yet: no URL to keep
    return changed


def article_edit(article: Article, actor: Any, **fields: Any) -> Article:
    """Change the article's text and fields. Contributors edit drafts; editors any article not killed."""
    role = CONTRIBUTOR if article.status == S.DRAFT else EDITOR

    def apply(locked: Article) -> dict | None:
        if locked.status != S.DRAFT:
            role_check(actor, EDITOR, action="editing an article that is not a draft")
        changed = fields_apply(locked, fields)
        if not changed:
            return None
        if locked.status == S.PUBLISHED:
            locked.updated_at = clock.now()
        return {"fields": changed}

    return change_apply(article, actor=actor, role=role, action="edit", allowed=tuple(s for s in S.values if s != S.KILLED), apply=apply)


def article_submit(article: Article, actor: Any) -> Article:
    """A contributor hands a draft to the editors: draft → ready."""

    def apply(locked: Article) -> dict:
        locked.status = S.READY
        return {}

    return change_apply(article, actor=actor, role=CONTRIBUTOR, action="submit", allowed=(S.DRAFT,), apply=apply)


def article_publish(article: Article, actor: Any) -> Article:
    """Publish now, or, while an embargo holds, as soon as it lifts (the article waits as scheduled)."""
    now = clock.now()

    def apply(locked: Article) -> dict:
        if locked.embargo_until and locked.embargo_until > now:
            locked.status, locked.publish_at = S.SCHEDULED, locked.embargo_until
            return {"held_until": locked.embargo_until.isoformat(), "embargo": True}
        if locked.status != S.UNPUBLISHED:  # public from now; one brought back keeps its first time
            locked.published_at = now
        locked.status, locked.publish_at = S.PUBLISHED, None
        return {}

    allowed = (S.DRAFT, S.READY, S.SCHEDULED, S.UNPUBLISHED)
    return change_apply(article, actor=actor, role=EDITOR, action="publish", allowed=allowed, apply=apply)


def _future(when: datetime, *, what: str) -> datetime:
    if when is None or when.tzinfo is None:
        raise WorkflowError(f"{what}_time_invalid", f"the {what} time must be a date and time with its time zone")
    if when <= clock.now():
        raise WorkflowError(f"{what}_in_past", f"the {what} time {when:%Y-%m-%d %H:%M %Z} has passed")
    return when


def article_schedule(article: Article, actor: Any, at: datetime) -> Article:
    """Publish at ``at`` (the worker does it; an embargo still holds it back past ``at``)."""
    at = _future(at, what="schedule")

    def apply(locked: Article) -> dict:
        locked.status, locked.publish_at = S.SCHEDULED, at
        return {"publish_at": at.isoformat()}

    allowed = (S.DRAFT, S.READY, S.SCHEDULED, S.UNPUBLISHED)
    return change_apply(article, actor=actor, role=EDITOR, action="schedule", allowed=allowed, apply=apply)


def article_embargo(article: Article, actor: Any, until: datetime | None) -> Article:
    """Never public before ``until`` (None lifts the embargo). A published article is taken down until then."""
    until = _future(until, what="embargo") if until is not None else None

    def apply(locked: Article) -> dict:
        locked.embargo_until = until
        if until is not None and locked.status == S.PUBLISHED:
            locked.status, locked.publish_at = S.SCHEDULED, until  # back when the embargo lifts
        return {"embargo_until": until.isoformat() if until else None}

    allowed = tuple(s for s in S.values if s != S.KILLED)
    return change_apply(article, actor=actor, role=EDITOR, action="embargo", allowed=allowed, apply=apply)


def article_unpublish(article: Article, actor: Any) -> Article:
    """Take a published (or scheduled) article down; it can be published again."""

    def apply(locked: Article) -> dict:
        locked.status, locked.publish_at = S.UNPUBLISHED, None
        return {}

    return change_apply(article, actor=actor, role=EDITOR, action="unpublish", allowed=(S.PUBLISHED, S.SCHEDULED), apply=apply)


def article_kill(article: Article, actor: Any, notice: str) -> Article:
    """Remove the article everywhere; its address answers 410 with ``notice``. Cannot be undone from the desk."""
    role_check(actor, EDITOR, action="kill")
    if article.status == S.KILLED:
        raise WorkflowError("kill_not_allowed", "the article is killed already")
    try:
        return article_kill_apply(article, actor=actor, notice=notice)
    except KillError as error:
        raise WorkflowError(error.reason, str(error)) from None
