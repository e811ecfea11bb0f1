"""draft_understand: save a draft as an article, or fold it into the article it is a near-duplicate of.

Reads top to bottom like the steps (issue 4 points 1–3):

1. an item we already have (its key is an article's, or a folded copy's) is
   updated or left as it is, as before issue 4;
2. a new item is fingerprinted (MinHash of its body) and looked up in the
   warm near-duplicate index; a near-duplicate — confirmed against the
   stored fingerprint — is FOLDED: it becomes a ``WireCopy`` of the existing
   article (the article lists every source and keeps each version), and no
   second article is made;
3. otherwise the article is saved, its first copy and fingerprint stored, and
   it joins a story (words now; entities when its enrichment arrives);
4. entities and quotes are found by a task per article (`pipeline.entities`).

Concurrency: two workers may hold two copies of one wire story at once. The
fold decision is serialised by the database: on PostgreSQL a transaction-level
advisory lock (held until the saving transaction commits), on SQLite the
write lock every transaction takes at BEGIN (IMMEDIATE). The second worker
therefore sees the first one's fingerprint (the index catches up from the
table inside the lock) and folds instead of creating a second article; the
unique ``WireCopy.wire_key`` and a ``select_for_update`` on the article make
a retried fold a no-op.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from django.db import connection, transaction

from newsdesk import enrich
from newsdesk.core.draft import Draft
from newsdesk.core.ninjs import body_text, draft_to_ninjs
from newsdesk.dedupe import Fingerprint as Print
from newsdesk.dedupe import fingerprint
from newsdesk.dedupe.stories import article_terms
from newsdesk.newsroom.models import Article, Fingerprint, RawItem, Source, WireCopy
from newsdesk.pipeline import jobs
from newsdesk.pipeline.entities import model_available
from newsdesk.pipeline.save import ItemKey, article_save, item_key
from newsdesk.pipeline.stories import story_assign, story_copy_count
from newsdesk.pipeline.warm import Warm, catch_up, story_text, warm_get
from newsdesk.pipeline.wire_updates import wire_update_hold
from newsdesk.publish.bake import article_coverage_invalidate

log = logging.getLogger(__name__)

Understood = Literal["created", "updated", "unchanged", "duplicate", "held"]  # held: a wire update kept for the desk
FOLD_LOCK = 0x6E657773  # "news": the advisory lock key that serialises fold decisions on PostgreSQL
MIN_SHINGLES = 12  # a body this short (a few lines) proves nothing about being a copy: never folded


@dataclass(frozen=True)
class Saved:
    """What became of a draft: the article it is (or was folded into), the story, and the copy when folded."""

    article: Article
    outcome: Understood
    story_id: int | None
    duplicate_of: int | None = None
    copy_id: int | None = None


def draft_understand(*, draft: Draft, source: Source | None, raw_item: RawItem | None, publish: bool) -> Saved:
    """Save the draft, or fold it into the article it is a copy of; every new article gets a story."""
    draft = nul_free(draft)  # a copy's snapshot and headline are stored whole: PostgreSQL refuses NUL in text and JSON
    key = item_key(draft, source=source)
    with transaction.atomic():
        if Article.objects.filter(wire_key=key.wire_key).exists():
            return _known_article(draft, source=source, raw_item=raw_item, publish=publish)
        folded = WireCopy.objects.filter(wire_key=key.wire_key, first=False).select_related("article").first()
        if folded is not None:
            return _known_copy(folded, draft)
        print_ = copy_print(draft.headline, draft.body_html)
        warm = warm_get()
        _fold_lock()
        catch_up(warm)
        target = _near_duplicate(print_, warm) if print_.size >= MIN_SHINGLES else None
        if target is not None:
            article, similarity = target
            copy = copy_fold(article, draft=draft, key=key, source=source, raw_item=raw_item, similarity=similarity)
            return Saved(article, "duplicate", article.story_id, duplicate_of=article.pk, copy_id=copy.pk)
        article, outcome = article_save(draft=draft, source=source, raw_item=raw_item, publish=publish)
        if outcome != "created":  # another worker saved this very item a moment ago
            return Saved(article, outcome, article.story_id)
        credit = article_first_copy(article, draft=draft, key=key, source=source, raw_item=raw_item, print_=print_, warm=warm)
        story = story_assign(article, warm=warm, first_copy=(source.pk if source else None, credit))
        enrich_enqueue(article.pk)
        return Saved(article, "created", story.pk)


def nul_free(value):
    """``value`` with every NUL character taken out of its strings, through dataclasses, tuples, lists and dicts."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: nul_free(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changed)
    if isinstance(value, tuple):
        items = [nul_free(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, list):
        return [nul_free(item) for item in value]
    if isinstance(value, dict):
        return {nul_free(k): nul_free(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=256)
def copy_print(headline: str, body_html: str) -> Print:
    """The fingerprint a copy is compared by; cached, so the pipeline can make it before its write transaction opens."""
    return fingerprint(copy_text(headline, body_html))


def draft_prepare(draft: Draft) -> Draft:
    """Do the understanding's own CPU work ahead, outside the transaction that saves the draft.

    The fingerprint, and the words the story index compares on: on SQLite the save holds the one write lock
    (bench/ingest: every worker waits while another computes them inside it).
    """
    headline, body_html = draft.headline.replace("\x00", ""), draft.body_html.replace("\x00", "")
    copy_print(headline, body_html)
    article_terms(story_text(headline, body_html))
    return draft


def copy_text(headline: str, body_html: str) -> str:
    """The words a copy is compared on: its body's paragraphs, the dateline taken off (the headline is often rewritten)."""
    text = enrich.article_text(headline, [body_text(body_html)])
    return "\n\n".join(text.paragraphs)


def copy_fold(
    article: Article, *, draft: Draft, key: ItemKey, source: Source | None, raw_item: RawItem | None, similarity: float,
) -> WireCopy:
    """Keep the draft as another wire's copy of ``article`` (the article is locked; a re-run adds nothing)."""
    Article.objects.select_for_update(of=("self",)).filter(pk=article.pk).first()
    WireCopy.objects.bulk_create(
        [
            WireCopy(
                article=article, source=source, raw_item=raw_item, wire_key=key.wire_key, provider_id=key.provider_id[:500],
                headline=draft.headline, credit=(draft.credit or "")[:200], original_url=draft.original_url or "",
                similarity=round(similarity, 3), first=False, snapshot=draft_to_ninjs(draft),
            )
        ],
        ignore_conflicts=True,
    )
    article_coverage_invalidate(article_id=article.pk)  # "also reported by" on its baked page (bulk_create sends no signal)
    story_copy_count(article.story_id, source.pk if source else None, (draft.credit or "")[:200])
    return WireCopy.objects.get(wire_key=key.wire_key)


def article_first_copy(
    article: Article, *, draft: Draft, key: ItemKey, source: Source | None, raw_item: RawItem | None, print_: Print, warm: Warm,
) -> str:
    """The new article's own copy and its fingerprint, stored and indexed so the next copy of it folds; the copy's credit."""
    credit = (draft.credit or "")[:200]
    WireCopy.objects.bulk_create(
        [
            WireCopy(
                article=article, source=source, raw_item=raw_item, wire_key=key.wire_key, provider_id=key.provider_id[:500],
                headline=draft.headline, credit=credit, original_url=draft.original_url or "",
                first=True, snapshot=draft_to_ninjs(draft),
            )
        ],
        ignore_conflicts=True,
    )
    if print_.size < MIN_SHINGLES:
        return credit
    # The article was created in this transaction, so it has no fingerprint yet: one INSERT, no lookup first.
    Fingerprint.objects.create(article=article, signature=print_.to_bytes(), published_at=article.published_at)
    with warm.lock:
        warm.duplicates.add_fingerprint(article.pk, print_)
    return credit


def enrich_enqueue(article_id: int) -> None:
    """Hand the article to the enrich task, unless there is no model (warned once; ingest goes on)."""
    if not model_available():
        return
    jobs.job_enqueue(jobs.ARTICLE_ENRICH, article_id=article_id)


def _known_article(draft: Draft, *, source: Source | None, raw_item: RawItem | None, publish: bool) -> Saved:
    if held := wire_update_hold(draft, source=source, raw_item=raw_item):  # an editor's text stays live (wire_updates.py)
        return Saved(held[0], held[1], held[0].story_id)
    article, outcome = article_save(draft=draft, source=source, raw_item=raw_item, publish=publish)
    if outcome == "updated":  # the wire re-sent it changed: new words, new fingerprint, new entities
        print_ = fingerprint(copy_text(draft.headline, draft.body_html))
        if print_.size >= MIN_SHINGLES:
            Fingerprint.objects.update_or_create(article=article, defaults={"signature": print_.to_bytes(), "published_at": article.published_at})
        WireCopy.objects.filter(article=article, wire_key=article.wire_key).update(headline=draft.headline, snapshot=draft_to_ninjs(draft))
        enrich_enqueue(article.pk)
    return Saved(article, outcome, article.story_id)


def _known_copy(copy: WireCopy, draft: Draft) -> Saved:
    """A folded copy sent again: its kept version is refreshed when it changed; it stays folded."""
    snapshot = draft_to_ninjs(draft)
    if snapshot != copy.snapshot:
        WireCopy.objects.filter(pk=copy.pk).update(headline=draft.headline, snapshot=snapshot)
    article = copy.article
    return Saved(article, "duplicate", article.story_id, duplicate_of=article.pk, copy_id=copy.pk)


def _fold_lock() -> None:
    """Serialise fold decisions until this transaction commits (SQLite's write lock already does)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FOLD_LOCK])


def _near_duplicate(print_: Print, warm: Warm) -> tuple[Article, float] | None:
    """The article this copy is a near-duplicate of, confirmed against its stored fingerprint, or None."""
    with warm.lock:
        candidates = warm.duplicates.query_fingerprint(print_)
    for article_id in candidates:
        stored = Fingerprint.objects.filter(article_id=article_id).values_list("signature", flat=True).first()
        if stored is None:  # rolled back or deleted since it was indexed
            with warm.lock:
                warm.duplicates.remove(article_id)
            continue
        similarity = warm.duplicates.similarity(print_, Print.from_bytes(bytes(stored)))
        if similarity > 0:
            article = Article.objects.filter(pk=article_id).first()
            if article is not None:
                return article, similarity
    return None
