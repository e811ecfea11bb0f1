"""Story rows: an article joins the story the story index picks, or starts one; counts and dates follow.

The story index (dedupe stage, kept warm by `pipeline.warm`) decides; this
module writes the decision: ``Article.story``, and the story's article
count, source count and first and last dates, recomputed from the rows under
a lock on the story so two workers adding articles at once both count. A
just-created article (one copy, no story yet) or a folded copy is added to
the counts under the same lock instead, checked against the story's kept
``source_keys``: a recount reads every row of the story, and so did asking
whether a source was new to it (bench/ingest: ~6 ms an article in a story
of a few thousand).
"""

from __future__ import annotations

from django.db.models import Count, Max, Min, Q
from django.utils.text import slugify

from newsdesk.newsroom.models import Article, Story, WireCopy
from newsdesk.pipeline.warm import Warm, story_article


def story_assign(
    article: Article, *, warm: Warm, names: dict[str, frozenset[str]] | None = None, first_copy: tuple[int | None, str] | None = None,
) -> Story:
    """Put the article in its story (the story of the most similar recent article, else a new one).

    ``first_copy`` — the (source id, credit) of a just-created article's only copy — lets the story's
    counts be added to instead of recounted from every row of the story (bench/ingest: the recount was
    five queries per saved article). Without it, the counts are recomputed.
    """
    counted = first_copy is not None
    with warm.lock:
        assignment = warm.stories.assign(story_article(article, names))
        story = None
        if not assignment.new:
            story = _story_join(assignment.story, article, first_copy) if first_copy else Story.objects.filter(pk=assignment.story).first()
        if story is None:  # a new story, or the matched one was deleted since the index saw it
            story = Story.objects.create(
                slug=slugify(article.headline)[:120].rstrip("-") or "story", title=article.headline,
                first_published_at=article.published_at, last_published_at=article.published_at,
                article_count=1 if counted else 0, source_count=1 if counted else 0, source_keys=[list(first_copy)] if counted else None,
            )
        warm.stories.relabel(article.pk, story=story.pk)
    Article.objects.filter(pk=article.pk).update(story=story)
    article.story = story
    if not counted:
        story_counts_refresh(story.pk)
    return story


def _story_join(story_id: int, article: Article, first_copy: tuple[int | None, str]) -> Story | None:
    """Count a new article into an existing story, under a lock on its row; None when the story is gone."""
    story = Story.objects.select_for_update().filter(pk=story_id).first()
    if story is None:
        return None
    _source_count_in(story, first_copy)
    story.article_count += 1
    story.first_published_at = min(story.first_published_at, article.published_at)
    story.last_published_at = max(story.last_published_at, article.published_at)
    story.save(update_fields=["article_count", "source_count", "source_keys", "first_published_at", "last_published_at", "modified_at"])
    return story


def story_copy_count(story_id: int | None, source_id: int | None, credit: str) -> None:
    """A copy was folded into an article of the story: its source counts if it is new to the story."""
    story = Story.objects.select_for_update().filter(pk=story_id).first() if story_id else None
    if story is not None and _source_count_in(story, (source_id, credit)):
        story.save(update_fields=["source_count", "source_keys", "modified_at"])


def _source_count_in(story: Story, key: tuple[int | None, str]) -> bool:
    """Count ``key`` among the locked story's sources; True when the story's row changed (the caller saves it)."""
    counted = story.source_keys is not None
    keys = story.source_keys if counted else _keys(_story_sources(story.pk))
    if list(key) not in keys:
        keys = [*keys, list(key)]
    elif counted:
        return False
    story.source_keys, story.source_count = keys, len(keys)
    return True


def story_refine(article: Article, *, warm: Warm, names: dict[str, frozenset[str]]) -> Story | None:
    """Its entities are known now: re-index the article with them; one still alone in its story may join another."""
    alone = article.story_id is None or not Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk).exists()
    with warm.lock:
        warm.stories.remove(article.pk)
        if not alone:
            warm.stories.add(story_article(article, names), story=article.story_id)
            return article.story
    if article.story_id is None:
        return story_assign(article, warm=warm, names=names)
    with warm.lock:
        assignment = warm.stories.assign(story_article(article, names))
        joined = None if assignment.new else Story.objects.filter(pk=assignment.story).exclude(pk=article.story_id).first()
        warm.stories.relabel(article.pk, story=joined.pk if joined else article.story_id)
    if joined is None:
        return article.story
    left = article.story_id
    Article.objects.filter(pk=article.pk).update(story=joined)
    article.story = joined
    story_counts_refresh(joined.pk)
    story_counts_refresh(left)
    return joined


def story_counts_refresh(story_id: int | None) -> None:
    """Recount a story's articles and sources and its dates; an emptied story is deleted."""
    if story_id is None:
        return
    story = Story.objects.select_for_update().filter(pk=story_id).first()
    if story is None:
        return
    totals = Article.objects.filter(story=story).aggregate(
        articles=Count("id"), first=Min("published_at"), last=Max("published_at"),
    )
    if not totals["articles"]:
        story.delete()
        return
    sources = _story_sources(story.pk)
    story.article_count = totals["articles"]
    story.source_count = len(sources)
    story.source_keys = _keys(sources)
    story.first_published_at, story.last_published_at = totals["first"], totals["last"]
    story.save(update_fields=["article_count", "source_count", "source_keys", "first_published_at", "last_published_at", "modified_at"])


def _story_sources(story_id: int) -> set[tuple[int | None, str]]:
    """Every (source id, credit) that carried the story, read from its rows."""
    sources = set(WireCopy.objects.filter(article__story_id=story_id).values_list("source_id", "credit").distinct())
    # Articles saved before copies were kept (or without one) count by their own source.
    bare = Article.objects.filter(story_id=story_id).filter(~Q(copies__first=True))
    return sources | set(bare.values_list("source_id", "credit").distinct())


def _keys(sources: set[tuple[int | None, str]]) -> list[list]:
    """The pairs as ``Story.source_keys`` stores them: JSON lists, in a stable order."""
    return [list(pair) for pair in sorted(sources, key=str)]
