"""Fuzzing each extractor on its own: any capture, page or feed entry becomes a safe draft or a refusal with a reason.

The extractors take what a reader hands them (``WireDocument`` text and
fields), so each target builds that directly: a text capture, an HTML page
whose own markup is hostile, a feed entry with hostile values in every
field. ``article_text`` (trafilatura plus our news rules) gets the pages too.
Properties: only an ``IngestError`` with a reason code and a sentence comes
out; a draft has a headline and an already sanitised body with nothing
executable; ``article_text`` gives text, paragraphs separated by blank
lines; a case never takes 2 s.
"""

from __future__ import annotations

from checks import draft_is_safe, refusal_is_explained
from fuzzing import fuzz_settings
from hypothesis import event, example, given
from hypothesis import strategies as st
from shapes import body_text, capture_text, hostile_text, html_page_text, url_text

from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.errors import IngestError
from newsdesk.extract import article_text
from newsdesk.extract.capture import draft_from_capture
from newsdesk.extract.entry import draft_from_entry
from newsdesk.extract.page import draft_from_page

optional_url = st.one_of(st.none(), url_text)
feed_entries = st.builds(
    FeedEntry,
    title=hostile_text,
    link=optional_url,
    guid=st.one_of(st.none(), hostile_text),
    author=st.one_of(st.none(), hostile_text),
    summary=body_text,
    categories=st.lists(hostile_text, max_size=3).map(tuple),
    image_url=optional_url,
    image_caption=st.one_of(st.none(), hostile_text),
    image_credit=st.one_of(st.none(), hostile_text),
    feed_title=st.one_of(st.none(), hostile_text),
    language=st.one_of(st.none(), st.sampled_from(["en", "pt-BR", "", "../x"])),
    has_full_content=st.booleans(),
)
entry_documents = st.builds(lambda text, url, entry: WireDocument(kind="feed_entry", text=text, url=url, entry=entry), body_text, optional_url, feed_entries)


def _drafted(make) -> None:
    try:
        draft = make()
    except IngestError as error:
        event(f"refused: {error.reason}")
        refusal_is_explained(error)
        return
    event("draft")
    draft_is_safe(draft)


@fuzz_settings
@given(capture_text(), optional_url)
def test_any_text_capture_becomes_a_safe_draft_or_a_refusal_with_a_reason(text, url):
    _drafted(lambda: draft_from_capture(text, url=url))


@fuzz_settings
@given(html_page_text(), optional_url)
@example(  # found by fuzzing (issue 6): urlsplit raised on an image URL with an unclosed IPv6 host
    '<html><body><article><h1>Harbour reopens</h1><figure><img src="A://["><figcaption>The quay</figcaption></figure>'
    "<p>The harbour reopened on Thursday after repairs to the quay wall, traders said.</p></article></body></html>",
    None,
)
def test_any_html_page_becomes_a_safe_draft_or_a_refusal_with_a_reason(markup, url):
    _drafted(lambda: draft_from_page(markup, url=url))


@fuzz_settings
@given(entry_documents)
def test_any_feed_entry_becomes_a_safe_draft_or_a_refusal_with_a_reason(document):
    _drafted(lambda: draft_from_entry(document))


@fuzz_settings
@given(html_page_text(), optional_url)
def test_the_article_text_of_any_page_is_plain_paragraphs(markup, url):
    text = article_text(markup, url)
    assert isinstance(text, str)
    assert text == text.strip() and all(paragraph.strip() for paragraph in text.split("\n\n") if text), repr(text)
