"""Feeds in: RSS 2.0, Atom and JSON Feed become one WireDocument per entry (golden files in testdata/)."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from newsdesk import wire
from newsdesk.core.document import WireDocument

TESTDATA = Path(__file__).parent / "testdata"
FEEDS = sorted(p for p in TESTDATA.iterdir() if p.suffix in (".xml", ".json") and ".expected." not in p.name)
ORIGIN = "https://feeds.example/{}"


def document_as_json(document: WireDocument) -> dict:
    """A WireDocument as plain JSON (dates in ISO 8601), the shape of the *.expected.json files."""
    value = dataclasses.asdict(document)
    if value["entry"]:
        value["entry"] = {k: (v.isoformat() if isinstance(v, datetime) else list(v) if isinstance(v, tuple) else v) for k, v in value["entry"].items()}
    return value


def documents_read(path: Path) -> list[dict]:
    return [document_as_json(d) for d in wire.read(path.read_bytes(), origin=ORIGIN.format(path.name))]


@pytest.mark.parametrize("path", FEEDS, ids=[p.name for p in FEEDS])
def test_feed_reads_as_its_golden_file(path: Path) -> None:
    expected_path = path.with_name(path.stem + ".expected.json")
    actual = documents_read(path)
    if os.environ.get("NEWSDESK_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


def test_rss_entry_keeps_full_content_picture_caption_and_credit() -> None:
    first = wire.read((TESTDATA / "rss-harbour.xml").read_bytes(), origin="https://harbourgazette.example/rss")[0]
    assert first.kind == "feed_entry" and first.entry is not None
    assert first.entry.has_full_content
    assert first.text.startswith("<p>PORTVILLE — The overnight ferry")
    assert "<script" not in first.text and "tracker" not in first.text
    assert first.entry.image_url == "https://harbourgazette.example/img/2025/09/ferry-dawn.jpg"
    assert first.entry.image_caption == "The leased ferry moored at Portville at dawn on Monday."
    assert first.entry.image_credit == "Ann Lee/Harbour Gazette"
    assert first.entry.summary == "The overnight crossing resumes on Friday with a smaller boat."
    assert first.entry.published is not None and first.entry.published.utcoffset() is not None


def test_media_description_is_a_caption_never_the_entry_summary() -> None:
    documents = wire.read((TESTDATA / "rss-harbour.xml").read_bytes(), origin="https://harbourgazette.example/rss")
    market = next(d for d in documents if d.entry and d.entry.title.startswith("Harbour fish market"))
    # feedparser itself lets the media:description, printed first, overwrite the item's description
    assert market.entry.summary == "Traders voted to try Sunday opening from October, with stalls open from seven until noon."
    assert market.entry.image_caption == "Stalls at the fish market on a weekday morning."


def test_entry_without_title_or_text_is_skipped_and_relative_links_resolve() -> None:
    documents = wire.read((TESTDATA / "rss-harbour.xml").read_bytes(), origin="https://harbourgazette.example/rss")
    assert [d.entry.title for d in documents if d.entry] == [
        "Night ferry returns to Portville after two-year break",
        "Lifeboat crew rescue two kayakers off Gull Point",
        "Harbour fish market to open on Sundays",
    ]
    assert documents[1].url == "https://harbourgazette.example/news/2025/09/kayak-rescue"
    assert not documents[1].entry.has_full_content
    assert documents[1].entry.author == "Priya Nair"


def test_summary_only_entry_carries_its_summary_as_text() -> None:
    documents = wire.read((TESTDATA / "rss-harbour.xml").read_bytes(), origin="https://harbourgazette.example/rss")
    rescue = documents[1]
    assert rescue.text.startswith("<p>Two kayakers were brought ashore")
    assert rescue.entry.image_url == "https://harbourgazette.example/img/2025/09/lifeboat.jpg"


def test_atom_entry_reads_authors_categories_and_both_dates() -> None:
    entry = wire.read((TESTDATA / "atom-courier.xml").read_bytes(), origin="atom-courier.xml")[0].entry
    assert entry.author == "Hannah Brook, Owen Tate"
    assert entry.categories == ("Business", "Farming")
    assert entry.published.isoformat() == "2025-10-07T05:00:00+00:00"
    assert entry.updated.isoformat() == "2025-10-07T11:30:00+00:00"
    assert entry.has_full_content


def test_json_feed_item_with_numeric_id_and_attachment_image() -> None:
    documents = wire.read((TESTDATA / "jsonfeed-ledger.json").read_bytes(), origin="jsonfeed-ledger.json")
    bakery = documents[1].entry
    assert bakery.guid == "20251103"
    assert bakery.link == "https://morningledger.example/business/bakery-expands"
    assert bakery.image_url == "https://morningledger.example/img/bakery.jpg"
    assert bakery.image_caption == "The new shop front on Elm Street."
    assert documents[1].text == "<p>The Hendry family bakery will open its third shop on Elm Street in December.</p><p>It will employ twelve people.</p>"
    assert bakery.author == "Morning Ledger staff"  # the feed's authors stand in for the item's


def test_latin1_feed_with_its_charset_declared_reads_accents() -> None:
    entry = wire.read((TESTDATA / "rss-latin1.xml").read_bytes(), origin="rss-latin1.xml")[0].entry
    assert entry.title == "Le café de la gare rouvre ses portes"
    assert entry.language == "fr"
