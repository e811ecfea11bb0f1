"""Feed entries become Drafts: feed fields trusted, body through the news layer, sanitised last."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from draft_golden import ninjs_errors

from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.errors import IngestError
from newsdesk.extract.entry import draft_from_entry, entry_section

PUBLISHED = datetime(2025, 9, 2, 6, 15, tzinfo=timezone.utc)


def entry_document(text: str, **fields) -> WireDocument:
    fields.setdefault("title", "Night ferry returns to Portville after two-year break")
    fields.setdefault("link", "https://harbourgazette.example/news/night-ferry")
    entry = FeedEntry(**fields)
    return WireDocument(kind="feed_entry", text=text, url=entry.link, entry=entry)


FULL = entry_document(
    "<p>PORTVILLE — The overnight ferry to the islands will sail again on Friday for the first time in two years.</p>"
    "<p>Advertisement</p>"
    "<p>“We know people have waited a long time,” said harbour master Ines Kovac.</p>"
    "<p>The new timetable is posted at the terminal. – Harbour Wire</p>"
    "<script>alert(1)</script>",
    guid="hg-0007",
    published=PUBLISHED,
    updated=PUBLISHED,
    author="Sam Reed",
    summary="The overnight crossing resumes on Friday.",
    categories=("Ferries", "Local News", "Transport"),
    image_url="https://harbourgazette.example/img/ferry.jpg",
    image_caption="The leased ferry moored at Portville at dawn. Photo: Ann Lee",
    feed_title="Harbour Gazette",
    language="en-gb",
    has_full_content=True,
)
SUMMARY_ONLY = entry_document(
    "<p>Two kayakers were brought ashore by the volunteer lifeboat crew on Monday evening.</p>",
    title="Lifeboat crew rescue two kayakers off Gull Point",
    guid="https://harbourgazette.example/news/kayak-rescue",
    summary="<p>Two kayakers were brought ashore by the volunteer lifeboat crew on Monday evening.</p>",
    feed_title="Harbour Gazette",
)


def test_full_entry_maps_feed_fields_onto_the_draft() -> None:
    draft = draft_from_entry(FULL)
    assert draft.headline == "Night ferry returns to Portville after two-year break"
    assert (draft.guid, draft.original_url) == ("hg-0007", "https://harbourgazette.example/news/night-ferry")
    assert (draft.published, draft.updated) == (PUBLISHED, None)  # same instant: not an update
    assert (draft.byline, draft.language) == ("Sam Reed", "en-gb")
    assert draft.keywords == ("Ferries", "Local News", "Transport")
    assert draft.section == "Local News"
    assert draft.summary == "The overnight crossing resumes on Friday."


def test_dateline_and_closing_credit_are_moved_out_of_the_body() -> None:
    draft = draft_from_entry(FULL)
    assert (draft.dateline, draft.credit) == ("PORTVILLE", "Harbour Wire")
    assert draft.body_html == (
        "<p>The overnight ferry to the islands will sail again on Friday for the first time in two years.</p>"
        "<p>“We know people have waited a long time,” said harbour master Ines Kovac.</p>"
        "<p>The new timetable is posted at the terminal.</p>"
    )


def test_picture_caption_loses_the_photo_credit_printed_inside_it() -> None:
    picture = draft_from_entry(FULL).picture
    assert (picture.url, picture.caption, picture.credit) == (
        "https://harbourgazette.example/img/ferry.jpg",
        "The leased ferry moored at Portville at dawn.",
        "Ann Lee",
    )


def test_media_credit_wins_over_a_credit_printed_in_the_caption() -> None:
    document = entry_document("<p>Body text of a story.</p>", image_url="https://x.example/a.jpg", image_caption="Quay. Photo: A", image_credit="B/Agency")
    assert draft_from_entry(document).picture.credit == "B/Agency"


def test_summary_only_entry_still_becomes_an_article_credited_to_the_feed() -> None:
    draft = draft_from_entry(SUMMARY_ONLY)
    assert draft.body_html == "<p>Two kayakers were brought ashore by the volunteer lifeboat crew on Monday evening.</p>"
    assert draft.summary is None  # the summary is the body; repeating it as a description adds nothing
    assert draft.credit == "Harbour Gazette"
    assert draft.guid == "https://harbourgazette.example/news/kayak-rescue"


def test_html_in_a_title_becomes_plain_text() -> None:
    document = entry_document("<p>Body.</p>", title="Orchard growers count the cost of <em>late</em> frost &amp; hail")
    assert draft_from_entry(document).headline == "Orchard growers count the cost of late frost & hail"


def test_scripts_never_survive_into_the_body() -> None:
    body = draft_from_entry(FULL).body_html
    assert "<script" not in body and "alert" not in body


def test_loose_text_and_wrappers_in_entry_html_become_paragraphs() -> None:
    document = entry_document("<div>Loose opening text with a <a href='https://x.example/'>link</a>.<p>Second paragraph.</p></div>")
    assert draft_from_entry(document).body_html == (
        '<p>Loose opening text with a <a href="https://x.example/" rel="noopener noreferrer nofollow">link</a>.</p>'
        "<p>Second paragraph.</p>"
    )


def test_first_content_image_is_the_picture_when_the_feed_names_none() -> None:
    document = entry_document(
        '<figure><img src="https://x.example/quay.jpg"><figcaption>Fishing boats tied up at the quay at dawn on Monday. Photo: Ann Lee</figcaption></figure>'
        "<p>The harbour reopened on Monday after a week of storms kept the fleet in port.</p>"
    )
    draft = draft_from_entry(document)
    assert (draft.picture.url, draft.picture.caption, draft.picture.credit) == (
        "https://x.example/quay.jpg",
        "Fishing boats tied up at the quay at dawn on Monday.",
        "Ann Lee",
    )
    assert draft.body_html == "<p>The harbour reopened on Monday after a week of storms kept the fleet in port.</p>"


@pytest.mark.parametrize(
    ("categories", "section"),
    [
        (("Ferries", "Local News"), "Local News"),
        (("World", "Asia"), "World"),
        (("Breaking", "Politics"), "Politics"),
        (("Mill Creek", "Portville council"), None),
        ((), None),
    ],
)
def test_first_category_that_reads_like_a_section_is_the_section(categories: tuple[str, ...], section: str | None) -> None:
    assert entry_section(categories) == section


@pytest.mark.parametrize(
    ("document", "sentence"),
    [
        (entry_document("<p>Body.</p>", title="  "), "no article: the feed entry has no title"),
        (entry_document("<p>Advertisement</p><p></p>"), "no article: the feed entry 'Night ferry returns to Portville after two-year break' has no text"),
    ],
)
def test_entry_without_headline_or_text_is_refused(document: WireDocument, sentence: str) -> None:
    with pytest.raises(IngestError) as caught:
        draft_from_entry(document)
    assert (caught.value.reason, str(caught.value)) == ("no_article", sentence)


@pytest.mark.parametrize("document", [FULL, SUMMARY_ONLY], ids=["full", "summary-only"])
def test_entry_draft_is_valid_ninjs(document: WireDocument) -> None:
    assert ninjs_errors(draft_from_entry(document)) == []


def test_every_entry_of_the_wire_test_feeds_becomes_valid_ninjs() -> None:
    from pathlib import Path

    from newsdesk import wire

    feeds = sorted((Path(__file__).parents[1] / "wire" / "testdata").glob("*.*"))
    drafts = [
        draft_from_entry(document)
        for path in feeds
        if ".expected." not in path.name
        for document in wire.read(path.read_bytes(), origin=f"https://feeds.example/{path.name}")
    ]
    assert len(drafts) >= 8
    assert all(ninjs_errors(draft) == [] for draft in drafts)
