"""`newsdesk extract FILE`: the draft as ninjs 3.x JSON on stdout, with no database."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_6f30dbc2493a046e.txt"
SCHEMA = SHARED / "bench" / "ninjs" / "specification" / "ninjs-schema_3.1.json"


def extract(path: Path) -> dict:
    out = StringIO()
    call_command("extract", str(path), stdout=out)  # no django_db mark: touching the database would fail
    return json.loads(out.getvalue())


def assert_valid_ninjs(item: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"ninjs schema not found at {SCHEMA} (../shared is not beside this checkout)")
    import jsonschema

    jsonschema.validate(item, json.loads(SCHEMA.read_text()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_extract_prints_ninjs_with_every_news_field(good_capture):
    item = extract(good_capture)
    assert item["headlines"] == [{"role": "main", "value": "Harbour cranes fall silent as dockworkers begin three-day strike"}]
    assert {"name": "Business", "rel": "section"} in item["subjects"]
    assert item["firstCreated"].startswith("2026-11-12") and item["versionCreated"].startswith("2026-11-12")
    assert item["located"] == "VALMORA"
    assert item["infoSources"] == [{"name": "Northwind Wire", "role": "source"}]
    picture = item["associations"][0]
    assert picture["type"] == "picture"
    assert picture["descriptions"][0]["role"] == "caption"
    assert picture["descriptions"][0]["value"].startswith("Idle container cranes")
    body = item["bodies"][0]
    assert body["contentType"] == "text/html"
    assert body["value"].count("<p>") == 5
    assert "VALMORA" not in body["value"] and "Northwind" not in body["value"] and "views" not in body["value"]
    assert_valid_ninjs(item)


def test_extract_on_the_reference_page_validates_against_ninjs_3():
    if not SEED.exists():
        pytest.skip(f"the reference page is not at {SEED} (../shared is not beside this checkout)")
    item = extract(SEED)
    assert item["headlines"][0]["value"] == "Xi meets Kim a day after show of unity with Putin at Chinese military parade"
    assert item["located"] == "BEIJING" and item["infoSources"][0]["name"] == "CNN"
    assert item["bodies"][0]["value"].count("<p>") == 16
    assert_valid_ninjs(item)


def test_extract_names_the_file_and_the_reason_on_bad_input(bad_inputs):
    with pytest.raises(CommandError, match=r"empty\.txt: .*\(empty\)"):
        extract(bad_inputs["empty"])
    with pytest.raises(CommandError, match=r"cannot read"):
        extract(bad_inputs["empty"].with_name("missing.txt"))
