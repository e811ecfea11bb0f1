"""Keep the baked folder exact: after an article changes, its pages are deleted and baked again.

Hooked to the model signals (STYLE.md: signals are for decoupled concerns
such as this), so every way an article is written is covered without the
services knowing about baking:

- ``pre_save`` on Article notes where the article was listed before (one
  read, and only while a baked folder exists);
- ``post_save`` on Article and ArticleVersion and ``post_delete`` on Article
  mark it changed (``article_save`` inserts new articles with
  ``bulk_create``, which sends no signal, but writes their first version);
- code that changes articles with a queryset ``update()`` (no signal at all)
  calls ``article_pages_invalidate`` itself.

The pages are refreshed after the transaction commits (never for one that
rolls back, nor for a savepoint rolled back), once per article however many
signals it sent: every change registers a commit hook, and the hooks of one
transaction share a ``_Transaction`` that remembers the state before the
first change and which articles are already done.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from newsdesk.newsroom.models import Article, ArticleVersion, Section, Source
from newsdesk.publish import readership
from newsdesk.publish.bake import generation, pages, store
from newsdesk.publish.bake.baker import Refresh, refresh, site_changed

log = logging.getLogger(__name__)
UNKNOWN = object()  # a change whose "before" nobody saw: guessed from the article's versions
SITE_WIDE = 0  # the "article id" of a change every page shows


@dataclass
class _Transaction:
    """What the commit hooks of one transaction share."""

    before: dict[int, object] = field(default_factory=dict)
    done: set[int] = field(default_factory=set)


@dataclass
class _Hook:
    """One commit hook: refresh the pages of one article (or of the whole site), unless done already."""

    shared: _Transaction
    article_id: int

    def __call__(self) -> None:
        if SITE_WIDE in self.shared.done or self.article_id in self.shared.done:
            return
        self.shared.done.add(self.article_id)
        generation.committed()  # what processes keep to render pages (site.kept), baking on or off
        readership.rails_forget()
        if not store.active():
            return
        if self.article_id == SITE_WIDE:
            site_changed()
        else:
            article_pages_refresh(article_id=self.article_id, before=self.shared.before.get(self.article_id, UNKNOWN))


_local = threading.local()  # outside a transaction: the state before a save, kept from pre_save to post_save


def _shared() -> _Transaction:
    """The current transaction's shared state: the one its earlier hooks carry, else a new one."""
    for _, func, _ in reversed(transaction.get_connection().run_on_commit):
        if isinstance(func, _Hook):
            return func.shared
    return _Transaction()


def _note(article_id: int, before: object) -> None:
    """Refresh ``article_id``'s pages when the transaction commits (now, outside one)."""
    generation.changed()
    if transaction.get_connection().in_atomic_block:
        _shared_register(article_id, before)
        return
    loose = getattr(_local, "before", {})
    shared = _Transaction(before={article_id: loose.pop(article_id, before)})
    _Hook(shared, article_id)()


def _note_before(article_id: int, before: pages.ArticleState | None) -> None:
    """Where the article was before the save that is about to happen."""
    if transaction.get_connection().in_atomic_block:
        _shared_register(article_id, before)
    else:
        if not hasattr(_local, "before"):
            _local.before = {}
        _local.before[article_id] = before


def _shared_register(article_id: int, before: object) -> None:
    """Register a commit hook for ``article_id``, keeping the first "before" the transaction saw."""
    shared = _shared()
    shared.before.setdefault(article_id, before)
    transaction.on_commit(_Hook(shared, article_id), robust=True)


def article_pages_invalidate(*, article_id: int, before: pages.ArticleState | None | object = UNKNOWN) -> None:
    """Refresh the pages showing ``article_id`` once the current transaction commits.

    For code that changes an article without a model signal (a queryset
    ``update``). Pass ``before`` (``ArticleState.of(article)`` read before the
    change) when you have it; without it the state is guessed from the
    article's previous version.
    """
    _note(article_id, before)


def article_pages_refresh(*, article_id: int, before: pages.ArticleState | None | object = UNKNOWN) -> Refresh:
    """Refresh now (committed data only): delete what no longer shows the article as it is, bake the rest again."""
    if before is UNKNOWN:
        before = pages.state_before_from_versions(article_id)
    return refresh(before=before, after=pages.state_now(article_id))


# Signal receivers. They always note the change (it also drops the cached rails); only
# reading the state before a save waits for a baked folder to exist.


def _article_pre_save(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None or not store.active():
        return
    previous = Article.objects.filter(pk=instance.pk).only("pk", "slug", "section_id", "status", "published_at").first()
    _note_before(instance.pk, pages.ArticleState.of(previous) if previous else None)


def _article_saved(sender, instance: Article, created: bool = False, raw: bool = False, **kwargs) -> None:
    if not raw:
        _note(instance.pk, None if created else UNKNOWN)


def _version_saved(sender, instance: ArticleVersion, created: bool = False, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        _note(instance.article_id, None if instance.number == 1 else UNKNOWN)


def _article_deleted(sender, instance: Article, **kwargs) -> None:
    _note(instance.pk, pages.ArticleState.of(instance))


def _section_changed(sender, instance: Section, raw: bool = False, **kwargs) -> None:
    """A section renamed or removed: its name is on every page of its stories and maybe in the masthead."""
    if not raw:
        _note(SITE_WIDE, None)


def _source_pre_save(sender, instance: Source, raw: bool = False, update_fields=None, **kwargs) -> None:
    """A source's credit (else its name) is shown on its stories that carry none of their own: a site-wide change.

    Polling writes the source's health on every poll (``update_fields``, no query here); only those two matter.
    """
    if raw or instance.pk is None or (update_fields is not None and not {"credit", "name"} & set(update_fields)):
        return
    shown = Source.objects.filter(pk=instance.pk).exclude(credit=instance.credit, name=instance.name)
    instance._newsdesk_credit_changed = shown.exists()


def _source_saved(sender, instance: Source, raw: bool = False, **kwargs) -> None:
    if not raw and getattr(instance, "_newsdesk_credit_changed", False):
        instance._newsdesk_credit_changed = False
        _note(SITE_WIDE, None)


RECEIVERS: list[tuple[Callable, object, Callable]] = [
    (pre_save, Article, _article_pre_save),
    (post_save, Article, _article_saved),
    (post_save, ArticleVersion, _version_saved),
    (post_delete, Article, _article_deleted),
    (post_save, Section, _section_changed),
    (post_delete, Section, _section_changed),
    (pre_save, Source, _source_pre_save),
    (post_save, Source, _source_saved),
]


def connect() -> None:
    """Connect the receivers (the site's AppConfig.ready does, in every process: web, worker, commands)."""
    for signal, sender, receiver in RECEIVERS:
        signal.connect(receiver, sender=sender, dispatch_uid=f"newsdesk.bake.{receiver.__name__}.{sender.__name__}")
    from newsdesk.publish.bake import coverage  # issue 4: mentions, quotes, copies, stories, entities

    coverage.connect()
    generation.connect()
