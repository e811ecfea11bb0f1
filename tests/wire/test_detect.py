"""The format is told from the content: feeds, JSON Feed, HTML pages, prose captures, and what is refused."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import IngestError
from newsdesk.wire.detect import format_detect, root_element
from newsdesk.wire.registry import FORMATS


def detected(text: str) -> str:
    return format_detect(text, FORMATS).name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        ('<?xml version="1.0"?><!-- generator --><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
        ('<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss.dtd"><rss version="0.91"/>', "feed"),
        ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', "feed"),
        ('{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', "json_feed"),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ('<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"),
        ("<article><h1>Saved fragment</h1><p>Body</p></article>", "html"),
        ("World\n\nXi meets Kim\n\nBEIJING – Chinese leader Xi Jinping …", "capture"),
        ("[Updated] Council vote delayed\n\nThe vote was moved to Tuesday.", "capture"),
    ],
)
def test_format_is_detected_from_content(text: str, name: str) -> None:
    assert detected(text) == name


def test_doctype_with_an_internal_subset_is_stepped_over() -> None:
    assert root_element('<!DOCTYPE rss [<!ENTITY a "b">]><rss/>') == "rss"


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ('{"rows": [1, 2, 3]}', 'unknown format: JSON that is not a JSON Feed (no "version" naming jsonfeed.org)'),
        ("[1, 2, 3]", "unknown format: a JSON array, not a JSON Feed object"),
        ('{"rows": [1, 2', "unknown format: it starts like JSON but does not parse"),
        ('<?xml version="1.0"?><catalog><book/></catalog>', "unknown format: XML with root element <catalog>, not an RSS, Atom or RDF feed"),
        ("12345 67890", "unknown format: not a feed, an HTML page or readable text"),
    ],
)
def test_unknown_formats_are_refused_with_what_they_looked_like(text: str, sentence: str) -> None:
    with pytest.raises(IngestError) as caught:
        detected(text)
    assert caught.value.reason == "unknown_format"
    assert str(caught.value) == sentence


def test_deeply_nested_json_is_refused_not_a_crash() -> None:
    with pytest.raises(IngestError) as caught:
        detected("[" * 200_000)
    assert caught.value.reason == "unknown_format"
