"""The SQLite backend: FTS5 ``MATCH`` and bm25 for the newest matches, ``highlight`` and ``snippet`` for one page."""

from __future__ import annotations

from typing import Any

from newsdesk.newsroom.search.marks import CLOSE, OPEN
from newsdesk.newsroom.search.ranking import HEADLINE_WEIGHT, Candidate
from newsdesk.newsroom.search.terms import Terms

SNIPPET_TOKENS = 32
PUBLISHED_KNOWN = True  # the table ``a`` of match_candidates holds published articles only
_JULIAN_EPOCH = 2440587.5  # julianday('1970-01-01')


def match_candidates(
    cursor: Any, terms: Terms, filters: str, params: list[Any], *, limit: int,
) -> list[Candidate]:
    """Up to ``limit`` matches passing the filters, newest added first.

    FTS5 walks its rowids backwards and stops at ``limit``: one pass, as
    fast for a word in every article as for a rare one (docs/search.md).

    bm25 runs only for the rows returned, so a word in every article costs
    ``limit`` scores, not one per article. Dates and filters are read from
    ``newsroom_search_facts`` (published articles only, ~40 bytes a row),
    not from the wide article rows; ``filters`` are made for it
    (``PUBLISHED_KNOWN``).
    """
    cursor.execute(
        f"SELECT a.id, -bm25(newsroom_search, {HEADLINE_WEIGHT}, 1.0), "
        f"(julianday(a.published_at) - {_JULIAN_EPOCH}) * 86400.0 "
        f"FROM newsroom_search JOIN newsroom_search_facts a ON a.id = newsroom_search.rowid "
        f"WHERE newsroom_search MATCH %s{filters} ORDER BY newsroom_search.rowid DESC LIMIT %s",
        [terms.fts5(), *params, limit],
    )
    return [Candidate(article_id=row[0], relevance=row[1], published=row[2]) for row in cursor.fetchall()]


def match_marked(cursor: Any, terms: Terms, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Headline with every match marked, and the body's best fragment, for one page's ids only.

    A second query, so ``snippet`` runs for one page rather than for every
    candidate. (Marking on a scratch TEMP FTS5 table of just the page, to
    spare a common word's long posting list, measured no faster.)
    """
    marks = [OPEN, CLOSE]
    terms = terms.marked
    cursor.execute(
        f"SELECT rowid, highlight(newsroom_search, 0, %s, %s), snippet(newsroom_search, 1, %s, %s, '…', {SNIPPET_TOKENS}) "
        f"FROM newsroom_search WHERE newsroom_search MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
        [*marks, *marks, terms.fts5(), *ids],
    )
    return {row[0]: (row[1] or "", row[2] or "") for row in cursor.fetchall()}
