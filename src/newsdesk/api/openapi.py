"""The OpenAPI 3.1 document served at ``/api/v1/openapi.json``, written as data.

Every endpoint, parameter, response and error of ``api.urls`` is here
(tests/api/test_documented.py holds the two together) and schemathesis
checks the running API against it (tests/api/test_schemathesis.py). The
JSON Schemas of the answers are in ``api.schemas``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.urls import reverse

from newsdesk.api.params import ID_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, SEARCH_TEXT_MAX
from newsdesk.api.responses import ALLOW, MAX_AGE
from newsdesk.api.schemas import SCHEMAS, ref

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
SLUG_PATTERN = "^[-a-zA-Z0-9_]+$"

DESCRIPTION = f"""\
Published articles of a newsdesk site as IPTC ninjs 3.1, its sections, stories, entities and quotes, and search.

- **Read-only.** GET, HEAD and OPTIONS (a CORS preflight) are the only methods;
  any other answers `405 Method Not Allowed` with `Allow: {ALLOW}` and changes nothing.
- **Caching.** Every 200 carries a strong `ETag` (a hash of the body) and
  `Cache-Control: public, max-age={MAX_AGE}`; send the ETag back in `If-None-Match`
  to get `304 Not Modified` with no body.
- **CORS.** `Access-Control-Allow-Origin: *`: the data is public.
- **Errors** are JSON, `{{"error": {{"code", "message"}}}}`: `400 bad_parameter`
  names the parameter, `404 not_found` (an unknown article, section, page or URL),
  `405 method_not_allowed`.
- **Pages.** Listings take `page` (from 1) and `page_size` ({PAGE_SIZE_DEFAULT} by default,
  clamped to 1..{PAGE_SIZE_MAX}) and answer `items`, `page`, `page_size`, `total`,
  and absolute `next` and `previous` links (null at either end).
"""


def _param(
    name: str, where: str, schema: dict[str, Any], description: str, *, required: bool = False, example: object = None
) -> dict[str, Any]:
    param = {"name": name, "in": where, "required": required or where == "path", "description": description, "schema": schema}
    if example is not None:
        param["example"] = example
    return param


PARAMETERS = {
    "page": _param("page", "query", {"type": "integer", "minimum": 1, "default": 1}, "Which page, from 1. Past the last page: 404."),
    "page_size": _param(
        "page_size", "query", {"type": "integer", "default": PAGE_SIZE_DEFAULT},
        f"Items per page; any whole number is clamped to 1..{PAGE_SIZE_MAX} (the answer's `page_size` says which).",
    ),
    "section": _param("section", "query", {"type": "string", "pattern": SLUG_PATTERN}, "Only this section's articles (its slug). Unknown: 404.", example="world"),
    "since": _param("since", "query", {"type": "string", "format": "date-time"}, "Published at or after this RFC 3339 date-time (with its offset).", example="2025-09-04T00:00:00Z"),
    "until": _param("until", "query", {"type": "string", "format": "date-time"}, "Published before this RFC 3339 date-time.", example="2025-09-05T00:00:00+02:00"),
    "q": _param(
        "q", "query", {"type": "string", "minLength": 1, "maxLength": SEARCH_TEXT_MAX},
        "Words that must all appear in the headline or the body (case-insensitive, any word form: `ferry` finds "
        "`ferries`); `\"a phrase\"` in quotes; `-word` or `-\"a phrase\"` to exclude. The first ten terms count.",
        required=True, example="ferry",
    ),
    "source": _param("source", "query", {"type": "string", "pattern": SLUG_PATTERN}, "Only this source's articles (its slug). Unknown: 404.", example="coast-wire"),
    "entity": _param("entity", "query", {"type": "string", "pattern": SLUG_PATTERN}, "Only articles naming this entity (its slug). Unknown: 404.", example="xi-jinping"),
    "id": _param("id", "path", {"type": "integer", "minimum": 1, "maximum": ID_MAX}, "The article's id (its `altIds` value with role `newsdesk-id`).", example=1),
    "slug": _param("slug", "path", {"type": "string", "pattern": SLUG_PATTERN}, "The section's slug.", example="world"),
    "storyId": _param("id", "path", {"type": "integer", "minimum": 1, "maximum": ID_MAX}, "The story's id (the `story` an ingest reports).", example=1),
    "entitySlug": _param("slug", "path", {"type": "string", "pattern": SLUG_PATTERN}, "The entity's slug.", example="xi-jinping"),
    "If-None-Match": _param("If-None-Match", "header", {"type": "string"}, "An ETag from an earlier answer: 304 if it still holds."),
}

HEADERS = {
    "ETag": {"description": "A strong validator: the hash of this body.", "required": True, "schema": {"type": "string"}},
    "Cache-Control": {"description": f"public, max-age={MAX_AGE}", "required": True, "schema": {"type": "string"}},
    "Access-Control-Allow-Origin": {"description": "*", "required": True, "schema": {"type": "string", "const": "*"}},
    "Allow": {"description": ALLOW, "required": True, "schema": {"type": "string"}},
}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _error(description: str, *, headers: tuple[str, ...] = ("Access-Control-Allow-Origin",)) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {name: {"$ref": f"#/components/headers/{name}"} for name in headers},
        "content": _json(ref("Error")),
    }


RESPONSES = {
    "NotModified": {
        "description": "Not Modified: the `If-None-Match` ETag still holds; no body.",
        "headers": {name: {"$ref": f"#/components/headers/{name}"} for name in ("ETag", "Cache-Control")},
    },
    "BadRequest": _error("A parameter is not what this operation accepts; the message names it."),
    "NotFound": _error("No such article, section, story, entity or page."),
    "MethodNotAllowed": _error(
        f"Any method but {ALLOW} on any path: the API is read-only.", headers=("Allow",)
    ),
}


def _ok(description: str, schema_name: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {name: {"$ref": f"#/components/headers/{name}"} for name in ("ETag", "Cache-Control", "Access-Control-Allow-Origin")},
        "content": _json(ref(schema_name)),
    }


def _get(operation_id: str, tag: str, summary: str, ok: dict[str, Any], *, parameters: tuple[str, ...] = (), errors: tuple[str, ...] = ()) -> dict[str, Any]:
    """A GET operation: its parameters (each also conditional on If-None-Match), 200, 304 and its errors."""
    responses: dict[str, Any] = {"200": ok, "304": {"$ref": "#/components/responses/NotModified"}}
    responses.update({status: {"$ref": f"#/components/responses/{name}"} for status, name in (("400", "BadRequest"), ("404", "NotFound")) if status in errors})
    return {
        "get": {
            "operationId": operation_id,
            "tags": [tag],
            "summary": summary,
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in (*parameters, "If-None-Match")],
            "responses": responses,
        }
    }


PATHS = {
    "/articles": _get(
        "listArticles", "articles", "Published articles, newest first, as ninjs; filtered by section and publication time.",
        _ok("One page of articles.", "ArticlePage"), parameters=("section", "since", "until", "page", "page_size"), errors=("400", "404"),
    ),
    "/articles/{id}": _get(
        "getArticle", "articles", "One published article as ninjs.",
        _ok("The article.", "NinjsArticle"), parameters=("id",), errors=("400", "404"),
    ),
    "/sections": _get(
        "listSections", "sections", "The sections that have published articles, in masthead order.",
        _ok("Every such section.", "SectionList"),
    ),
    "/sections/{slug}": _get(
        "getSection", "sections", "One section with its latest articles as ninjs.",
        _ok("The section.", "SectionDetail"), parameters=("slug",), errors=("404",),
    ),
    "/search": _get(
        "searchArticles", "search",
        "Published articles matching `q`, ranked by relevance and freshness, as ninjs, with marked snippets.",
        _ok("One page of matching articles, best first.", "SearchPage"),
        parameters=("q", "section", "source", "entity", "since", "until", "page", "page_size"), errors=("400", "404"),
    ),
    "/articles/{id}/quotes": _get(
        "listArticleQuotes", "articles", "A published article's quotes with their speakers, in order: `[{\"speaker\", \"text\", …}]`.",
        _ok("The quotes (empty when it has none).", "QuoteList"), parameters=("id",), errors=("400", "404"),
    ),
    "/stories/{id}": _get(
        "getStory", "stories", "One story (full coverage): sources, entities, timeline and a page of its articles as ninjs.",
        _ok("The story.", "Story"), parameters=("storyId", "page", "page_size"), errors=("400", "404"),
    ),
    "/entities/{slug}": _get(
        "getEntity", "entities", "One person, place or organisation: aliases, stories, co-occurring entities, quotes, a page of articles.",
        _ok("The entity.", "Entity"), parameters=("entitySlug", "page", "page_size"), errors=("400", "404"),
    ),
    "/openapi.json": _get("getOpenApiDocument", "meta", "This document.", _ok("The OpenAPI 3.1 document.", "OpenApiDocument")),
}


def openapi_document() -> dict[str, Any]:
    """The document, with the server URL where ``config/urls.py`` mounts the API ("/api/v1")."""
    return _document(server=reverse("api:openapi").removesuffix("/openapi.json"))


@lru_cache(maxsize=4)
def _document(*, server: str) -> dict[str, Any]:
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "newsdesk JSON API",
            "version": API_VERSION,
            "description": DESCRIPTION,
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": server}],
        "tags": [
            {"name": "articles", "description": "Published articles as IPTC ninjs 3.1."},
            {"name": "sections", "description": "The site's sections."},
            {"name": "search", "description": "Search over headlines and bodies."},
            {"name": "stories", "description": "Stories: articles about one event from every source (issue 4)."},
            {"name": "entities", "description": "People, places and organisations in the news."},
            {"name": "meta", "description": "This description."},
        ],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "responses": RESPONSES,
        },
    }
