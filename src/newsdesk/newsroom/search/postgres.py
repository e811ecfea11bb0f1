"""The PostgreSQL backend: ``websearch_to_tsquery`` over the GIN-indexed tsvector, ``ts_rank_cd``, ``ts_headline``."""

from __future__ import annotations

from typing import Any

from newsdesk.newsroom.search.filters import ARTICLE
from newsdesk.newsroom.search.ranking import Candidate
from newsdesk.newsroom.search.terms import Terms

_QUERY = "websearch_to_tsquery('newsdesk', %s)"
# ts_headline options; our marks are control characters, spliced in by chr() so the SQL stays printable.
_HEADLINE = "'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)"
_HIDDEN = "translate({}, '<>', chr(57344) || chr(57345))"  # U+E000, U+E001
_HEADLINE_TEXT = _HIDDEN.format("translate(a.headline, chr(2) || chr(3), '')")
_BODY_TEXT = _HIDDEN.format("newsdesk_search_text(a.body_html)")
_SHOWN = str.maketrans({"\ue000": "<", "\ue001": ">"})
_SNIPPET = (
    "'MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \", "
    "StartSel=' || chr(2) || ', StopSel=' || chr(3)"
)


def match_candidates(cursor: Any, terms: Terms, filters: str, params: list[Any], *, limit: int) -> list[Candidate]:
    """Up to ``limit`` matches passing the filters, newest added first; ts_rank_cd only for those.

    The inner query picks the ids (the GIN index finds the matches), so the
    tsvectors are read and ranked for ``limit`` rows at most.
    """
    cursor.execute(
        f"SELECT a.id, ts_rank_cd(a.search_document, {_QUERY}), extract(epoch FROM a.published_at)::float8 "
        f"FROM {ARTICLE} a WHERE a.id IN (SELECT a.id FROM {ARTICLE} a WHERE a.search_document @@ {_QUERY}{filters} "
        f"ORDER BY a.id DESC LIMIT %s) ORDER BY a.id DESC",
        [terms.websearch(), terms.websearch(), *params, limit],
    )
    return [Candidate(article_id=row[0], relevance=float(row[1]), published=row[2]) for row in cursor.fetchall()]


def match_marked(cursor: Any, terms: Terms, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Headline with every match marked, and the body's best fragments, for one page's ids only.

    ts_headline drops whatever its parser takes for a tag, so text such as
    "<img src=x>" (a body about HTML) is handed over with its angle brackets
    swapped for two private-use characters and given back whole.
    """
    cursor.execute(
        f"SELECT a.id, ts_headline('newsdesk', {_HEADLINE_TEXT}, {_QUERY}, {_HEADLINE}), "
        f"ts_headline('newsdesk', {_BODY_TEXT}, {_QUERY}, {_SNIPPET}) "
        f"FROM {ARTICLE} a WHERE a.id = ANY(%s)",
        [terms.websearch(), terms.websearch(), list(ids)],
    )
    return {row[0]: ((row[1] or "").translate(_SHOWN), (row[2] or "").translate(_SHOWN)) for row in cursor.fetchall()}
