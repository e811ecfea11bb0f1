"""The text page-capture extractor on golden captures from many site styles, and on the reference page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capture_goldens import FIELDS, body_paragraphs, capture_extract, capture_names, draft_fields, expected
from newsdesk.core.errors import IngestError
from newsdesk.core.ninjs import draft_to_ninjs
from newsdesk.extract.capture import draft_from_capture

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_6f30dbc2493a046e.txt"
SCHEMA = SHARED / "bench" / "ninjs" / "specification" / "ninjs-schema_3.1.json"
SEED_HEADLINE = "Xi meets Kim a day after show of unity with Putin at Chinese military parade"


def assert_valid_ninjs(item: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"ninjs schema not found at {SCHEMA} (../shared is not beside this checkout)")
    import jsonschema

    jsonschema.validate(item, json.loads(SCHEMA.read_text()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the reference page is not at {SEED} (../shared is not beside this checkout)")
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", capture_names())
def test_capture_gives_every_field_its_golden_file_holds(name):
    got, want = draft_fields(capture_extract(name)), expected(name)
    assert set(want) == set(FIELDS), f"{name}.expected.json lacks or adds fields"
    mismatches = {field: (got[field], want[field]) for field in FIELDS if got[field] != want[field]}
    assert not mismatches, f"{name}: (got, expected) per field: {mismatches}"


@pytest.mark.parametrize("name", capture_names())
def test_capture_keeps_chrome_datelines_and_credits_out_of_the_body(name):
    draft, want = capture_extract(name), expected(name)
    body = " ".join(body_paragraphs(draft.body_html))
    if want["caption"]:
        assert want["caption"] not in body
    if want["dateline"]:
        assert not body_paragraphs(draft.body_html)[0].startswith(want["dateline"])
    for chrome in ("Advertisement", "READ MORE", "Read more:", "views", "Share", "©", "Subscribe", "Sign up"):
        assert chrome not in body, f"{name}: {chrome!r} reached the body"


@pytest.mark.parametrize("name", capture_names())
def test_capture_serialises_as_valid_ninjs(name):
    assert_valid_ninjs(draft_to_ninjs(capture_extract(name)))


def test_reference_page_gives_every_news_field():
    draft = draft_from_capture(seed_text(), url="https://example.org/world/xi-kim")
    assert draft.section == "World"
    assert draft.headline == SEED_HEADLINE
    assert draft.published is not None and draft.published.isoformat() == "2025-09-04T00:00:00+00:00"
    assert draft.dateline == "BEIJING"
    assert draft.credit == "CNN"
    assert draft.source_view_count == 40
    assert draft.original_url == "https://example.org/world/xi-kim"
    assert draft.picture is not None and draft.picture.caption.startswith("Chinese leader Xi Jinping and North Korean")


def test_reference_page_body_is_the_sixteen_paragraphs_and_nothing_else():
    draft = draft_from_capture(seed_text())
    paragraphs = body_paragraphs(draft.body_html)
    body = " ".join(paragraphs)
    assert len(paragraphs) == 16
    assert paragraphs[0].startswith("Chinese leader Xi Jinping and North Korea’s Kim Jong Un have sat down")
    assert paragraphs[-1].endswith("and Beijing.”")
    assert draft.picture is not None and draft.picture.caption not in body
    for clutter in ("40 views", "HIGHLIGHTS", "7 hours ago", "Lisbon funicular", "Bomb blast", "boat hits tree stump",
                    "BEIJING –", "– CNN", "September 04, 2025"):
        assert clutter not in body


def test_reference_page_serialises_as_valid_ninjs():
    item = draft_to_ninjs(draft_from_capture(seed_text()))
    assert item["located"] == "BEIJING" and item["infoSources"] == [{"name": "CNN", "role": "source"}]
    assert_valid_ninjs(item)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  \n",
        "Home\nNews\nSport\nWeather\nSign in\nSubscribe",
        "Most read\nMotorway closed for weekend as bridge is replaced\n2h\nZoo welcomes rare twin otter pups\n3h",
        "Page not found\nSorry, the page you were looking for does not exist or has been moved.",
        "We use cookies to improve your experience. By continuing you agree to our use of cookies.\nAccept all",
        "Local council approves new park\nThe council approved the plan on Tuesday after a short debate.",
    ],
    ids=["empty", "blank", "menu", "rail", "not-found", "cookie-banner", "one-paragraph"],
)
def test_capture_without_an_article_is_refused_with_a_reason(text):
    with pytest.raises(IngestError) as raised:
        draft_from_capture(text)
    assert raised.value.reason == "no_article"
    assert str(raised.value).endswith(".") and len(str(raised.value)) > 30


def test_capture_without_a_headline_is_refused():
    text = (
        "The council approved the plan on Tuesday after a short debate in the town hall that lasted an hour.\n"
        "Work on the park will begin in the spring and should be finished before the end of next summer.\n"
    )
    with pytest.raises(IngestError, match="headline"):
        draft_from_capture(text)


def test_body_markup_in_the_capture_stays_text():
    text = (
        "Council approves new park after long debate\n"
        "The council approved the <script>alert(1)</script> plan on Tuesday after a short debate in the hall.\n"
        "Work on the park will begin in the spring and should be finished before the end of next summer.\n"
    )
    draft = draft_from_capture(text)
    assert "<script>" not in draft.body_html and "&lt;script&gt;" in draft.body_html
