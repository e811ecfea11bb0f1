"""One page of a listing and the envelope it travels in: items, where we are, links to the neighbours."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from newsdesk.api.errors import not_found
from newsdesk.api.params import PageRequest
from newsdesk.newsroom.models import Article
from newsdesk.publish.ninjs_out import article_to_ninjs


def page_of(articles: QuerySet[Article], wanted: PageRequest) -> Page:
    """The page asked for; 404 past the last page (the first page of an empty listing exists, empty)."""
    paginator = Paginator(articles, wanted.size)
    if wanted.number > paginator.num_pages:  # checked before any OFFSET is computed from it
        raise not_found(f"page {wanted.number} is past the last page ({paginator.num_pages})")
    return paginator.page(wanted.number)


def article_listing(request: HttpRequest, page: Page) -> dict[str, Any]:
    """``{"items": [ninjs…], "page", "page_size", "total", "next", "previous"}``; links are absolute or null."""
    base_url = request.build_absolute_uri("/")
    return {
        "items": [article_to_ninjs(article, base_url) for article in page.object_list],
        "page": page.number,
        "page_size": page.paginator.per_page,
        "total": page.paginator.count,
        "next": _page_link(request, page, page.next_page_number()) if page.has_next() else None,
        "previous": _page_link(request, page, page.previous_page_number()) if page.has_previous() else None,
    }


def _page_link(request: HttpRequest, page: Page, number: int) -> str:
    """This request's URL with ``page`` set (and ``page_size`` as clamped): every filter kept."""
    query = request.GET.copy()
    query["page"] = str(number)
    query["page_size"] = str(page.paginator.per_page)
    return f"{request.build_absolute_uri(request.path)}?{query.urlencode()}"
