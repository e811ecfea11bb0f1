"""``search``: the one entry point. Terms from the text, the backend from the connection, one page of hits."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from django.db import connection

from newsdesk.core import clock
from newsdesk.newsroom.models import Article
from newsdesk.newsroom.search import postgres, sqlite
from newsdesk.newsroom.search.filters import filters_sql
from newsdesk.newsroom.search.marks import marked_html
from newsdesk.newsroom.search.ranking import RANKED_MAX, Candidate, ranked
from newsdesk.newsroom.search.terms import Terms, terms_of
from newsdesk.newsroom.search.types import SearchHit, SearchPage, SearchQuery


def search(query: SearchQuery) -> SearchPage:
    """Published articles matching ``query``, best first (relevance × freshness), one page with marked snippets.

    Of more than ``RANKED_MAX`` matches, the newest added are ranked (ranking.py says why).

    Text that holds nothing to look for (blank, punctuation, only
    exclusions, a word both wanted and excluded, a NUL) finds nothing; it
    never raises.
    """
    page = SearchPage(page=query.number, page_size=query.limit)
    terms = terms_of(query.text)
    if terms.empty:
        return page
    backend = _backend()
    filters, params = filters_sql(query, connection, published_known=backend.PUBLISHED_KNOWN)
    with connection.cursor() as cursor:
        candidates = _newest_matches(backend, cursor, terms, filters, params, limit=RANKED_MAX + 1)
        capped = len(candidates) > RANKED_MAX
        candidates = candidates[:RANKED_MAX]
        # Freshness by the hour: the same query gives the same ranks (and ETag) all hour, not a new one every second.
        hour = clock.now().timestamp() // 3600 * 3600
        chosen = ranked(candidates, now=hour)[query.offset : query.offset + query.limit]
        marked = backend.match_marked(cursor, terms, [c.article_id for c, _ in chosen]) if chosen else {}
    hits = [
        SearchHit(
            article_id=c.article_id, rank=score,
            headline_html=marked_html(marked.get(c.article_id, ("", ""))[0]),
            snippet_html=marked_html(marked.get(c.article_id, ("", ""))[1]),
        )
        for c, score in chosen
    ]
    return SearchPage(hits=hits, total=len(candidates), capped=capped, page=query.number, page_size=query.limit)


def hits_with_articles(page: SearchPage) -> list[tuple[SearchHit, Article]]:
    """Each hit with its article (section and source joined), in rank order; one query."""
    found = Article.objects.filter(pk__in=[hit.article_id for hit in page.hits], status=Article.Status.PUBLISHED)
    articles = {article.pk: article for article in found.select_related("section", "source")}
    return [(hit, articles[hit.article_id]) for hit in page.hits if hit.article_id in articles]


def _newest_matches(
    backend: ModuleType, cursor: Any, terms: Terms, filters: str, params: list[Any], *, limit: int,
) -> list[Candidate]:
    """The ``limit`` newest matches, looked for in windows of the newest ids first, widened only while too few are found.

    Each window is the band of ids below the last one (``backend.WINDOWS``
    articles back from the newest, then the rest), so no article is read
    twice and the order stays newest first. A word in most articles fills
    the limit within the first window, so the index and the phrase checks
    touch a few thousand rows, not the archive; a rare word costs one cheap
    index lookup per window. A backend with no windows (both, as measured
    at 100,000 articles: docs/search.md) is asked once.
    """
    if not backend.WINDOWS:
        return backend.match_candidates(cursor, terms, filters, params, limit=limit)
    top = backend.top_id(cursor)
    if top is None:
        return []
    found: list[Candidate] = []
    upto: int | None = None
    for span in (*backend.WINDOWS, None):
        above = 0 if span is None else max(0, top - span)
        found += backend.match_candidates(cursor, terms, filters, params, limit=limit - len(found), above=above, upto=upto)
        if len(found) >= limit or above == 0:
            break
        upto = above
    return found


def _backend() -> ModuleType:
    return postgres if connection.vendor == "postgresql" else sqlite
