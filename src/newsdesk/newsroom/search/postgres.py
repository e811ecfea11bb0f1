"""The PostgreSQL backend: ``websearch_to_tsquery`` over ``newsroom_search_document``, ``ts_rank_cd``, ``ts_headline``."""

from __future__ import annotations

from typing import Any

from newsdesk.newsroom.search.filters import ARTICLE
from newsdesk.newsroom.search.marks import without_marks
from newsdesk.newsroom.search.ranking import Candidate
from newsdesk.newsroom.search.sqlite_functions import search_text
from newsdesk.newsroom.search.terms import Terms

PUBLISHED_KNOWN = True  # the table ``a`` of match_candidates holds published articles only
_DOCUMENTS = "newsroom_search_document"
_QUERY = "websearch_to_tsquery('newsdesk', %s)"
# ts_headline options; our marks are control characters, spliced in by chr() so the SQL stays printable.
_HEADLINE = "'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)"
_HIDDEN = str.maketrans({"<": "\ue000", ">": "\ue001"})  # private-use characters
_SHOWN = str.maketrans({"\ue000": "<", "\ue001": ">"})
_SNIPPET = (
    "'MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \", "
    "StartSel=' || chr(2) || ', StopSel=' || chr(3)"
)


def match_candidates(
    cursor: Any, terms: Terms, filters: str, params: list[Any], *, limit: int,
) -> list[Candidate]:
    """Up to ``limit`` matches passing the filters, newest added first.

    One query: for a common word the planner walks the ids backwards and
    stops at ``limit``, ranking only those (with the tsvector in the row,
    this measured faster than picking the ids first and ranking them in a
    second pass); a rare one is found through the GIN index. A quoted phrase
    is first narrowed by its lexeme pairs (``pairs``, a second GIN index), so
    only articles holding the words side by side are checked for the phrase.
    """
    pairs = _pairs_query(cursor, terms)
    cursor.execute(
        f"SELECT a.id, ts_rank_cd(a.document, {_QUERY}), extract(epoch FROM a.published_at)::float8 "
        f"FROM {_DOCUMENTS} a WHERE "
        # With pairs, the phrase is checked on their few candidates only: "IS TRUE" keeps the planner from also
        # walking the tsvector index for every article holding the words (17 ms for two common ones).
        f"{f'a.pairs @@ %s::tsquery AND (a.document @@ {_QUERY}) IS TRUE' if pairs else f'a.document @@ {_QUERY}'}"
        f"{filters} "
        f"ORDER BY a.id DESC LIMIT %s",
        [terms.websearch(), *([pairs] if pairs else []), terms.websearch(), *params, limit],
    )
    return [Candidate(article_id=row[0], relevance=float(row[1]), published=row[2]) for row in cursor.fetchall()]


def _pairs_query(cursor: Any, terms: Terms) -> str:
    """``'ferri strike' & …`` for the wanted phrases' neighbouring words, as the index stems them; "" if none.

    A word the configuration does not turn into exactly one lexeme adds no
    pair: the phrase check on the document still decides, only slower.
    """
    phrases = [term.words for term in terms.wanted if len(term.words) > 1]
    if not phrases:
        return ""
    words = sorted({word for words in phrases for word in words})
    cursor.execute(
        "SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector('newsdesk', w))) FROM unnest(%s::text[]) w", [words]
    )
    stem = {word: lexemes[0] for word, lexemes in cursor.fetchall() if len(lexemes) == 1}
    found = {
        f"{stem[left]} {stem[right]}"
        for words in phrases for left, right in zip(words, words[1:], strict=False) if left in stem and right in stem
    }
    return " & ".join(sorted("'" + pair.replace("\\", "\\\\").replace("'", "''") + "'" for pair in found))


def match_marked(cursor: Any, terms: Terms, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Headline with every match marked, and the body's best fragments, for one page's ids only.

    The body's plain text is made here in Python (``search_text``, what the
    index reads): the same steps as the SQL function, but PostgreSQL's
    regular expressions took ~0.6 ms a body, most of a page's marking.
    ts_headline drops whatever its parser takes for a tag, so text such as
    "<img src=x>" (a body about HTML) is handed over with its angle brackets
    swapped for two private-use characters and given back whole.
    """
    cursor.execute(f"SELECT a.id, a.headline, a.body_html FROM {ARTICLE} a WHERE a.id = ANY(%s)", [list(ids)])
    rows = cursor.fetchall()
    if not rows:
        return {}
    terms = terms.marked
    cursor.execute(
        f"SELECT x.id, ts_headline('newsdesk', x.headline, {_QUERY}, {_HEADLINE}), "
        f"ts_headline('newsdesk', x.body, {_QUERY}, {_SNIPPET}) "
        "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS x(id, headline, body)",
        [terms.websearch(), terms.websearch(), [row[0] for row in rows],
         [without_marks(row[1] or "").translate(_HIDDEN) for row in rows],
         [(search_text(row[2]) or "").translate(_HIDDEN) for row in rows]],
    )
    return {row[0]: ((row[1] or "").translate(_SHOWN), (row[2] or "").translate(_SHOWN)) for row in cursor.fetchall()}
