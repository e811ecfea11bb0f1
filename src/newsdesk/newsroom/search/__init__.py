"""Full-text search over published articles (issue 5 point 4): one interface, two backends.

``search(SearchQuery(text="ferry strike", section="world"))`` answers a
``SearchPage`` of hits (article id, rank, highlighted headline and snippet)
on SQLite (an FTS5 table kept current by triggers) and on PostgreSQL (a
stored, weighted tsvector with a GIN index), whichever the connection is.
The index is state, so it lives with the models; docs/search.md says how
it is built and ranked.
"""

from newsdesk.newsroom.search.service import hits_with_articles, search
from newsdesk.newsroom.search.types import SearchHit, SearchPage, SearchQuery

__all__ = ["SearchHit", "SearchPage", "SearchQuery", "hits_with_articles", "search"]
