"""The API's views: parse the parameters, ask one read query, shape the answer, send it. Nothing else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.views.decorators.csrf import csrf_exempt

from newsdesk.api import params
from newsdesk.api.errors import ApiError, not_found
from newsdesk.api.openapi import openapi_document
from newsdesk.api.pagination import article_listing, page_of
from newsdesk.api.representations import section_detail, section_summary
from newsdesk.api.responses import api_view, error_response, json_response
from newsdesk.newsroom import archive, selectors
from newsdesk.newsroom.models import Section
from newsdesk.publish.ninjs_out import article_to_ninjs

SECTION_LATEST = 10


@api_view
def articles(request: HttpRequest) -> HttpResponse:
    query = request.GET
    listing = archive.articles_archived(
        section=_section_filter(query), since=params.date_time(query, "since"), until=params.date_time(query, "until")
    )
    return json_response(request, article_listing(request, page_of(listing, params.page_request(query))))


@api_view
def article(request: HttpRequest, id: str) -> HttpResponse:  # noqa: A002 - the OpenAPI path's {id}
    found = selectors.article_published(pk=params.article_id(id))
    if found is None:
        raise not_found(f"no published article {id}")
    return json_response(request, article_to_ninjs(found, request.build_absolute_uri("/")))


@api_view
def sections(request: HttpRequest) -> HttpResponse:
    items = [section_summary(request, s, published=s.published) for s in selectors.sections_listed()]
    return json_response(request, {"items": items})


@api_view
def section(request: HttpRequest, slug: str) -> HttpResponse:
    found = _section_named(slug)
    published = archive.articles_archived(section=found)
    latest = list(published[:SECTION_LATEST])
    return json_response(request, section_detail(request, found, published=published.count(), latest=latest))


@api_view
def openapi(request: HttpRequest) -> HttpResponse:
    return json_response(request, openapi_document())


@csrf_exempt
def unknown(request: HttpRequest, path: str) -> HttpResponse:
    """Any other URL under the API is a JSON 404, whatever the method (not the site's HTML page)."""
    return error_response(ApiError(404, "not_found", f"no API endpoint at {request.path}"))


def _section_named(slug: str) -> Section:
    found = selectors.section_by_slug(slug=params.section_slug(slug))
    if found is None:
        raise not_found(f"no section {slug!r}")
    return found


def _section_filter(query: QueryDict) -> Section | None:
    """The section a ``section`` parameter names; None without one."""
    slug = query.get("section")
    return None if slug is None else _section_named(slug)
