"""Baked article pages stay exact when what they show about stories, entities, quotes and copies changes (issue 4).

An article page shows, besides the article: the people, places and
organisations it names (``Mention``, ``Entity``), its quotes and their
speakers (``Quote``), who else carried the copy (``WireCopy``), a link to its
story and the other articles of that story among "Related" (``Story``). The
pipeline writes those rows in their own steps (a fold, the enrich task, a
story joined later), often without touching the article, so ``invalidation``
never hears of them. These receivers do:

- a mention, quote or wire copy saved or deleted: the article's own page is
  baked again after the commit;
- a story saved whole (an editor renamed it, or moved articles) or with a
  new slug: the baked pages of its articles are deleted, to be baked again
  when next asked for (one unlink each, however large the story). A save of
  its counts alone (``update_fields`` without the slug: an article joined)
  drops nothing — the count on those pages is refreshed by site.js;
- an entity renamed: the baked pages of the articles naming or quoting it are
  deleted the same way.

Rows written with ``bulk_create`` send no signal: code that does so calls
``article_coverage_invalidate`` (``pipeline.entities.article_enrich`` after
saving an article's mentions and quotes, ``pipeline.understand.copy_fold``
after folding a copy). The story and entity pages
themselves are not baked: Django renders them on every request with their
ETag, so they are never staler than the CDN's minutes (docs/performance.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from newsdesk.newsroom.models import Article, Entity, Mention, Quote, Story, WireCopy
from newsdesk.publish.bake import generation, pages, store
from newsdesk.publish.bake.baker import page_bake, page_remove
from newsdesk.publish.bake.paths import BakedPage, article_folder

log = logging.getLogger(__name__)
PUBLISHED = Article.Status.PUBLISHED


@dataclass
class _Hook:
    """One commit hook, known by ``key`` so a transaction that changes twenty mentions of one article runs it once."""

    key: tuple[str, int]
    action: Callable[[int], None]

    def __call__(self) -> None:
        generation.committed()  # what processes keep to render pages (site.kept), baking on or off
        if store.active():
            self.action(self.key[1])


def _on_commit(kind: str, pk: int, action: Callable[[int], None]) -> None:
    generation.changed()
    key = (kind, pk)
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(isinstance(f, _Hook) and f.key == key for _, f, _ in connection.run_on_commit):
        return
    transaction.on_commit(_Hook(key, action), robust=True)


def article_coverage_invalidate(*, article_id: int) -> None:
    """The article's entities, quotes, copies or story changed: bake its own page again once this commits."""
    _on_commit("article", article_id, article_page_rebake)


def article_page_rebake(article_id: int) -> None:
    """Bake the article's page under its current slug; drop any other slug's file (and the page if it is not public)."""
    state = pages.state_now(article_id)
    current = BakedPage(f"/article/{state.pk}/{state.slug}/") if state is not None and state.published else None
    for file in _article_files(article_id):
        if current is None or file != current.file:
            page_remove(file)
    if current is not None:
        page_bake(current)


def article_pages_drop(article_ids: Iterable[int]) -> int:
    """Delete the baked pages of these articles; they are baked again when next asked for. Returns the files deleted."""
    removed = sum(1 for article_id in article_ids for file in _article_files(article_id) if page_remove(file))
    if removed:
        log.info("baked pages: %d article page(s) dropped after a story or entity changed", removed)
    return removed


def _article_files(article_id: int) -> list[str]:
    folder = store.root() / article_folder(article_id)
    if not folder.exists():
        return []
    return [str(p.relative_to(store.root())) for p in folder.rglob("index.html")]


def _story_articles_drop(story_id: int) -> None:
    article_pages_drop(Article.objects.filter(story_id=story_id, status=PUBLISHED).values_list("pk", flat=True).iterator())


def _entity_articles_drop(entity_id: int) -> None:
    named = Mention.objects.filter(entity_id=entity_id).values_list("article_id", flat=True)
    quoted = Quote.objects.filter(speaker_id=entity_id).values_list("article_id", flat=True)
    article_pages_drop(set(named.iterator()) | set(quoted.iterator()))


# Signal receivers.


def _article_row_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """A mention, quote or wire copy was saved or deleted."""
    if not raw and instance.article_id is not None:
        article_coverage_invalidate(article_id=instance.article_id)


def _story_saved(sender, instance: Story, raw: bool = False, update_fields=None, **kwargs) -> None:
    # A baked article page prints its story's link (the slug) and a source count that site.js refreshes from
    # related.json: a save of the counts alone (pipeline.stories, on every article that joins) drops nothing —
    # it used to unlink the pages of every article of the story, thousands in a big one, per ingested item.
    if not raw and (update_fields is None or "slug" in update_fields):
        _on_commit("story", instance.pk, _story_articles_drop)


def _entity_pre_save(sender, instance: Entity, raw: bool = False, **kwargs) -> None:
    """Note a new name or slug (what article pages print and link); nothing else about an entity is on them."""
    if raw or instance.pk is None:
        return
    instance._newsdesk_shown_changed = Entity.objects.filter(pk=instance.pk).exclude(name=instance.name, slug=instance.slug).exists()


def _entity_saved(sender, instance: Entity, raw: bool = False, **kwargs) -> None:
    if not raw and getattr(instance, "_newsdesk_shown_changed", False):
        instance._newsdesk_shown_changed = False
        _on_commit("entity", instance.pk, _entity_articles_drop)


RECEIVERS = [
    *((signal, model, _article_row_changed) for model in (Mention, Quote, WireCopy) for signal in (post_save, post_delete)),
    (post_save, Story, _story_saved),
    (pre_save, Entity, _entity_pre_save),
    (post_save, Entity, _entity_saved),
]


def connect() -> None:
    """Connect the receivers (``invalidation.connect`` calls this, in every process)."""
    for signal, sender, receiver in RECEIVERS:
        signal.connect(receiver, sender=sender, dispatch_uid=f"newsdesk.bake.coverage.{receiver.__name__}.{sender.__name__}")
