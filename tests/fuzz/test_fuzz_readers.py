"""Fuzzing each reader of ``newsdesk.wire`` on its own: any text shaped like its format is read or refused with a reason.

A reader gets text already decoded (``wire.read`` decodes and detects;
that is fuzzed in ``test_fuzz_wire_and_extract.py``). Each target builds
documents of its format with hostile values in every field, wrong types and
broken escaping (``shapes.py``), and calls the reader directly, so that its
2,000 cases all reach it rather than being refused earlier. Properties: only
an ``IngestError`` (or ``NotAnArticle``) with a reason code and a sentence
comes out; what comes out is a list of ``WireDocument``s; the drafts a
structured reader (ninjs, NewsML) maps its items to are safe once
``draft_from_document`` has sanitised them (the only step after the reader
for them; the other kinds have their extractors fuzzed on their own); a
case never takes 2 s.
"""

from __future__ import annotations

import pytest
from checks import draft_is_safe, refusal_is_explained
from fuzzing import fuzz_settings
from hypothesis import event, given
from hypothesis import strategies as st
from shapes import SHAPES

from newsdesk import extract, wire
from newsdesk.core.document import StructuredDocument, WireDocument
from newsdesk.core.errors import IngestError
from newsdesk.wire.capture import capture_read
from newsdesk.wire.feed import feed_read
from newsdesk.wire.html import page_read
from newsdesk.wire.jsonfeed import json_feed_read
from newsdesk.wire.newsml1 import newsml1_read
from newsdesk.wire.newsmlg2 import newsml_g2_read
from newsdesk.wire.ninjs import ninjs_read

READERS = {
    "feed": (feed_read, st.one_of(SHAPES["rss"], SHAPES["atom"])),
    "jsonfeed": (json_feed_read, SHAPES["json_feed"]),
    "html": (page_read, SHAPES["html"]),
    "capture": (capture_read, SHAPES["capture"]),
    "ninjs": (ninjs_read, SHAPES["ninjs"]),
    "newsmlg2": (newsml_g2_read, SHAPES["newsml_g2"]),
    "newsml1": (newsml1_read, SHAPES["newsml1"]),
}
# Found by fuzzing (issue 6): UTF-16 read without its BOM gives CJK text, and a namespace URI holding
# U+3000 broke feedparser's strict parser, which splits expat's "URI name" on any white space.
FEED_NAMESPACE_WITH_WIDE_SPACE = (
    '<rss version="2.0" xmlns:dc="http://a\u3000b\u3000c"><channel><title>x</title>'
    "<item><title>t</title><description>d</description><dc:creator>me</dc:creator></item></channel></rss>"
)


@pytest.mark.parametrize("reader", list(READERS))
@fuzz_settings
@given(data=st.data())
def test_each_reader_reads_any_text_of_its_format_or_refuses_it_with_a_reason(reader, data):
    read, strategy = READERS[reader]
    text = data.draw(strategy, label="text")
    try:
        documents = read(text, origin=f"https://wire.example/{reader}")
    except IngestError as error:
        event(f"refused: {error.reason}")
        refusal_is_explained(error)
        return
    assert isinstance(documents, list) and all(isinstance(document, WireDocument) for document in documents)
    for document in documents:
        if isinstance(document, StructuredDocument):  # feed entries, captures, pages: test_fuzz_extractors.py
            try:
                draft_is_safe(extract.draft_from_document(document))
                event("drafts")
            except IngestError as error:
                event(f"entry refused: {error.reason}")
                refusal_is_explained(error)


def test_a_feed_whose_namespace_holds_a_wide_space_is_refused_with_a_reason():
    for charset in ("utf-8", "utf-16-be"):  # the fuzz case: UTF-16 without a BOM, declared by its prolog only
        with pytest.raises(IngestError) as refused:
            wire.read(('<?xml version="1.0"?>' + FEED_NAMESPACE_WITH_WIDE_SPACE).encode(charset), origin="fuzz")
        assert refused.value.reason == "unknown_format" and "namespace" in str(refused.value)


def test_an_html_body_whose_tag_name_holds_a_brace_is_read():
    # Found by the long fuzz run (issue 6): the HTML parser reads "<A}" as an element named "a}<", and
    # taking "<" for its local name crashed the NewsML-G2 reader.
    item = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:fuzz:1" version="1"><itemMeta><itemClass qcode="ninat:text"/>'
        "</itemMeta><contentMeta><headline>Harbour reopens</headline></contentMeta><contentSet>"
        '<inlineData contenttype="text/html">&lt;p&gt;The quay is open.&lt;A}&lt;/p&gt;</inlineData></contentSet></newsItem>'
    )
    (document,) = newsml_g2_read(item, origin="fuzz")
    draft = extract.draft_from_document(document)
    draft_is_safe(draft)
    assert "The quay is open." in draft.body_html
