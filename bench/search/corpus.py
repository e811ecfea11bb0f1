"""The bench/search corpus: invented articles from an invented vocabulary, written once to a cache file.

Words are made of syllables by a seeded generator and drawn with a Zipf
law (weight 1/rank), as words in news copy are: the top few are in almost
every article, rank 50 in about half, rank 5,000 and beyond in a handful.
Each article has a headline (6–11 words), 4–8 paragraphs of 25–60 words,
one of 8 sections, one of 20 sources, a publication time in the two years
before START and one to three of 500 entities.
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEED = 20261128
VOCABULARY = 20_000
SECTIONS = ("World", "Politics", "Business", "Sport", "Culture", "Science", "Health", "Travel")
SOURCES = 20
ENTITIES = 500
START = datetime(2026, 11, 1, tzinfo=timezone.utc)
SPAN = timedelta(days=730)
_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


@dataclass(frozen=True)
class Article:
    key: int
    headline: str
    paragraphs: list[str]
    section: str
    source: int
    published: str  # ISO 8601
    entities: list[int]


def vocabulary() -> list[str]:
    rng = random.Random(SEED)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def corpus(count: int, cache: Path) -> list[Article]:
    """``count`` articles, generated once and read back from ``cache/corpus-{count}.jsonl.gz`` after that."""
    path = cache / f"corpus-{count}.jsonl.gz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        with gzip.open(partial, "wt", encoding="utf-8") as out:
            for article in _generated(count):
                out.write(json.dumps(asdict(article)) + "\n")
        partial.rename(path)
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [Article(**json.loads(line)) for line in lines]


def _generated(count: int):
    words = vocabulary()
    cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, VOCABULARY + 1)))
    rng = random.Random(SEED + 1)

    def sentence(length: int) -> str:
        drawn = rng.choices(words, cum_weights=cumulative, k=length)
        return " ".join(drawn).capitalize() + "."

    for key in range(count):
        headline = sentence(rng.randint(6, 11))[:-1]
        paragraphs = [sentence(rng.randint(25, 60)) for _ in range(rng.randint(4, 8))]
        published = START - SPAN * rng.random()
        yield Article(
            key=key, headline=headline, paragraphs=paragraphs, section=rng.choice(SECTIONS),
            source=rng.randrange(SOURCES), published=published.isoformat(),
            entities=rng.sample(range(ENTITIES), rng.randint(1, 3)),
        )
