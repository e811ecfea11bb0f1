"""GET /api/v1/search: the full-text search (issue 5 point 4) as ninjs, with each hit's marked snippet.

The view parses the parameters, asks ``newsroom.search`` once and shapes
the answer: ``items`` are the articles as ninjs in rank order (like any
listing) and ``hits`` lists, in the same order, each one's id, score and
headline and snippet as HTML whose only markup is ``<mark>``.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict

from newsdesk.api import params
from newsdesk.api.errors import not_found
from newsdesk.api.responses import api_view, json_response
from newsdesk.newsroom.models import Entity, Section, Source
from newsdesk.newsroom.search import SearchPage, SearchQuery, hits_with_articles, search as search_articles
from newsdesk.publish.ninjs_out import article_to_ninjs

# parameter → the model its slug must name (an unknown one is a 404, as for /articles?section=)
_SLUG_FILTERS = (("section", Section), ("source", Source), ("entity", Entity))
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@api_view
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET
    wanted = params.page_request(query)
    found = search_articles(SearchQuery(
        text=params.search_text(query), **_slug_filters(query),
        since=params.date_time(query, "since"), until=params.date_time(query, "until"),
        page=wanted.number, page_size=wanted.size,
    ))
    if wanted.number > found.pages:
        raise not_found(f"page {wanted.number} is past the last page ({found.pages})")
    return json_response(request, _listing(request, found))


def _slug_filters(query: QueryDict) -> dict[str, str]:
    chosen = {}
    for name, model in _SLUG_FILTERS:
        slug = query.get(name)
        if slug is None:
            continue
        if not _SLUG.fullmatch(slug) or not model.objects.filter(slug=slug).exists():
            raise not_found(f"no {name} {slug!r}")
        chosen[name] = slug
    return chosen


def _listing(request: HttpRequest, found: SearchPage) -> dict[str, Any]:
    base_url = request.build_absolute_uri("/")
    pairs = hits_with_articles(found)
    return {
        "items": [article_to_ninjs(article, base_url) for _, article in pairs],
        "hits": [
            {"id": hit.article_id, "rank": round(hit.rank, 6), "headline": str(hit.headline_html), "snippet": str(hit.snippet_html)}
            for hit, _ in pairs
        ],
        "page": found.page,
        "page_size": found.page_size,
        "total": found.total,
        "total_capped": found.capped,
        "next": _page_link(request, found, found.page + 1) if found.has_next else None,
        "previous": _page_link(request, found, found.page - 1) if found.has_previous else None,
    }


def _page_link(request: HttpRequest, found: SearchPage, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    query["page_size"] = str(found.page_size)
    return f"{request.build_absolute_uri(request.path)}?{query.urlencode()}"
