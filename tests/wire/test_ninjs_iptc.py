"""The IPTC's own ninjs data: every example is ingested, every validation test item gets the verdict IPTC expects.

Reads ../shared/bench/ninjs (the iptc/newsinjson repository's examples and
validation test suite); skipped on a checkout without it. The test suite is
organised by version (``<version>/should_pass``, ``<version>/should_fail``),
and IPTC's own runner validates each folder against that version's schema, so
the version is named to the reader here as a source's setting would name it
(``1.x_dev`` and ``2.x_dev`` are the development drafts).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk import extract, wire
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.wire.ninjs import ninjs_read

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "ninjs"
EXAMPLES = BENCH / "examples"
SUITE = BENCH / "validation" / "test_suite"
FOLDER_VERSIONS = {"1.x_dev": "1.x-dev", "2.x_dev": "2.x-dev"}
# Not a news item: the JSON Schema of an agency's ninjs extension, kept beside its example.
NOT_ITEMS = {"2.1/schema-extension/extension-schema.json"}


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.rglob(pattern)) if folder.is_dir() else []


def _id(path: Path) -> str:
    return str(path.relative_to(BENCH))


def _needs_bench() -> None:
    if not BENCH.is_dir():
        pytest.skip(f"the IPTC ninjs data is not at {BENCH} (../shared is not beside this checkout)")


EXAMPLE_FILES = _files(EXAMPLES, "*.json") + _files(EXAMPLES, "*.xml")
PASSING = [p for p in _files(SUITE, "*.json") if p.parent.name == "should_pass"]
FAILING = [p for p in _files(SUITE, "*.json") if p.parent.name == "should_fail"]


def _folder_version(path: Path) -> str:
    folder = path.parent.parent.name
    return FOLDER_VERSIONS.get(folder, folder)


def _is_story(item: dict) -> bool:
    """What the example itself says: a text or composite item with a body (or a text item sent with
    only its summary, as NTB sends short items), and no event details."""
    has_body = any(key in item for key in ("bodies", "body_text", "body_html", "body_xhtml"))
    summary_only = item.get("type") == "text" and "descriptions" in item
    return item.get("type", "text") in ("text", "composite") and (has_body or summary_only) and "eventDetails" not in item


def _outcomes(documents: list) -> list[Draft | IngestError]:
    found: list[Draft | IngestError] = []
    for document in documents:
        try:
            found.append(extract.draft_from_document(document))
        except IngestError as error:
            found.append(error)
    return found


def test_the_iptc_data_is_here_or_the_tests_say_why_not() -> None:
    _needs_bench()
    assert EXAMPLE_FILES and PASSING and FAILING


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[_id(p) for p in EXAMPLE_FILES])
def test_every_example_is_ingested_as_an_article_or_as_not_an_article(path: Path) -> None:
    _needs_bench()
    relative = str(path.relative_to(EXAMPLES))
    if relative in NOT_ITEMS:
        with pytest.raises(IngestError) as caught:
            wire.read(path.read_bytes(), origin=str(path))
        assert caught.value.reason == "unknown_format"
        return
    outcomes = _outcomes(wire.read(path.read_bytes(), origin=str(path)))
    assert outcomes
    for outcome in outcomes:
        assert isinstance(outcome, (Draft, NotAnArticle)), f"{relative}: {outcome!r}"
    if path.suffix == ".json":
        value = json.loads(path.read_text(encoding="utf-8"))
        items = value if isinstance(value, list) else [value]
        for item, outcome in zip(items, outcomes, strict=True):
            assert isinstance(outcome, Draft) == _is_story(item), f"{relative} {item['uri']}: {outcome!r}"
    for draft in (o for o in outcomes if isinstance(o, Draft)):
        assert draft.headline and draft.body_html.startswith("<") and (draft.published or draft.updated)


@pytest.mark.parametrize("path", PASSING, ids=[_id(p) for p in PASSING])
def test_every_should_pass_item_is_accepted(path: Path) -> None:
    _needs_bench()
    documents = ninjs_read(path.read_text(encoding="utf-8"), origin=str(path), version=_folder_version(path))
    for outcome in _outcomes(documents):
        assert isinstance(outcome, (Draft, NotAnArticle)), outcome


@pytest.mark.parametrize("path", [p for p in PASSING if "_dev" not in p.parent.parent.name], ids=lambda p: _id(p))
def test_every_released_should_pass_item_is_accepted_without_naming_its_version(path: Path) -> None:
    """As a feed would send it: the reader finds the version from the item itself."""
    _needs_bench()
    for outcome in _outcomes(wire.read(path.read_bytes(), origin=str(path))):
        assert isinstance(outcome, (Draft, NotAnArticle)), outcome


@pytest.mark.parametrize("path", FAILING, ids=[_id(p) for p in FAILING])
def test_every_should_fail_item_is_refused_with_the_schemas_reason(path: Path) -> None:
    _needs_bench()
    version = _folder_version(path)
    with pytest.raises(IngestError) as caught:
        ninjs_read(path.read_text(encoding="utf-8"), origin=str(path), version=version)
    assert caught.value.reason == "invalid_ninjs"
    message = str(caught.value)
    assert message.startswith((f"invalid ninjs {version}: $", "invalid ninjs: not valid JSON (")), message
