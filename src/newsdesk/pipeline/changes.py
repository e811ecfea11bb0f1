"""How a change to an article is recorded, by the desk or by the wire: a new version and an audit entry.

Called inside the caller's transaction, after the article is saved: the
version keeps the article whole (so any two can be compared and a baked page
knows what it showed before), the audit entry says who did what, when.
The provider's version stamps are carried forward from the last version, so
a late, older wire copy still cannot overwrite a desk edit's base.
"""

from __future__ import annotations

from typing import Any

from newsdesk.newsroom.models import Article, ArticleVersion, AuditEntry
from newsdesk.pipeline.save import snapshot

WIRE = "wire"  # the actor name of changes the wire made (a kill, a rule)
SCHEDULER = "scheduler"  # the actor name of the worker's scheduled publishing
_CARRIED = ("wire_version", "wire_version_created")


def actor_name_of(actor: Any) -> str:
    """The name kept in the audit log: the user's username, or the wire / scheduler for the pipeline's own changes."""
    if isinstance(actor, str):
        return actor
    return actor.get_username() if actor is not None else WIRE


def audit_record(*, action: str, actor: Any, article: Article | None = None, source=None, detail: dict | None = None) -> AuditEntry:
    """Append one entry to the audit log; ``actor`` is a user or a name (``WIRE``, ``SCHEDULER``)."""
    user = None if isinstance(actor, str) or actor is None else actor
    return AuditEntry.objects.create(
        actor=user, actor_name=actor_name_of(actor)[:150], action=action[:40], article=article,
        source=source if source is not None else (article.source if article is not None else None), detail=detail or {},
    )


def version_record(article: Article, *, reason: str) -> ArticleVersion:
    """A new version of ``article`` as it now is (number: the last one plus one), with its status."""
    last = article.versions.order_by("-number").first()
    kept = snapshot(article) | {"status": article.status}
    if last is not None:
        kept |= {name: last.snapshot.get(name) for name in _CARRIED}
    return ArticleVersion.objects.create(
        article=article, number=(last.number + 1) if last else 1, snapshot=kept, raw_item=article.raw_item, reason=reason[:40]
    )


def change_record(article: Article, *, action: str, actor: Any, detail: dict | None = None) -> ArticleVersion:
    """A version and an audit entry for one change; the audit entry names the version."""
    version = version_record(article, reason=action)
    audit_record(action=action, actor=actor, article=article, detail={**(detail or {}), "version": version.number})
    return version
