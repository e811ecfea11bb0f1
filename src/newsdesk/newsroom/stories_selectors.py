"""Read queries for stories, entities and quotes (issue 4): full coverage, entity pages, related stories.

Like ``selectors`` these only read, and only ever return what is published
(``Article.Status.PUBLISHED``): an entity named only by drafts has no page,
a killed article's quotes are never shown. Every function runs a fixed,
small number of queries whatever the archive's size: lists are capped, and
the related-stories score is computed over a bounded set of candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.utils import timezone

from newsdesk.newsroom.models import Article, Entity, Mention, Quote, Story, WireCopy
from newsdesk.newsroom.prepared import Prepared

PUBLISHED = Article.Status.PUBLISHED
STORY_ARTICLES = 200  # the most a story page lists (a story is one event: far fewer in practice)
STORY_ENTITIES = 20
ENTITY_ARTICLES = 100  # the entity timeline and its co-occurring entities are read from its newest articles
ENTITY_TIMELINE = 30
ENTITY_CO_OCCURRING = 12
ENTITY_QUOTES = 20
RELATED = 5
RELATED_ENTITIES = 10  # an article's most salient entities are the ones its related stories share
RELATED_CANDIDATES = 300  # mentions read when scoring related stories by shared entities
RELATED_RECENT = 50  # recent articles of the same section also compared by headline
TEXT_WEIGHT = 0.5  # a headline word overlap of 1.0 is worth half a fully shared, fully salient entity
SALIENCE_FLOOR = 0.1  # an entity with no salience score still counts for something
_WORD = re.compile(r"[^\W\d_]{4,}")  # content words: four letters or more, any script


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(status=PUBLISHED)


def article_sources(article: Article) -> list[str]:
    """Who carried the copy, first wire first ("AP", "Reuters"): the credits of its copies, else its own.

    Needs ``copies`` prefetched with their sources (``_with_copies``) to stay one query per listing.
    """
    return _sources_named(article, article.copies.all())


def _sources_named(article: Article, copies: Iterable[WireCopy]) -> list[str]:
    names: list[str] = []
    for copy in copies:
        name = copy.credit or (copy.source.credit or copy.source.name if copy.source_id and copy.source else "")
        if name and name not in names:
            names.append(name)
    own = article.credit or (article.source.credit or article.source.name if article.source_id and article.source else "")
    if own:  # the credit the page shows comes first, so "also reported by" is everyone else
        names = [own, *(name for name in names if name != own)]
    return names


def _with_copies(articles: QuerySet[Article]) -> QuerySet[Article]:
    copies = WireCopy.objects.select_related("source").order_by("-first", "folded_at", "pk")
    return articles.select_related("section", "source", "story").prefetch_related(Prefetch("copies", queryset=copies))


# The story page ("full coverage").


@dataclass(frozen=True)
class CoverageItem:
    """One article of a story, with every source that carried it."""

    article: Article
    sources: list[str]


@dataclass(frozen=True)
class TimelineDay:
    day: date
    articles: list[Article]


@dataclass(frozen=True)
class EntityCount:
    """An entity and in how many of the articles in question it appears."""

    entity: Entity
    articles: int


@dataclass(frozen=True)
class StoryPage:
    story: Story
    items: list[CoverageItem]  # newest first
    timeline: list[TimelineDay]  # oldest first, as a timeline reads
    sources: list[str]
    entities: list[EntityCount]  # most frequent first

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def last_published_at(self) -> datetime:
        return max(item.article.published_at for item in self.items)


def story_page(*, pk: int) -> StoryPage | None:
    """Everything the story page shows; None for an unknown story or one with no published article."""
    story = Story.objects.filter(pk=pk).first()
    if story is None:
        return None
    articles = list(_with_copies(published_articles().filter(story=story)).order_by("-published_at", "-pk")[:STORY_ARTICLES])
    if not articles:
        return None
    items = [CoverageItem(article=a, sources=article_sources(a)) for a in articles]
    sources = list(dict.fromkeys(name for item in reversed(items) for name in item.sources))  # first to report first
    return StoryPage(
        story=story, items=items, timeline=_timeline(articles), sources=sources,
        entities=_entities_of([a.pk for a in articles], limit=STORY_ENTITIES),
    )


def _timeline(articles: list[Article]) -> list[TimelineDay]:
    days: dict[date, list[Article]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: (a.published_at, a.pk)):
        days[timezone.localtime(article.published_at).date()].append(article)
    return [TimelineDay(day=day, articles=listed) for day, listed in days.items()]


def _entities_of(article_ids: list[int], *, limit: int, exclude: Entity | None = None) -> list[EntityCount]:
    """The entities these articles name, by how many of them do (then by total salience, then name)."""
    mentions = Mention.objects.filter(article_id__in=article_ids)
    if exclude is not None:
        mentions = mentions.exclude(entity=exclude)
    counted = list(
        mentions.values("entity").annotate(n=Count("article", distinct=True), weight=Sum("salience"))
        .order_by("-n", "-weight", "entity__name")[:limit]
    )
    entities = Entity.objects.in_bulk([row["entity"] for row in counted])
    return [EntityCount(entity=entities[row["entity"]], articles=row["n"]) for row in counted if row["entity"] in entities]


def story_articles_listed(*, story: Story) -> QuerySet[Article]:
    """A story's published articles, newest first, with section and source joined (the API pages through it)."""
    return published_articles().filter(story=story).select_related("section", "source").order_by("-published_at", "-pk")


def story_articles(*, story: Story, limit: int) -> list[Article]:
    """A story's newest published articles (its feeds)."""
    return list(story_articles_listed(story=story)[:limit])


def story_by_pk(*, pk: int) -> Story | None:
    """The story if it has a published article (a story only drafts belong to is not public)."""
    return Story.objects.filter(pk=pk, articles__status=PUBLISHED).distinct().first()


# The entity page.


@dataclass(frozen=True)
class TimelineEntry:
    """A story (or a lone article) that names the entity, at the time of its newest such article."""

    title: str
    url: str
    published_at: datetime
    articles: list[Article]
    story: Story | None = None


@dataclass(frozen=True)
class EntityPage:
    entity: Entity
    aliases: list[str]
    timeline: list[TimelineEntry]  # newest first
    co_occurring: list[EntityCount]
    quotes: list[Quote]
    descriptions: list[str] = field(default_factory=list)  # the titles articles gave it ("a lecturer in politics")


def entity_by_slug(*, slug: str) -> Entity | None:
    """The entity if a published article names it (or quotes it); else None, so its page is a 404."""
    entity = Entity.objects.filter(slug=slug).first()
    if entity is None:
        return None
    named = Mention.objects.filter(entity=entity, article__status=PUBLISHED).exists()
    if not named and not Quote.objects.filter(speaker=entity, article__status=PUBLISHED).exists():
        return None
    return entity


def entity_articles_listed(*, entity: Entity) -> QuerySet[Article]:
    """Published articles naming ``entity`` (one mention per article and entity), newest first."""
    return (
        published_articles().filter(mentions__entity=entity)
        .select_related("section", "source", "story").order_by("-published_at", "-pk")
    )


def entity_articles(*, entity: Entity, limit: int) -> list[Article]:
    """The newest published articles naming ``entity``, with section, source and story joined."""
    return list(entity_articles_listed(entity=entity)[:limit])


def entity_page(*, slug: str) -> EntityPage | None:
    entity = entity_by_slug(slug=slug)
    if entity is None:
        return None
    articles = entity_articles(entity=entity, limit=ENTITY_ARTICLES)
    article_ids = [a.pk for a in articles]
    descriptions = list(dict.fromkeys(
        Mention.objects.filter(entity=entity, article_id__in=article_ids).exclude(description="")
        .order_by("-article__published_at").values_list("description", flat=True)[:5]
    ))
    return EntityPage(
        entity=entity,
        aliases=sorted({a for a in entity.aliases.values_list("alias", flat=True) if a != entity.name}, key=str.casefold),
        timeline=_entity_timeline(articles)[:ENTITY_TIMELINE],
        co_occurring=_entities_of(article_ids, limit=ENTITY_CO_OCCURRING, exclude=entity),
        quotes=entity_quotes(entity=entity, limit=ENTITY_QUOTES),
        descriptions=descriptions,
    )


def _entity_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """Articles grouped into their stories, newest first; an article with no story is an entry of its own."""
    groups: dict[tuple[str, int], list[Article]] = {}
    for article in articles:  # newest first, so each group's first article is its newest
        key = ("story", article.story_id) if article.story_id else ("article", article.pk)
        groups.setdefault(key, []).append(article)
    entries = []
    for listed in groups.values():
        newest, story = listed[0], listed[0].story
        entries.append(TimelineEntry(
            title=story.title if story else newest.headline,
            url=story.get_absolute_url() if story else newest.get_absolute_url(),
            published_at=newest.published_at, articles=listed, story=story,
        ))
    return entries


def entity_quotes(*, entity: Entity, limit: int) -> list[Quote]:
    """What the entity said, newest article first, in the order it was said."""
    return list(
        Quote.objects.filter(speaker=entity, article__status=PUBLISHED).select_related("article")
        .order_by("-article__published_at", "-article_id", "position")[:limit]
    )


# On the article page.


# The article page runs these on every request Django renders it, so each is prepared once per
# process (``newsroom.prepared``: Django builds the SQL once) and run with the article's values.
_QUOTES = Prepared(lambda article: (
    Quote.objects.filter(article_id=article, article__status=PUBLISHED).select_related("speaker").order_by("position", "pk")
))
_MENTIONS = Prepared(lambda article: (
    Mention.objects.filter(article_id=article).select_related("entity").order_by("-salience", "entity__name")
))
_COPIES = Prepared(lambda article: (  # only what ``_sources_named`` reads: not the copy's snapshot (its whole text)
    WireCopy.objects.filter(article_id=article).select_related("source").order_by("-first", "folded_at", "pk")
    .only("credit", "source__credit", "source__name")
))
_SOURCE_NAMES = ("credit", "source__credit", "source__name")
_STORY_SOURCES = Prepared(lambda story: (  # UNION: each (credit, source credit, source name) once, copies and articles alike
    WireCopy.objects.filter(article__story_id=story, article__status=PUBLISHED).values_list(*_SOURCE_NAMES)
    .union(published_articles().filter(story_id=story).values_list(*_SOURCE_NAMES))
))


def article_quotes(*, article_id: int) -> list[Quote]:
    """A published article's quotes in the order they appear, with their speakers; [] for anything not public."""
    return _QUOTES.rows(article=article_id)


@dataclass(frozen=True)
class ArticleCoverage:
    """What the article page adds about the article's story, entities, quotes and sources."""

    people: list[Entity]
    organisations: list[Entity]
    places: list[Entity]
    quotes: list[Quote]
    sources: list[str]
    story: Story | None
    story_source_count: int
    related: list[Article]

    @property
    def kinds(self) -> list[tuple[str, list[Entity]]]:
        return [("People", self.people), ("Organisations", self.organisations), ("Places", self.places)]

    @property
    def also_reported_by(self) -> list[str]:
        """Every source but the one the page credits ("Also reported by AP, Reuters")."""
        return self.sources[1:]


def article_coverage(*, article: Article, related: int = RELATED) -> ArticleCoverage:
    """The article's entities (most salient first), quotes, sources, story and related stories."""
    mentions = _MENTIONS.rows(article=article.pk)
    by_kind: dict[str, list[Entity]] = defaultdict(list)
    for mention in mentions:
        by_kind[mention.entity.kind].append(mention.entity)
    story = article.story if article.story_id else None
    return ArticleCoverage(
        people=by_kind[Entity.Kind.PERSON], organisations=by_kind[Entity.Kind.ORGANISATION], places=by_kind[Entity.Kind.PLACE],
        quotes=article_quotes(article_id=article.pk),
        sources=_sources_named(article, _COPIES.rows(article=article.pk)),
        story=story,
        story_source_count=story_source_count(story=story) if story else 0,
        related=related_articles(article=article, limit=related, mentions=mentions),
    )


def story_source_count(*, story: Story) -> int:
    """How many different sources carried the story's published articles (named as ``article_sources`` names them)."""
    return len({name for row in _STORY_SOURCES.rows(story=story.pk) if (name := next((part for part in row if part), ""))})


def related_articles(*, article: Article, limit: int = RELATED, mentions: list[Mention] | None = None) -> list[Article]:
    """Other published articles a reader of ``article`` may want, best first.

    The same story first (newest first); then articles sharing its entities,
    each shared entity weighted by its salience in both articles, plus the
    overlap of the headlines' words. Candidates are bounded (the newest
    ``RELATED_CANDIDATES`` mentions of its ten most salient entities and the
    section's ``RELATED_RECENT`` newest articles), so the cost stays flat as the
    archive grows. ``mentions``: the article's own, if the caller has read them.
    """
    chosen: list[int] = []
    if article.story_id:
        chosen = [pk for (pk,) in _SAME_STORY.rows(story=article.story_id, article=article.pk, shape={"limit": limit})]
    if len(chosen) < limit:
        # Fewer than ``limit``: ``chosen`` is every other published article of the story, so the
        # candidates leave out the story's articles (and this one) instead of a list of ids.
        scores = _related_scores(article, mentions if mentions is not None else _MENTIONS.rows(article=article.pk))
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], -item[1][1].timestamp(), -item[0]))
        chosen += [pk for pk, _ in ranked[: limit - len(chosen)]]
    if not chosen:
        return []
    found = {a.pk: a for a in _WITH_SECTION.rows(pks=chosen)}
    return [found[pk] for pk in chosen if pk in found]


_SAME_STORY = Prepared(lambda story, article, limit: (
    published_articles().filter(story_id=story).exclude(pk=article).order_by("-published_at", "-pk").values_list("pk")[:limit]
))
_WITH_SECTION = Prepared(lambda pks: published_articles().select_related("section").filter(pk__in=pks))


def _shared_mentions(entities: list[int], article: int, story: int | None) -> QuerySet[Mention]:
    shared = Mention.objects.filter(entity_id__in=entities, article__status=PUBLISHED).exclude(article_id=article)
    if story is not None:
        shared = shared.exclude(article__story_id=story)
    return shared.order_by("-article__published_at", "-article_id").values_list(
        "article_id", "entity_id", "salience", "article__published_at", "article__headline"
    )[:RELATED_CANDIDATES]


def _recent_headlines(article: int, story: int | None, section: int | None) -> QuerySet[Article]:
    recent = published_articles().exclude(pk=article)
    if story is not None:
        recent = recent.exclude(story_id=story)
    if section is not None:
        recent = recent.filter(section_id=section)
    return recent.order_by("-published_at", "-pk").values_list("pk", "headline", "published_at")[:RELATED_RECENT]


_SHARED_MENTIONS = Prepared(lambda entities, article, story: _shared_mentions(entities, article, story))
_RECENT_HEADLINES = Prepared(lambda article, story, section: _recent_headlines(article, story, section))


def _related_scores(article: Article, mentions: list[Mention]) -> dict[int, tuple[float, datetime]]:
    """(score, published_at) of each candidate with something in common with ``article``.

    Candidates are neither ``article`` nor a published article of its story.
    """
    ranked = sorted(mentions, key=lambda m: (-m.salience, m.entity_id))[:RELATED_ENTITIES]
    own = {mention.entity_id: mention.salience for mention in ranked}
    # A value left out is passed as None through ``shape``: its condition is not in that query at all.
    story, no_story = ({"story": article.story_id}, {}) if article.story_id else ({}, {"story": None})
    scores: dict[int, float] = defaultdict(float)
    published: dict[int, datetime] = {}
    candidates: list[tuple[int, str, datetime]] = []
    if own:
        shared = _SHARED_MENTIONS.rows(entities=list(own), article=article.pk, **story, shape=no_story)
        for article_id, entity_id, salience, published_at, headline in shared:
            scores[article_id] += max(own[entity_id], SALIENCE_FLOOR) * max(salience, SALIENCE_FLOOR)
            published[article_id] = published_at
            candidates.append((article_id, headline, published_at))
    words = _words(article.headline)
    if words:
        section, no_section = ({"section": article.section_id}, {}) if article.section_id else ({}, {"section": None})
        recent = _RECENT_HEADLINES.rows(article=article.pk, **story, **section, shape={**no_story, **no_section})
        for pk, headline, published_at in dict.fromkeys([*recent, *candidates]):
            other = _words(headline)
            overlap = len(words & other) / len(words | other) if other else 0.0
            if overlap:
                scores[pk] += TEXT_WEIGHT * overlap
                published[pk] = published_at
    return {pk: (score, published[pk]) for pk, score in scores.items() if score > 0}


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}
