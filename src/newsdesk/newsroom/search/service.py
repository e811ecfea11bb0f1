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
        candidates = backend.match_candidates(cursor, terms, filters, params, limit=RANKED_MAX + 1)  # the newest added first
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


def _backend() -> ModuleType:
    return postgres if connection.vendor == "postgresql" else sqlite
