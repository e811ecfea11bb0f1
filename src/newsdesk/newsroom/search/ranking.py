"""How relevance and freshness combine into one score, in one place for both backends.

    score = relevance × (1 + 1 / (1 + age_days / FRESHNESS_DAYS))

relevance is FTS5's bm25 (negated, so higher is better; headline words
weigh HEADLINE_WEIGHT times body words) or PostgreSQL's ts_rank_cd (weights
A = 1.0 for the headline, B = 0.4 for the body). The freshness factor runs
from 2 (published now) through 1.5 (a week old) towards 1 (the archive):
at equal relevance the newer story wins, but a story that matches much
better still beats a fresher one that barely matches. Ties: newer first,
then the higher id, so pages never shuffle.

Only the RANKED_MAX most recently added matches are ranked: scoring every
match of a word found in half the archive costs time in proportion to the
archive (hundreds of ms at 100,000 articles), while the newest thousand
are what a newsroom's reader wants; more words, a section or a date range
reach further back. ``SearchPage.total`` then says "at least RANKED_MAX".
"""

from __future__ import annotations

from dataclasses import dataclass

FRESHNESS_DAYS = 7.0
HEADLINE_WEIGHT = 2.5  # FTS5 bm25 column weight, as PostgreSQL's A (1.0) to B (0.4)
RANKED_MAX = 1000


@dataclass(frozen=True)
class Candidate:
    """A match as the backend found it: the article, its text relevance, and its publication time (Unix seconds)."""

    article_id: int
    relevance: float
    published: float


def ranked(candidates: list[Candidate], *, now: float) -> list[tuple[Candidate, float]]:
    """Candidates with their scores, best first."""
    scored = [(c, c.relevance * (1.0 + 1.0 / (1.0 + max(0.0, now - c.published) / 86400 / FRESHNESS_DAYS))) for c in candidates]
    scored.sort(key=lambda pair: (pair[1], pair[0].published, pair[0].article_id), reverse=True)
    return scored
