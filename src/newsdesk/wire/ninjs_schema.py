"""Which IPTC ninjs schema an item is checked against, and the schema's reason when it fails.

The schemas ship in ``schemas/ninjs`` and are never fetched; the GeoJSON
schema the 2.x and 3.x schemas reference is registered locally under its
address. The version is, in order: the one the caller names (a source's
setting, or the IPTC test suite, whose folders are versions); the one the item
declares (``$schema``, ``standard`` in 2.x/3.x, ``$standard`` in 1.3+); else
the one whose property names the item uses (camelCase is 3.x, ``headlines``
and ``bodies`` 2.x, ``headline`` and ``body_*`` 1.x), trying the newest of
each major version. Minor versions only add properties, so the newest of a
major version accepts its older items; an item that declares no version is
therefore not held to an older minor version's limits.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import islice
from importlib import resources
from typing import Any

from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource

from newsdesk.core.errors import IngestError

SCHEMA_FILES = {
    "1.0": "ninjs-schema_1.0.json",
    "1.1": "ninjs-schema_1.1.json",
    "1.2": "ninjs-schema_1.2.json",
    "1.3": "ninjs-schema_1.3.json",
    "1.4": "ninjs-schema_1.4.json",
    "1.5": "ninjs-schema_1.5.json",
    "1.6": "ninjs-schema_1.6.json",
    "2.0": "ninjs-schema_2.0.json",
    "2.1": "ninjs-schema_2.1.json",
    "2.2": "ninjs-schema_2.2.json",
    "3.0": "ninjs-schema_3.0.json",
    "3.1": "ninjs-schema_3.1.json",
    "1.x-dev": "ninjs-schema-dev_0.2_v1.5.json",
    "2.x-dev": "ninjs-schema-dev_0.1_v2.1.json",
}
NEWEST = ("3.1", "2.2", "1.6")  # the newest of each major version, asked in this order when names tie
GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
_IPTC_SCHEMA_URL = re.compile(r"^https?://(?:www\.)?iptc\.org/std(?P<dev>-dev)?/ninjs/ninjs-schema(?:-dev_[\d.]+_v|_)(?P<version>\d\.\d+)\.json", re.I)
_VERSION = re.compile(r"^\s*(\d)\.(\d+)\s*$")
_MESSAGE_LIMIT = 240
_ERRORS_WEIGHED = 50


def ninjs_check(item: dict[str, Any], *, version: str | None = None, where: str = "$") -> str:
    """The ninjs version the item is valid under; raises IngestError('invalid_ninjs', the schema's reason).

    ``where`` is the item's JSON path in the payload (``$[3]`` in a collection),
    so the reason points at the property that failed.
    """
    if version is not None and version not in SCHEMA_FILES:
        raise ValueError(f"unknown ninjs version {version!r}; known: {', '.join(SCHEMA_FILES)}")
    declared, extension = ninjs_declaration(item)
    tried = [version] if version else _versions_to_try(item, declared)
    content = _content(item, declared=version or declared, extension=extension)
    first_error: tuple[str, ValidationError] | None = None
    for candidate in tried:
        # The first errors are enough to name the best one; a hostile item may have millions.
        error = best_match(islice(_validator(candidate).iter_errors(content), _ERRORS_WEIGHED))
        if error is None:
            return candidate
        first_error = first_error or (candidate, error)
    assert first_error is not None
    failed_version, error = first_error
    raise IngestError("invalid_ninjs", f"invalid ninjs {failed_version}: {_path(where, error)}: {_message(error)}")


def ninjs_declaration(item: dict[str, Any]) -> tuple[str | None, bool]:
    """The version the item declares (None when it declares none we ship), and whether it
    declares an agency profile built on ninjs (TT's "TTNINJS"), whose own top-level
    properties the IPTC schema does not know."""
    standard = item.get("standard") if isinstance(item.get("standard"), dict) else item.get("$standard")
    standard = standard if isinstance(standard, dict) else {}
    urls = [u for u in (item.get("$schema"), standard.get("schema")) if isinstance(u, str) and u.strip()]
    name = standard.get("name") if isinstance(standard.get("name"), str) else ""
    extension = bool(name) and "iptc" not in name.lower() and name.strip().lower() != "ninjs"
    for url in urls:
        match = _IPTC_SCHEMA_URL.match(url.strip())
        if match is None:
            extension = True  # a schema of someone else's that builds on ninjs
            continue
        major = match.group("version").split(".")[0]
        found = f"{major}.x-dev" if match.group("dev") else match.group("version")
        if found in SCHEMA_FILES:
            return found, extension
    declared = standard.get("version")
    if isinstance(declared, str) and (match := _VERSION.match(declared)):
        found = f"{match.group(1)}.{match.group(2)}"
        return (found if found in SCHEMA_FILES else None), extension
    return None, extension


def _versions_to_try(item: dict[str, Any], declared: str | None) -> list[str]:
    """The declared version first, then the newest of each major version, best-fitting names first."""
    by_fit = sorted(NEWEST, key=lambda v: -len(_known(item, v)))  # sorted() is stable: ties keep NEWEST order
    return [declared, *[v for v in by_fit if v != declared]] if declared else by_fit


def ninjs_vocabulary() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Every top-level property name (and name pattern) any shipped ninjs version defines."""
    return _all_names()


def _content(item: dict[str, Any], *, declared: str | None, extension: bool) -> dict[str, Any]:
    """What is validated: ``$schema`` names a schema and is not content; a profile's own
    top-level properties are the profile's business, checked by nobody here."""
    content = {k: v for k, v in item.items() if k != "$schema"}
    if not extension:
        return content
    known = _known(content, declared or _versions_to_try(item, None)[0])
    return {k: v for k, v in content.items() if k in known}


def _known(item: dict[str, Any], version: str) -> set[str]:
    """The item's top-level names that the version's schema defines."""
    names, patterns = _vocabulary(version)
    return {key for key in item if key in names or any(p.search(key) for p in patterns)}


@lru_cache(maxsize=None)
def _vocabulary(version: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    schema = _schema(version)
    root = schema
    ref = schema.get("$ref")
    if "properties" not in schema and isinstance(ref, str) and ref.startswith("#/"):
        for part in ref[2:].split("/"):
            root = root[part]  # 2.1 and later keep the item's properties in $defs/ninjsType
    patterns = tuple(re.compile(p) for p in root.get("patternProperties", {}))
    return frozenset(root.get("properties", {})), patterns


@lru_cache(maxsize=1)
def _all_names() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    vocabularies = [_vocabulary(version) for version in SCHEMA_FILES]
    patterns = {p.pattern: p for _, found in vocabularies for p in found}
    return frozenset().union(*(names for names, _ in vocabularies)), tuple(patterns.values())


@lru_cache(maxsize=None)
def _schema(version: str) -> dict[str, Any]:
    return json.loads(_data_file("ninjs", SCHEMA_FILES[version]))


@lru_cache(maxsize=None)
def _validator(version: str) -> Validator:
    schema = _schema(version)
    return validator_for(schema)(schema, registry=_registry())  # the shipped schemas are checked by the tests


@lru_cache(maxsize=1)
def _registry() -> Registry:
    """Every reference resolves to a file we ship; there is no retrieve function, so nothing is fetched."""
    geojson = Resource.from_contents(json.loads(_data_file("geojson", "geojson-rfc7946.json")))
    return Registry().with_resource(GEOJSON_URI, geojson)


def _data_file(folder: str, name: str) -> str:
    return resources.files("newsdesk.wire").joinpath("schemas", folder, name).read_text(encoding="utf-8")


def _path(where: str, error: ValidationError) -> str:
    return where + error.json_path[1:]


def _message(error: ValidationError) -> str:
    message = " ".join(error.message.split())
    return message if len(message) <= _MESSAGE_LIMIT else message[: _MESSAGE_LIMIT - 1] + "…"

