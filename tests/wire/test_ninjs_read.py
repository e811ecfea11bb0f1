"""ninjs in (1.x, 2.x, 3.x): stories become drafts, other items are "not an article", invalid items are refused.

Golden files: testdata/ninjs/<item>.json → <item>.expected.json, the draft as
`newsdesk extract` prints it (ninjs 3.x). NEWSDESK_UPDATE_GOLDEN=1 rewrites them.
"""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path

import pytest

from newsdesk import extract, wire
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.core.ninjs import draft_to_ninjs
from newsdesk.wire.detect import format_detect
from newsdesk.wire.ninjs import ninjs_read
from newsdesk.wire.ninjs_schema import SCHEMA_FILES, ninjs_check
from newsdesk.wire.registry import FORMATS

TESTDATA = Path(__file__).parent / "testdata" / "ninjs"
STORIES = sorted(p for p in TESTDATA.glob("text-*.json") if ".expected." not in p.name)


def outcomes(path: Path) -> list[Draft | IngestError]:
    """What the pipeline gets for each item of a payload: a draft, or the reason it is none."""
    found: list[Draft | IngestError] = []
    for document in wire.read(path.read_bytes(), origin=str(path)):
        try:
            found.append(extract.draft_from_document(document))
        except IngestError as error:
            found.append(error)
    return found


@pytest.mark.parametrize("path", STORIES, ids=[p.name for p in STORIES])
def test_a_ninjs_story_reads_as_its_golden_file(path: Path) -> None:
    [draft] = outcomes(path)
    assert isinstance(draft, Draft)
    actual = draft_to_ninjs(draft)
    expected_path = path.with_name(path.stem + ".expected.json")
    if os.environ.get("NEWSDESK_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))
    assert ninjs_check(actual, version="3.1") == "3.1", "what we write must be valid ninjs 3.1"


def test_every_field_of_a_3x_story_lands_on_the_draft() -> None:
    [draft] = outcomes(TESTDATA / "text-3x-harbour.json")
    assert draft.headline == "Valmora harbour to be dredged after grain ships run aground"
    assert draft.published.isoformat() == "2026-03-02T06:15:00+00:00"  # firstCreated, in UTC
    assert draft.updated.isoformat() == "2026-03-02T08:40:00+00:00"  # versionCreated
    assert (draft.dateline, draft.byline, draft.credit) == ("VALMORA", "Ines Carvalho", "Northwind Wire")
    assert draft.section == "Business"  # the top-level media topic 04000000, not the "about" tags
    assert draft.summary.startswith("The port authority will deepen")
    assert (draft.guid, draft.version, draft.language) == ("urn:northwindwire:2026:harbour-dredging", "3", "en")
    assert draft.picture.url == "https://photos.northwind.example/dredger-1200.jpg"  # the largest rendition
    assert (draft.picture.caption, draft.picture.credit) == ("A dredger moored at the grain quay.", "Ana Lopes/Northwind Wire")


def test_the_html_body_is_sanitised_and_loses_the_headline_and_the_repeated_photo() -> None:
    [draft] = outcomes(TESTDATA / "text-3x-harbour.json")
    body = draft.body_html
    assert body.count("<p>") == 3
    assert "script" not in body and "onclick" not in body and "alert" not in body
    assert "<h1" not in body and "Valmora harbour to be dredged" not in body
    assert "<figure" not in body and "dredger moored" not in body
    assert "of Valmora harbour, after two" in body  # XML indentation inside a paragraph is one space


def test_a_2x_story_with_a_plain_text_body_gets_one_paragraph_per_blank_line() -> None:
    [draft] = outcomes(TESTDATA / "text-2x-ferry.json")
    assert draft.body_html.count("<p>") == 3
    assert draft.section == "Transport"  # a subject the provider marks as the section
    assert draft.byline == "Rhys Morgan"  # "By " dropped
    assert draft.credit == "Lakeshore Press"  # the copyright holder when no information source is named
    assert draft.picture is None  # a logo is not a lead photo


def test_a_1x_story_reads_lower_case_names_and_associations_keyed_by_name() -> None:
    [draft] = outcomes(TESTDATA / "text-1x-orchard.json")
    assert draft.headline == "Late frost cuts upland apple crop by a third"
    assert draft.body_html.count("<p>") == 3  # body_text without blank lines: one paragraph a line
    assert (draft.dateline, draft.byline) == ("ELDON", "Miriam Holt")
    assert draft.picture.url == "http://uplandcourier.example/photos/orchard-1600.jpg"
    assert (draft.picture.caption, draft.picture.credit) == ("Frost-damaged blossom in an orchard near Eldon.", "Dan Price")


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("picture-3x.json", "a picture item, not an article"),
        ("canceled-2x.json", "an item canceled (withdrawn by its provider), not an article"),
    ],
)
def test_a_valid_item_that_is_no_story_is_not_an_article(name: str, sentence: str) -> None:
    [outcome] = outcomes(TESTDATA / name)
    assert isinstance(outcome, NotAnArticle)
    assert outcome.reason == "not_an_article" and str(outcome) == sentence


def test_a_collection_gives_one_outcome_per_item() -> None:
    story, event = outcomes(TESTDATA / "collection-3x.json")
    assert isinstance(story, Draft) and story.headline == "Council passes budget with library cuts reversed"
    assert isinstance(event, NotAnArticle) and str(event) == "an event item, not an article"


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("invalid-3x-urgency.json", "invalid ninjs 3.1: $.urgency: 'high' is not of type 'integer'"),
        ("broken.json", "invalid ninjs: not valid JSON (Expecting ',' delimiter: line 4 column 3 (char 111))"),
    ],
)
def test_an_invalid_item_is_refused_with_the_reason_and_where(name: str, sentence: str) -> None:
    with pytest.raises(IngestError) as caught:
        outcomes(TESTDATA / name)
    assert caught.value.reason == "invalid_ninjs"
    assert str(caught.value) == sentence


def test_an_invalid_item_in_a_collection_is_named_by_its_index() -> None:
    items = json.loads((TESTDATA / "collection-3x.json").read_text())
    items[0]["urgency"] = 12
    with pytest.raises(IngestError) as caught:
        ninjs_read(json.dumps(items), origin="test")
    assert str(caught.value) == "invalid ninjs 3.1: $[0].urgency: 12 is greater than the maximum of 9"


def test_an_invalid_item_that_is_plainly_no_story_is_skipped_with_the_schemas_complaint() -> None:
    """No version named: the reader cannot know which draft of ninjs the sender followed, and stores
    nothing of an event either way (the IPTC's own event-timeline sample is such an item)."""
    items = json.loads((TESTDATA / "collection-3x.json").read_text())
    items[1]["urgency"] = 12
    story, event = ninjs_read(json.dumps(items), origin="test")
    assert story.draft is not None and event.draft is None
    assert event.meta["not_an_article"] == (
        "an event item, not an article (nor valid ninjs 3.1: $[1].urgency: 12 is greater than the maximum of 9)"
    )
    with pytest.raises(IngestError, match=r"\$\[1\]\.urgency"):
        ninjs_read(json.dumps(items), origin="test", version="3.1")  # a named version is a contract


def test_the_version_a_caller_names_is_the_schema_the_item_must_meet() -> None:
    item = {"uri": "urn:x", "headline": "h", "type": "component"}  # "component" arrived in ninjs 1.2
    assert ninjs_check(item) == "1.6"
    with pytest.raises(IngestError, match=r"invalid ninjs 1\.0: \$\.type: 'component' is not one of"):
        ninjs_check(item, version="1.0")


def test_the_version_an_item_declares_is_tried_first() -> None:
    item = {"uri": "urn:x", "standard": {"name": "ninjs", "version": "2.0", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"}}
    assert ninjs_check(item) == "2.0"


def test_an_agency_profile_may_add_its_own_top_level_properties() -> None:
    item = {"uri": "urn:x", "headlines": [{"value": "h"}], "ttextra": "TT's own field",
            "standard": {"name": "TTNINJS", "version": "2.1", "schema": "https://tt.se/spec/ttninjs/ttninjs-schema_2.1.json"}}
    assert ninjs_check(item) == "2.1"
    with pytest.raises(IngestError, match="ttextra"):
        ninjs_check({k: v for k, v in item.items() if k != "standard"})


def test_every_shipped_schema_is_a_valid_json_schema_and_accepts_the_smallest_item() -> None:
    from importlib import resources

    from jsonschema.validators import validator_for

    folder = resources.files("newsdesk.wire").joinpath("schemas")
    for version, name in SCHEMA_FILES.items():
        schema = json.loads(folder.joinpath("ninjs", name).read_text(encoding="utf-8"))
        validator_for(schema).check_schema(schema)  # not done at run time: it costs ~100 ms a schema
        assert "Creative Commons Attribution" in schema["description"]  # the IPTC licence line is kept
        assert ninjs_check({"uri": "urn:smallest"}, version=version) == version
    geojson = json.loads(folder.joinpath("geojson", "geojson-rfc7946.json").read_text(encoding="utf-8"))
    validator_for(geojson).check_schema(geojson)


def test_no_schema_reference_leaves_the_package() -> None:
    """The 2.x/3.x schemas reference GeoJSON by URL: it resolves to the copy we ship, never the network."""
    place = {"name": "Valmora", "geoJSON": {"type": "Point", "coordinates": [12.5, 41.9]}}
    assert ninjs_check({"uri": "urn:x", "places": [place]}, version="3.1") == "3.1"
    place["geoJSON"] = {"type": "Point", "coordinates": ["north", "east"]}
    with pytest.raises(IngestError, match=r"\$\.places\[0\]\.geoJSON"):
        ninjs_check({"uri": "urn:x", "places": [place]}, version="3.1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('{"uri": "urn:x"}', "ninjs"),
        ('{"uri": "urn:x", "headline": "h", "body_html": "<p>b</p>"}', "ninjs"),
        ('[{"uri": "urn:a", "type": "text"}, {"uri": "urn:b", "headlines": []}]', "ninjs"),
        ('{\n  "uri": "urn:x",\n  "headline": "h"\n  "type": "text"\n}', "ninjs"),  # broken: the reader says where
        ('{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', "json_feed"),
    ],
)
def test_ninjs_is_told_from_content(text: str, name: str) -> None:
    assert format_detect(text, FORMATS).name == name


@pytest.mark.parametrize("text", ['{"uri": "urn:x", "rows": [1, 2]}', '{"rows": [1, 2, 3]}', "[]"])
def test_json_that_only_has_a_uri_in_common_with_ninjs_is_not_taken_for_it(text: str) -> None:
    with pytest.raises(IngestError) as caught:
        format_detect(text, FORMATS)
    assert caught.value.reason == "unknown_format"


def test_newsdesk_extract_prints_a_ninjs_story_as_ninjs_3() -> None:
    from django.core.management import call_command

    out = StringIO()
    call_command("extract", str(TESTDATA / "text-2x-ferry.json"), stdout=out)
    item = json.loads(out.getvalue())
    assert item["headlines"] == [{"role": "main", "value": "Winter ferry timetable cuts evening crossings"}]
    assert item["bodies"][0]["value"].count("<p>") == 3 and item["version"] == "2"


@pytest.mark.django_db
def test_newsdesk_ingest_saves_the_story_and_skips_the_event() -> None:
    from django.core.management import call_command

    from newsdesk.newsroom.models import Article

    out = StringIO()
    call_command("ingest", str(TESTDATA / "collection-3x.json"), "--json", stdout=out, stderr=StringIO())
    rows = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert [row["status"] for row in rows] == ["created", "skipped"]
    assert rows[1]["reason"] == "not_an_article" and rows[1]["message"] == "an event item, not an article"
    assert Article.objects.get().headline == "Council passes budget with library cuts reversed"


@pytest.mark.django_db
def test_newsdesk_ingest_stores_no_article_for_an_invalid_item() -> None:
    from django.core.management import CommandError, call_command

    from newsdesk.newsroom.models import Article, RawItem

    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(TESTDATA / "invalid-3x-urgency.json"), "--json", stdout=out, stderr=err)
    assert "(invalid_ninjs)" in err.getvalue() and "$.urgency" in err.getvalue()
    assert not Article.objects.exists()
    assert RawItem.objects.get().reason == "invalid_ninjs"  # the payload is kept, as every payload is
