"""Story clusters: articles about one event (same people and places, close in time, similar words).

Assignment is incremental and its cost stays nearly flat as the archive
grows (issue 4 point 2): candidates come from an inverted index on entities
and terms whose posting lists are capped and cut to a time window, so a new
article is compared with at most MAX_CANDIDATES recent articles, never with
the archive.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from newsdesk.dedupe.normalise import normalise

WINDOW = timedelta(days=3)  # an event's coverage; older articles start new stories
THRESHOLD = 0.13  # between different stories (<= 0.11) and one story told twice (>= 0.15) on the evaluation set
MAX_POSTINGS = 400  # most recent articles kept per entity or term
MAX_CANDIDATES = 40
CANDIDATE_FEATURES = 24  # candidates come from the article's most telling features only: a common word's list is long and says little
TERMS_PER_ARTICLE = 40
WEIGHTS = {"person": 3.0, "organisation": 2.0, "place": 1.0, "term": 1.0}
_STOPWORDS = frozenset(
    """about above after again against all also among and another any are around because been before being below
    between both but by can could did does doing down during each early even ever every few first from further had
    has have having her here hers herself him himself his how however into its itself just last later least less
    like made make many more most much must near need never next none nor not now off once only other ought our ours
    ourselves out over own per same said says she should since some still such than that the their theirs them
    themselves then there these they this those though through thus too under until upon very was were what when
    where which while who whom whose why will with within without would year years yet you your yours monday tuesday
    wednesday thursday friday saturday sunday week weeks month months told according percent people""".split()
)
_TERM = re.compile(r"[a-z][a-z'-]{3,}")


@dataclass(frozen=True)
class StoryArticle:
    """What clustering needs of an article: when, who, where, which organisations, and its text."""

    key: Hashable
    published: datetime
    people: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    text: str = ""


@dataclass(frozen=True)
class StoryAssignment:
    """The story an article joined (``new`` when it starts one), the score and the article that decided it."""

    story: Hashable
    new: bool
    score: float = 0.0
    matched: Hashable | None = None


@dataclass
class _Indexed:
    published: datetime
    features: dict[str, float]
    story: Hashable
    norm: float = field(default=0.0)


def terms(text: str, *, limit: int = TERMS_PER_ARTICLE) -> list[str]:
    """The article's most frequent content words, crudely stemmed ("rates", "rate's" -> "rate")."""
    counts = Counter(_stem(t) for t in _TERM.findall(normalise(text)) if t not in _STOPWORDS)
    return [term for term, _ in counts.most_common(limit) if term not in _STOPWORDS]


@lru_cache(maxsize=256)
def article_terms(text: str) -> tuple[str, ...]:
    """``terms`` of a whole article, cached: the pipeline reads them before its write transaction opens."""
    return tuple(terms(text))


@lru_cache(maxsize=1 << 17)  # a newsroom's vocabulary is bounded; stemming each word of each article was a third of the stage
def _stem(word: str) -> str:
    word = word.removesuffix("'s").removesuffix("'")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + keep
    return word


class _Rarity(dict):
    """Inverse document frequencies, each computed once per new article."""

    def __init__(self, index: "StoryIndex") -> None:
        super().__init__()
        self._documents = index._count + 1
        self._frequency = index._document_frequency

    def __missing__(self, feature: str) -> float:
        # StoryIndex._idf, inlined: a new article looks up ~800 features (its own and its candidates').
        value = self[feature] = math.log(self._documents / (self._frequency[feature] + 1)) + 1.0
        return value


class StoryIndex:
    """Assigns each new article to a story of the recent past, or starts a new story."""

    def __init__(self, *, window: timedelta = WINDOW, threshold: float = THRESHOLD) -> None:
        self.window = window
        self.threshold = threshold
        self._articles: dict[Hashable, _Indexed] = {}
        self._postings: dict[str, deque[Hashable]] = {}
        self._document_frequency: Counter[str] = Counter()
        self._count = 0
        self._newest: datetime | None = None

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._articles

    def assign(self, article: StoryArticle) -> StoryAssignment:
        """The article's story: the story of the most similar recent article if it is similar enough."""
        features = self._features(article)
        idf = _Rarity(self)  # one article's lookups share the rarities: the archive does not change meanwhile
        mine = sum(w * idf[f] for f, w in features.items())
        best: tuple[float, Hashable | None] = (0.0, None)
        for key in self._candidates(features, article.published, idf):
            score = self._similarity(features, self._articles[key], idf, mine)
            if score > best[0]:
                best = (score, key)
        score, matched = best
        if matched is not None and score >= self.threshold:
            assignment = StoryAssignment(self._articles[matched].story, False, round(score, 3), matched)
        else:
            assignment = StoryAssignment(article.key, True, round(score, 3), matched)
        self.add(article, story=assignment.story, features=features)
        return assignment

    def add(self, article: StoryArticle, *, story: Hashable, features: dict[str, float] | None = None) -> None:
        """Index an article whose story is known (how the index is rebuilt from the recent archive)."""
        features = features if features is not None else self._features(article)
        self._articles[article.key] = _Indexed(article.published, features, story)
        self._count += 1
        for feature in features:
            self._document_frequency[feature] += 1
            posting = self._postings.setdefault(feature, deque(maxlen=MAX_POSTINGS))
            posting.append(article.key)
        if self._newest is None or article.published > self._newest:
            self._newest = article.published
        if self._count % 1000 == 0:
            self._forget_old()

    def remove(self, key: Hashable) -> None:
        """Forget an article (it is re-indexed with its entities, or was split off); its postings lapse."""
        self._articles.pop(key, None)

    def relabel(self, key: Hashable, *, story: Hashable) -> None:
        """Record that an indexed article now belongs to `story` (a new story got its id, or an editor moved it)."""
        indexed = self._articles.get(key)
        if indexed is not None:
            indexed.story = story

    def _features(self, article: StoryArticle) -> dict[str, float]:
        kinds: Iterable[tuple[str, Iterable[str]]] = (
            ("person", article.people), ("organisation", article.organisations), ("place", article.places),
            ("term", article_terms(article.text)),
        )
        return {f"{kind}:{value.casefold()}": WEIGHTS[kind] for kind, values in kinds for value in values}

    def _idf(self, feature: str) -> float:
        return math.log((self._count + 1) / (self._document_frequency[feature] + 1)) + 1.0

    def _candidates(self, features: dict[str, float], published: datetime, idf: "_Rarity") -> list[Hashable]:
        """Recent articles sharing the most weighted features with the new one (never a scan of the archive)."""
        shared: dict[Hashable, float] = {}
        telling = sorted(((w * idf[f], f) for f, w in features.items() if f in self._postings), reverse=True)
        for value, feature in telling[:CANDIDATE_FEATURES]:
            get = shared.get
            for key in self._postings[feature]:
                shared[key] = get(key, 0.0) + value
        # The window is checked once per distinct key, not once per posting entry (the same keys recur across lists).
        articles, window = self._articles, self.window
        near: Counter[Hashable] = Counter()
        for key, value in shared.items():
            indexed = articles.get(key)
            if indexed is not None and abs(indexed.published - published) <= window:
                near[key] = value
        return [key for key, _ in near.most_common(MAX_CANDIDATES)]

    def _similarity(self, features: dict[str, float], other: _Indexed, idf: "_Rarity", mine: float) -> float:
        """Weighted overlap (Dice) of features, each weighted by kind and rarity."""
        common = sum(w * idf[f] for f, w in features.items() if f in other.features)
        total = mine + sum(w * idf[f] for f, w in other.features.items())
        return 2 * common / total if total else 0.0

    def _forget_old(self) -> None:
        """Drop articles too old to join any new story; their posting entries go as the lists roll over."""
        assert self._newest is not None
        horizon = self._newest - 2 * self.window
        for key in [k for k, a in self._articles.items() if a.published < horizon]:
            del self._articles[key]
