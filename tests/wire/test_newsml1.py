"""NewsML 1.2 in: the Business Wire items agree with the ninjs translations IPTC published beside them.

The pairs are in ../shared/bench/ninjs/examples (NewsML/*.xml and, under the
same name, <version>/*.json); those tests are skipped on a checkout without
it. A small NewsML 1.2 item of our own is tested on every checkout.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdesk import extract, wire
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.core.ninjs import body_text

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "ninjs" / "examples"
NEWSML = sorted((EXAMPLES / "NewsML").glob("*.xml")) if EXAMPLES.is_dir() else []
PAIRS = [(xml, json) for xml in NEWSML for json in sorted(EXAMPLES.glob(f"*/{xml.stem}.json"))]

ITEM = (Path(__file__).parent / "testdata" / "newsml1" / "tram.xml").read_text()  # written for the project


def drafts(payload: bytes) -> list[Draft | IngestError]:
    found: list[Draft | IngestError] = []
    for document in wire.read(payload, origin="test"):
        try:
            found.append(extract.draft_from_document(document))
        except IngestError as error:
            found.append(error)
    return found


def normalised(text: str) -> str:
    return " ".join(text.split())


def test_a_newsml_1_item_becomes_an_article_with_every_field() -> None:
    [draft] = drafts(ITEM.encode())
    assert draft.headline == "Valmora tram line reopens after flood repairs"
    assert (draft.dateline, draft.byline, draft.credit) == ("VALMORA", "Ines Carvalho", "Northwind Wire")
    assert draft.published.isoformat() == "2026-03-05T08:00:00+00:00"
    assert draft.updated.isoformat() == "2026-03-05T10:15:00+00:00"
    assert (draft.guid, draft.version) == ("urn:newsml:northwind.example:20260305:TRAM-0042", "2")  # no revision in the id
    assert draft.keywords == ("Transport", "Valmora") and draft.language == "en"
    assert draft.body_html.count("<p>") == 2 and "class=" not in draft.body_html
    assert draft.picture.url == "https://photos.northwind.example/tram-1280.jpg"
    assert (draft.picture.caption, draft.picture.credit) == ("The first tram crosses the rebuilt bridge.", "Ana Lopes")


def test_a_withdrawn_newsml_1_item_is_not_an_article() -> None:
    [outcome] = drafts(ITEM.replace('Status FormalName="Usable"', 'Status FormalName="Canceled"').encode())
    assert isinstance(outcome, NotAnArticle)
    assert str(outcome) == "a NewsML item marked canceled by its provider, not an article to publish"


def test_a_newsml_1_item_without_a_body_is_not_an_article() -> None:
    [outcome] = drafts(re.sub(r'<NewsComponent>\s*<Role FormalName="Body"/>.*?</NewsComponent>', "", ITEM, flags=re.S).encode())
    assert isinstance(outcome, NotAnArticle) and "no story text" in str(outcome)


def _needs_pairs() -> None:
    if not PAIRS:
        pytest.skip(f"the Business Wire NewsML items are not at {EXAMPLES / 'NewsML'} (../shared is not beside this checkout)")


def test_every_business_wire_item_has_a_translation() -> None:
    _needs_pairs()
    assert {xml for xml, _ in PAIRS} == set(NEWSML) and len(NEWSML) == 4


@pytest.mark.parametrize(("xml", "translation"), PAIRS, ids=[f"{x.stem}-{j.parent.name}" for x, j in PAIRS])
def test_newsml_1_agrees_with_its_ninjs_translation(xml: Path, translation: Path) -> None:
    """Headline, dates and body text as the translation gives them (IPTC's translations carry the
    first paragraph of the body only, so the body must start with the translation's text)."""
    _needs_pairs()
    [ours] = drafts(xml.read_bytes())
    [theirs] = drafts(translation.read_bytes())
    assert isinstance(ours, Draft) and isinstance(theirs, Draft)
    assert normalised(ours.headline) == normalised(theirs.headline)
    assert (ours.updated or ours.published) == (theirs.updated or theirs.published)  # versionCreated
    assert ours.published == theirs.published
    assert normalised(body_text(ours.body_html)).startswith(normalised(body_text(theirs.body_html)))
    assert ours.language == theirs.language and ours.version == theirs.version
    assert set(theirs.keywords) <= set(ours.keywords)
