"""What the API tests share: where the API lives, and the shipped ninjs 3.1 schema as a validator."""

from __future__ import annotations

import json
from importlib import resources

API = "/api/v1"


def ninjs_3_1_validator():
    """The shipped ninjs 3.1 schema with the JSON Schema 2020-12 validator, formats checked, nothing fetched."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schema = shipped_schema("ninjs", "ninjs-schema_3.1.json")
    geojson = Resource.from_contents(shipped_schema("geojson", "geojson-rfc7946.json"))
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", geojson)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def shipped_schema(folder: str, name: str) -> dict:
    return json.loads(resources.files("newsdesk.wire").joinpath("schemas", folder, name).read_text(encoding="utf-8"))


def ninjs_errors(validator, item: dict) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(item)]
