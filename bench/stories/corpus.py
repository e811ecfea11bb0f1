"""A synthetic archive for bench/stories: invented news with events, people, places, organisations and wire copies.

Nothing is real: words are built from syllables (a Zipf-distributed
vocabulary of 30,000), names likewise. Each event has its own people,
places, organisation and topic words and is told by 1–6 articles over up to
three days; one article in ten is another wire's copy of an earlier one
(clutter line, a paragraph trimmed, the headline rewritten). Written once to
``CACHE/articles-N-SEED.jsonl`` and read from there on later runs.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

START = datetime(2026, 1, 1, tzinfo=timezone.utc)
PER_DAY = 500
VOCABULARY = 30_000
_ONSETS = "b c d f g h j k l m n p r s t v w z br ch cl dr fl gr kr pl pr sh st th tr".split()
_VOWELS = "a e i o u ai ea ou io".split()
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "rt", "st", "x"]


@dataclass(frozen=True)
class Generated:
    key: int
    event: int
    copy_of: int | None
    published: str
    headline: str
    paragraphs: list[str]
    people: list[str]
    places: list[str]
    organisations: list[str]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def _lexicon(rng: random.Random, count: int, syllables: tuple[int, ...]) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(_word(rng, rng.choice(syllables)), None)
    return list(seen)


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = _lexicon(self.rng, VOCABULARY, (1, 2, 2, 3))
        weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
        self.cumulative = list(itertools.accumulate(weights))
        names = _lexicon(self.rng, 12_000, (2, 3))
        self.people = [f"{a.title()} {b.title()}" for a, b in zip(names[:6000], names[6000:])]
        self.places = [n.title() for n in _lexicon(self.rng, 3000, (2, 3))]
        self.organisations = [f"{n.title()} {self.rng.choice(['Group', 'Union', 'Ministry', 'Bank', 'Institute'])}" for n in _lexicon(self.rng, 2000, (2,))]

    def sentence(self, topic: list[str], names: list[str]) -> str:
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(10, 18))
        for _ in range(3):
            words.insert(rng.randrange(len(words)), rng.choice(topic))
        words.insert(rng.randrange(len(words)), rng.choice(names))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def article(self, key: int, event: dict, when: datetime) -> Generated:
        names = event["people"] + event["places"] + event["organisations"]
        paragraphs = [" ".join(self.sentence(event["topic"], names) for _ in range(3)) for _ in range(self.rng.randint(5, 9))]
        headline = self.sentence(event["topic"], names)[:90].rstrip(".")
        return Generated(
            key, event["id"], None, when.isoformat(), headline, paragraphs, event["people"], event["places"], event["organisations"],
        )

    def copy(self, key: int, original: Generated, when: datetime) -> Generated:
        """Another wire's copy: a clutter line, maybe the last paragraph trimmed, maybe a rewritten headline."""
        paragraphs = list(original.paragraphs)
        if self.rng.random() < 0.5 and len(paragraphs) > 3:
            paragraphs = paragraphs[:-1]
        paragraphs.append("Follow us for more news from the region. Subscribe to our newsletter.")
        headline = original.headline if self.rng.random() < 0.5 else original.headline.upper()
        return Generated(
            key, original.event, original.key, when.isoformat(), headline, paragraphs, original.people, original.places, original.organisations,
        )

    def event(self, number: int) -> dict:
        rng = self.rng
        return {
            "id": number,
            "people": rng.sample(self.people, 2),
            "places": rng.sample(self.places, rng.randint(1, 2)),
            "organisations": rng.sample(self.organisations, 1),
            "topic": rng.sample(self.words[500:], 12),
        }


def generate(count: int, seed: int) -> list[Generated]:
    """``count`` articles in order of publication (PER_DAY a day)."""
    gen = Generator(seed)
    out: list[Generated] = []
    open_events: list[tuple[dict, datetime, int]] = []  # event, started, articles left
    events = itertools.count(1)
    step = timedelta(days=1) / PER_DAY
    for key in range(count):
        when = START + key * step
        open_events = [(e, started, left) for e, started, left in open_events if left > 0 and when - started < timedelta(days=3)]
        roll = gen.rng.random()
        if roll < 0.1 and out:
            original = out[gen.rng.randrange(max(0, len(out) - 2000), len(out))]
            if original.copy_of is None:
                out.append(gen.copy(key, original, when))
                continue
        if roll < 0.55 and open_events:
            i = gen.rng.randrange(len(open_events))
            event, started, left = open_events[i]
            open_events[i] = (event, started, left - 1)
        else:
            event = gen.event(next(events))
            open_events.append((event, when, gen.rng.randint(0, 5)))
        out.append(gen.article(key, event, when))
    return out


def corpus(cache: Path, count: int, seed: int) -> list[Generated]:
    """The corpus, generated once and then read back from the cache folder."""
    path = cache / f"articles-{count}-{seed}.jsonl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as handle:
            for article in generate(count, seed):
                handle.write(json.dumps(article.__dict__) + "\n")
        partial.rename(path)
    with path.open(encoding="utf-8") as handle:
        return [Generated(**json.loads(line)) for line in handle]
