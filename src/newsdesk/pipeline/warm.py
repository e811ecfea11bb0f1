"""The near-duplicate index and the story index, warm in each process and rebuilt from the database on start.

The dedupe stage's indexes live in memory (issue 4 points 1, 2, 7). A worker
keeps them across items; on the first item after a start they are rebuilt
from what the pipeline stored: every ``Fingerprint`` row (no text is read
again) and the articles of the last two story windows with their entities.
Other processes save articles too, so before each decision both indexes
catch up on what was stored since they last looked: fingerprints (one
indexed query), and articles given a story elsewhere (one indexed query for
their ids, and their text read once) — else two workers would each start
their own story for one event. A stale
or rolled-back entry can only propose a candidate; the fold itself is checked
against the stored fingerprint (`pipeline.understand`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from newsdesk.core.ninjs import body_text
from newsdesk.dedupe import Fingerprint as Print
from newsdesk.dedupe import NearDuplicateIndex, StoryArticle, StoryIndex
from newsdesk.dedupe.stories import WINDOW
from newsdesk.newsroom.models import Article, Fingerprint, Mention

log = logging.getLogger(__name__)
CATCH_UP_LOOKBACK = 50  # ids re-read behind the newest seen: a transaction that took an id earlier may commit later
REBUILD_BATCH = 2000


@dataclass
class Warm:
    """One process's indexes, and how far they have read the ``Fingerprint`` table."""

    duplicates: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)
    stories: StoryIndex = field(default_factory=StoryIndex)
    seen_up_to: int = 0
    stories_seen_up_to: int = 0  # the newest article id the story index has read
    stories_seen: set[int] = field(default_factory=set)  # ids read near that mark (ids the index has let go of are not read again)
    rebuild_seconds: float = 0.0
    lock: threading.RLock = field(default_factory=threading.RLock)


_warm: Warm | None = None
_warm_lock = threading.Lock()


def warm_get() -> Warm:
    """This process's indexes, rebuilt from the database the first time they are asked for."""
    global _warm
    with _warm_lock:
        if _warm is None:
            _warm = warm_rebuild()
        return _warm


def warm_reset() -> None:
    """Forget the indexes (a restart, or a test that rolled its database back): the next use rebuilds them."""
    global _warm
    with _warm_lock:
        _warm = None


def warm_rebuild() -> Warm:
    """Indexes rebuilt from stored fingerprints and the recent articles' stories and entities; the time is logged."""
    started = time.perf_counter()
    warm = Warm()
    _fingerprints_load(warm)
    _stories_load(warm)
    warm.rebuild_seconds = time.perf_counter() - started
    log.info(
        "understanding indexes rebuilt: %d fingerprints, %d recent articles in %.2f s",
        len(warm.duplicates), len(warm.stories), warm.rebuild_seconds,
    )
    return warm


def catch_up(warm: Warm) -> None:
    """Index fingerprints other processes stored since we last looked."""
    rows = Fingerprint.objects.filter(article_id__gt=max(0, warm.seen_up_to - CATCH_UP_LOOKBACK)).values_list("article_id", "signature")
    with warm.lock:
        for article_id, signature in rows:
            stored = Print.from_bytes(bytes(signature))
            if warm.duplicates.fingerprint_of(article_id) != stored:
                warm.duplicates.add_fingerprint(article_id, stored)
            warm.seen_up_to = max(warm.seen_up_to, article_id)
    _stories_catch_up(warm)


def _stories_catch_up(warm: Warm) -> None:
    """Index the articles other processes put in a story since we last looked (their entities come with enrichment)."""
    floor = max(0, warm.stories_seen_up_to - CATCH_UP_LOOKBACK)
    ids = list(Article.objects.filter(id__gt=floor, story__isnull=False).values_list("id", flat=True))
    with warm.lock:
        unread = [pk for pk in ids if pk not in warm.stories_seen and pk not in warm.stories]
    if unread:
        found = Article.objects.filter(pk__in=unread, story__isnull=False).only("id", "headline", "body_html", "published_at", "story_id")
        read = [(story_article(article), article.story_id) for article in found]
        with warm.lock:
            for article, story in read:
                if article.key not in warm.stories:
                    warm.stories.add(article, story=story)
    with warm.lock:
        warm.stories_seen.update(ids)
        warm.stories_seen_up_to = max(warm.stories_seen_up_to, *ids) if ids else warm.stories_seen_up_to
        floor = warm.stories_seen_up_to - CATCH_UP_LOOKBACK
        warm.stories_seen = {pk for pk in warm.stories_seen if pk > floor}


def story_article(article: Article, names: dict[str, frozenset[str]] | None = None) -> StoryArticle:
    """What the story index needs of an article: when, who, where, which organisations, its words."""
    names = names or {}
    return StoryArticle(
        article.pk, article.published_at,
        people=names.get("person", frozenset()), organisations=names.get("organisation", frozenset()),
        places=names.get("place", frozenset()), text=story_text(article.headline, article.body_html),
    )


@lru_cache(maxsize=256)
def story_text(headline: str, body_html: str) -> str:
    """The words the story index compares an article on; cached, so the pipeline reads them before its transaction."""
    return f"{headline}\n\n{body_text(body_html)}"


def _fingerprints_load(warm: Warm) -> None:
    last = 0
    while True:
        rows = list(
            Fingerprint.objects.filter(article_id__gt=last).order_by("article_id").values_list("article_id", "signature")[:REBUILD_BATCH]
        )
        if not rows:
            return
        warm.duplicates.add_many((article_id, Print.from_bytes(bytes(signature))) for article_id, signature in rows)
        last = rows[-1][0]
        warm.seen_up_to = last


def _stories_load(warm: Warm) -> None:
    newest = Article.objects.filter(story__isnull=False).order_by("-published_at").values_list("published_at", flat=True).first()
    if newest is None:
        return
    recent = Article.objects.filter(story__isnull=False, published_at__gte=newest - 2 * WINDOW).order_by("published_at")
    recent = recent.only("id", "headline", "body_html", "published_at", "story_id")
    names: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    mentions = Mention.objects.filter(article__in=recent.values("id")).values_list("article_id", "entity__kind", "entity__name")
    for article_id, kind, name in mentions.iterator(chunk_size=REBUILD_BATCH):
        names[article_id][kind].add(name)
    for article in recent.iterator(chunk_size=REBUILD_BATCH):
        found = {kind: frozenset(values) for kind, values in names.get(article.pk, {}).items()}
        warm.stories.add(story_article(article, found), story=article.story_id)
    warm.stories_seen_up_to = Article.objects.order_by("-id").values_list("id", flat=True).first() or 0
