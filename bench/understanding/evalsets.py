"""The project's evaluation sets and how predictions are scored against them.

- tests/enrich/testdata: NN-slug.txt (headline, blank line, paragraphs) and
  NN-slug.expected.json (entities with canonical name, kind, aliases; quotes
  with speaker and text; the event the story is about).
- tests/dedupe/testdata: NN-slug.json, one near-duplicate group each: the
  article and four republications; groups of the same event are each
  other's hard negatives (same topic, different story).

Both were written for newsdesk; no text is copied from the news.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENRICH_SET = ROOT / "tests" / "enrich" / "testdata"
DEDUPE_SET = ROOT / "tests" / "dedupe" / "testdata"


@dataclass(frozen=True)
class LabelledArticle:
    stem: str
    headline: str
    paragraphs: tuple[str, ...]
    event: str
    published: datetime
    entities: tuple[dict, ...]
    quotes: tuple[dict, ...]


@dataclass(frozen=True)
class Document:
    id: str
    group: str
    event: str
    variant: str
    published: datetime
    text: str


@dataclass
class Score:
    """Counts and the misses behind them."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def labelled_articles(folder: Path = ENRICH_SET) -> list[LabelledArticle]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        headline, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
        articles.append(
            LabelledArticle(path.stem, headline.strip(), paragraphs, expected["event"], _when(expected["published"]),
                            tuple(expected["entities"]), tuple(expected["quotes"]))
        )
    return articles


def dedupe_documents(folder: Path = DEDUPE_SET) -> list[Document]:
    documents = []
    for path in sorted(folder.glob("*.json")):
        group = json.loads(path.read_text(encoding="utf-8"))
        for doc in group["documents"]:
            documents.append(Document(doc["id"], group["group"], group["event"], doc["variant"], _when(doc["published"]), doc["text"]))
    return sorted(documents, key=lambda d: (d.published, d.id))


def fold(name: str) -> str:
    """Names compare without accents, case, punctuation or a leading "the"."""
    name = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O"))
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", name.replace("’", "'").replace("'", ""))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def score_entities(gold: Sequence[dict], predicted: Iterable[tuple[str, str]], *, label: str = "") -> Score:
    """One-to-one matching on kind and name; a prediction may use a gold alias, but a second one is a false positive."""
    score = Score()
    unmatched = list(gold)
    for kind, name in predicted:
        match = next(
            (g for g in unmatched if g["kind"] == kind and fold(name) in {fold(g["name"]), *map(fold, g["aliases"])}),
            None,
        )
        if match is None:
            score.false_positives += 1
            score.errors.append(f"{label}: extra {kind} {name!r}")
        else:
            unmatched.remove(match)
            score.true_positives += 1
    for g in unmatched:
        score.false_negatives += 1
        score.errors.append(f"{label}: missed {g['kind']} {g['name']!r}")
    return score


def _quote_words(text: str) -> set[str]:
    return set(fold(text).split())


def quotes_match(gold_text: str, found_text: str) -> bool:
    a, b = _quote_words(gold_text), _quote_words(found_text)
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6


def score_quotes(gold: Sequence[dict], predicted: Iterable[tuple[str | None, str]], *, label: str = "") -> tuple[Score, int]:
    """(quote detection score, gold quotes attributed to the right speaker)."""
    score, attributed = Score(), 0
    unmatched = list(gold)
    for speaker, text in predicted:
        match = next((g for g in unmatched if quotes_match(g["text"], text)), None)
        if match is None:
            score.false_positives += 1
            score.errors.append(f"{label}: extra quote {text[:50]!r} ({speaker})")
            continue
        unmatched.remove(match)
        score.true_positives += 1
        if (fold(speaker) if speaker else None) == (fold(match["speaker"]) if match["speaker"] else None):
            attributed += 1
        else:
            score.errors.append(f"{label}: quote {text[:40]!r} said by {match['speaker']!r}, attributed to {speaker!r}")
    for g in unmatched:
        score.false_negatives += 1
        score.errors.append(f"{label}: missed quote {g['text'][:50]!r} ({g['speaker']})")
    return score, attributed


def merged(scores: Iterable[Score]) -> Score:
    total = Score()
    for s in scores:
        total.true_positives += s.true_positives
        total.false_positives += s.false_positives
        total.false_negatives += s.false_negatives
        total.errors += s.errors
    return total


def duplicate_pairs_score(documents: Sequence[Document], found: dict[str, list[str]]) -> Score:
    """Pairwise: each document against every earlier one; `found[id]` lists the earlier ids called duplicates."""
    score = Score()
    for i, doc in enumerate(documents):
        called = set(found.get(doc.id, ()))
        for earlier in documents[:i]:
            same = earlier.group == doc.group
            if earlier.id in called and same:
                score.true_positives += 1
            elif earlier.id in called:
                score.false_positives += 1
                kind = "hard negative" if earlier.event == doc.event else "unrelated"
                score.errors.append(f"{doc.id} folded into {earlier.id} ({kind})")
            elif same:
                score.false_negatives += 1
                score.errors.append(f"{doc.id} not matched with {earlier.id}")
    return score


def cluster_purity(assigned: dict[str, str], truth: dict[str, str]) -> tuple[float, float, int]:
    """(purity, inverse purity, number of clusters): how clean the stories are and how complete."""
    from collections import Counter, defaultdict

    clusters: dict[str, list[str]] = defaultdict(list)
    events: dict[str, list[str]] = defaultdict(list)
    for key, story in assigned.items():
        clusters[story].append(truth[key])
        events[truth[key]].append(story)
    n = len(assigned)
    purity = sum(Counter(members).most_common(1)[0][1] for members in clusters.values()) / n
    inverse = sum(Counter(stories).most_common(1)[0][1] for stories in events.values()) / n
    return purity, inverse, len(clusters)
