"""The OpenAPI document is valid OpenAPI 3.1, its ninjs schema is the shipped one trimmed, and the API answers as it says."""

from __future__ import annotations

from typing import Any

import pytest
from api_testing import API, shipped_schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client) -> dict:
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3_1(document):
    import schemathesis

    assert document["openapi"].startswith("3.1.")
    assert document["servers"] == [{"url": "/api/v1"}]
    schemathesis.openapi.from_dict(document).validate()  # against the OpenAPI 3.1 meta-schema; raises if not


def test_every_reference_resolves(document):
    def refs(node: Any):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in set(refs(document)):
        target = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]  # KeyError names the broken reference


def test_every_operation_documents_its_success_its_304_and_its_parameters(document):
    for path, item in document["paths"].items():
        operation = item["get"]
        assert set(item) == {"get"}, f"{path}: the API only reads"
        assert {"200", "304"} <= set(operation["responses"]), path
        assert operation["summary"] and operation["operationId"]
        for parameter in operation["parameters"]:
            name = parameter["$ref"].rsplit("/", 1)[1]
            assert document["components"]["parameters"][name]["description"], name
    assert set(document["components"]["responses"]) == {"NotModified", "BadRequest", "NotFound", "MethodNotAllowed"}


def test_the_ninjs_article_schema_is_no_looser_than_ninjs_3_1(document):
    """Every property, type, format and enum of ``NinjsArticle`` is as the shipped schema has it."""
    ninjs = shipped_schema("ninjs", "ninjs-schema_3.1.json")
    _no_looser(document["components"]["schemas"]["NinjsArticle"], ninjs["$defs"]["ninjsType"], document, ninjs, "NinjsArticle")


def _no_looser(ours: dict, theirs: dict, document: dict, ninjs: dict, where: str) -> None:
    ours, theirs = _resolved(ours, document), _resolved(theirs, ninjs)
    for keyword in ("type", "format"):
        if keyword in theirs:
            assert ours.get(keyword) == theirs[keyword], f"{where}: {keyword}"
    if "enum" in theirs:
        assert set(ours["enum"]) <= set(theirs["enum"]), f"{where}: enum"
    assert set(theirs.get("required", ())) <= set(ours.get("required", ())), f"{where}: required"
    if theirs.get("additionalProperties") is False or theirs.get("unevaluatedProperties") is False:
        assert ours.get("additionalProperties") is False, f"{where}: closed in ninjs, so closed here"
    for name, schema in ours.get("properties", {}).items():
        assert name in theirs.get("properties", {}), f"{where}.{name} is not a ninjs 3.1 property"
        _no_looser(schema, theirs["properties"][name], document, ninjs, f"{where}.{name}")
    if "items" in ours:
        _no_looser(ours["items"], theirs["items"], document, ninjs, f"{where}[]")


def _resolved(schema: dict, root: dict) -> dict:
    """The schema with its local ``$ref`` merged in (ninjs associations add ``name`` and ``rel`` beside one)."""
    if "$ref" not in schema:
        return schema
    target = root
    for part in schema["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    target = _resolved(target, root)
    merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    merged["properties"] = {**target.get("properties", {}), **schema.get("properties", {})}
    return merged


def _validator(document: dict, name: str):
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource("urn:newsdesk:openapi", Resource.from_contents(document, default_specification=DRAFT202012))
    schema = {"$ref": f"urn:newsdesk:openapi#/components/schemas/{name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("/articles?page_size=100", "ArticlePage"),
        ("/search?q=report&page_size=3&page=2", "SearchPage"),
        ("/sections", "SectionList"),
        ("/sections/world", "SectionDetail"),
        ("/articles?page=abc", "Error"),
        ("/sections/nowhere", "Error"),
    ],
)
def test_answers_match_the_documented_schemas(client, api_articles, document, path, schema):
    errors = [f"{e.json_path}: {e.message}" for e in _validator(document, schema).iter_errors(client.get(f"{API}{path}").json())]
    assert errors == []


def test_each_article_matches_the_documented_ninjs_article(client, api_articles, document):
    validator = _validator(document, "NinjsArticle")
    for article in api_articles:
        item = client.get(f"{API}/articles/{article.pk}").json()
        assert [e.message for e in validator.iter_errors(item)] == [], article.headline
