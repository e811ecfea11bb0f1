"""The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of what the API answers.

``NINJS_ARTICLE`` is IPTC ninjs 3.1 trimmed to the properties
``publish.ninjs_out`` writes: each definition is copied from the shipped
``ninjs-schema_3.1.json`` (tests/api/test_openapi.py checks that nothing here
is looser or different), and unknown properties are refused, so a property
added to the output without being described here fails the tests. The full
schema: http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json
"""

from __future__ import annotations

from typing import Any

from newsdesk.api.params import PAGE_SIZE_MAX

Schema = dict[str, Any]

STRING: Schema = {"type": "string"}
URI: Schema = {"type": "string", "format": "uri"}
DATE_TIME: Schema = {"type": "string", "format": "date-time"}
COUNT: Schema = {"type": "integer", "minimum": 0}


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _closed(properties: dict[str, Schema], *, required: tuple[str, ...] = ()) -> Schema:
    """An object with exactly these properties (ninjs writes ``additionalProperties: false`` everywhere)."""
    schema: Schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


_TEXT_BLOCK = _closed({"role": STRING, "contentType": STRING, "value": STRING}, required=("value",))
_BODY = _closed(
    {"role": STRING, "contentType": STRING, "charCount": {"type": "integer"}, "wordCount": {"type": "integer"}, "value": STRING},
    required=("value",),
)
_RENDITION = _closed({"name": STRING, "href": URI, "contentType": STRING}, required=("name",))
_NEWS_TYPE: Schema = {
    "type": "string",
    "enum": ["text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning"],
}

NINJS_PICTURE = _closed(
    {
        "name": STRING,
        "rel": STRING,
        "uri": URI,
        "type": _NEWS_TYPE,
        "descriptions": _array(_TEXT_BLOCK),
        "by": STRING,
        "renditions": _array(_RENDITION),
    },
    required=("name", "uri"),
)

NINJS_ARTICLE: Schema = {
    "description": "A published article as IPTC ninjs 3.1 (the properties newsdesk writes; the item validates against the full schema).",
    **_closed(
        {
            "uri": URI,
            "standard": _closed({"name": STRING, "version": STRING, "schema": URI}),
            "type": _NEWS_TYPE,
            "profile": STRING,
            "representationType": {"type": "string", "enum": ["full", "partial"]},
            "pubStatus": {"type": "string", "enum": ["usable", "withheld", "canceled"]},
            "firstCreated": DATE_TIME,
            "versionCreated": DATE_TIME,
            "language": STRING,
            "headlines": _array(_TEXT_BLOCK),
            "descriptions": _array(_TEXT_BLOCK),
            "bodies": _array(_BODY),
            "located": STRING,
            "by": STRING,
            "infoSources": _array(_closed({"name": STRING, "role": STRING})),
            "subjects": _array(_closed({"name": STRING, "rel": STRING, "uri": URI, "literal": STRING})),
            "associations": _array(ref("NinjsPicture")),
            "renditions": _array(_RENDITION),
            "altIds": _array(_closed({"role": STRING, "value": STRING})),
        },
        required=("uri", "type", "headlines", "bodies", "firstCreated", "versionCreated", "altIds"),
    ),
}

ERROR = _closed(
    {
        "error": _closed(
            {
                "code": {"type": "string", "description": "Stable, for programs: bad_parameter, not_found, method_not_allowed."},
                "message": {"type": "string", "description": "For people: what was wrong and what is accepted."},
            },
            required=("code", "message"),
        )
    },
    required=("error",),
)

ARTICLE_PAGE = _closed(
    {
        "items": _array(ref("NinjsArticle")),
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": PAGE_SIZE_MAX},
        "total": COUNT,
        "next": {"type": ["string", "null"], "format": "uri", "description": "The next page's URL, null on the last."},
        "previous": {"type": ["string", "null"], "format": "uri", "description": "The previous page's URL, null on the first."},
    },
    required=("items", "page", "page_size", "total", "next", "previous"),
)

SEARCH_HIT = _closed(
    {
        "id": {"type": "integer", "minimum": 1, "description": "The article's id: the matching item's `newsdesk-id`."},
        "rank": {"type": "number", "description": "Relevance × freshness; higher is better (docs/search.md)."},
        "headline": {**STRING, "description": "The headline as HTML: text escaped, matched words in `<mark>`."},
        "snippet": {**STRING, "description": "The best fragment of the body, as HTML in the same way."},
    },
    required=("id", "rank", "headline", "snippet"),
)
SEARCH_PAGE = _closed(
    {
        **ARTICLE_PAGE["properties"],
        "items": {**_array(ref("NinjsArticle")), "description": "The matching articles, best first."},
        "hits": {**_array(SEARCH_HIT), "description": "For each item, in the same order: its score and marked text."},
        "total_capped": {
            "type": "boolean",
            "description": "More articles match than are ranked (1,000, the most recently added): `total` is then 1,000.",
        },
    },
    required=("items", "hits", "page", "page_size", "total", "total_capped", "next", "previous"),
)

_SECTION_FIELDS: dict[str, Schema] = {
    "slug": STRING,
    "name": STRING,
    "url": {**URI, "description": "The section's page on the site."},
    "api_url": {**URI, "description": "This section in the API, with its latest articles."},
    "articles_url": {**URI, "description": "All its articles, paged: /articles?section={slug}."},
    "published": {**COUNT, "description": "How many articles it has published."},
}
_SECTION_REQUIRED = tuple(_SECTION_FIELDS)

SECTION = _closed(_SECTION_FIELDS, required=_SECTION_REQUIRED)
SECTION_LIST = _closed({"items": _array(ref("Section"))}, required=("items",))
SECTION_DETAIL = _closed(
    {**_SECTION_FIELDS, "latest": {**_array(ref("NinjsArticle")), "description": "Its newest articles, newest first."}},
    required=(*_SECTION_REQUIRED, "latest"),
)

# Stories, entities and quotes (issue 4).

_NULLABLE_URI: Schema = {"type": ["string", "null"], "format": "uri"}
_ENTITY_FIELDS: dict[str, Schema] = {
    "slug": STRING,
    "name": {**STRING, "description": "The canonical name: 'Xi Jinping', not 'Xi'."},
    "kind": {"type": "string", "enum": ["person", "organisation", "place"]},
    "uri": {**_NULLABLE_URI, "description": "Wikidata or GeoNames, when known."},
    "url": {**URI, "description": "The entity's page on the site."},
    "api_url": {**URI, "description": "This entity in the API."},
}
ENTITY_SUMMARY = _closed(_ENTITY_FIELDS, required=tuple(_ENTITY_FIELDS))
_COUNTED_ENTITY = _closed(
    {**_ENTITY_FIELDS, "articles": {**COUNT, "description": "In how many of the articles in question it appears."}},
    required=(*_ENTITY_FIELDS, "articles"),
)
QUOTE = _closed(
    {
        "speaker": {"type": ["string", "null"], "description": "Who said it, by name; null when nobody is named."},
        "text": STRING,
        "speaker_entity": {"oneOf": [ref("EntitySummary"), {"type": "null"}], "description": "The speaker's entity, when known."},
        "article_id": {"type": "integer", "minimum": 1},
        "position": {**COUNT, "description": "Its order within the article."},
    },
    required=("speaker", "text", "speaker_entity", "article_id", "position"),
)
QUOTE_LIST = {**_array(ref("Quote")), "description": "An article's quotes in the order they appear."}
_TIMELINE_ARTICLE = _closed({"id": {"type": "integer", "minimum": 1}, "headline": STRING, "published": DATE_TIME}, required=("id", "headline", "published"))
STORY = _closed(
    {
        "id": {"type": "integer", "minimum": 1},
        "slug": STRING,
        "title": STRING,
        "url": {**URI, "description": "The story's page on the site (full coverage)."},
        "first_published": DATE_TIME,
        "last_published": DATE_TIME,
        "article_count": {**COUNT, "description": "Its published articles."},
        "source_count": {**COUNT, "description": "How many sources carried them."},
        "sources": {**_array(STRING), "description": "The sources, first to report first."},
        "entities": {**_array(_COUNTED_ENTITY), "description": "The people, places and organisations involved, most frequent first."},
        "timeline": _array(_closed({"date": {"type": "string", "format": "date"}, "articles": _array(_TIMELINE_ARTICLE)}, required=("date", "articles"))),
        "articles": {**ref("ArticlePage"), "description": "One page of its articles as ninjs, newest first (`page`, `page_size`)."},
    },
    required=(
        "id", "slug", "title", "url", "first_published", "last_published", "article_count", "source_count",
        "sources", "entities", "timeline", "articles",
    ),
)
ENTITY = _closed(
    {
        **_ENTITY_FIELDS,
        "description": {"type": ["string", "null"], "description": "A title or role, never part of the name."},
        "aliases": {**_array(STRING), "description": "Other names it goes by."},
        "stories": {
            **_array(_closed(
                {
                    "title": STRING, "url": URI, "story_id": {"type": ["integer", "null"]}, "published": DATE_TIME,
                    "articles": _array({"type": "integer", "minimum": 1}),
                },
                required=("title", "url", "story_id", "published", "articles"),
            )),
            "description": "The timeline: the stories (or lone articles) naming it, newest first.",
        },
        "co_occurring": {**_array(_COUNTED_ENTITY), "description": "The entities most often named with it."},
        "quotes": {**_array(ref("Quote")), "description": "What it said, newest first."},
        "articles": {**ref("ArticlePage"), "description": "One page of the articles naming it as ninjs, newest first."},
    },
    required=(*_ENTITY_FIELDS, "description", "aliases", "stories", "co_occurring", "quotes", "articles"),
)

OPENAPI_DOCUMENT: Schema = {"type": "object", "required": ["openapi", "info", "paths"]}

SCHEMAS: dict[str, Schema] = {
    "NinjsArticle": NINJS_ARTICLE,
    "NinjsPicture": NINJS_PICTURE,
    "ArticlePage": ARTICLE_PAGE,
    "SearchPage": SEARCH_PAGE,
    "Section": SECTION,
    "SectionList": SECTION_LIST,
    "SectionDetail": SECTION_DETAIL,
    "Story": STORY,
    "Entity": ENTITY,
    "EntitySummary": ENTITY_SUMMARY,
    "Quote": QUOTE,
    "QuoteList": QUOTE_LIST,
    "Error": ERROR,
    "OpenApiDocument": OPENAPI_DOCUMENT,
}
