"""wire.read refuses bad input with a reason code and a sentence a user can act on."""

from __future__ import annotations

import io
import zipfile

import pytest

from newsdesk import wire
from newsdesk.core.errors import IngestError


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", "A story inside an archive.")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("payload", "reason", "sentence"),
    [
        (b"", "empty", "empty input: there is nothing to read"),
        (b"  \n\t \r\n", "empty", "empty input: there is nothing to read"),
        (b"\xef\xbb\xbf \n", "empty", "empty input: there is only whitespace"),
        (b"\x89PNG\r\n\x1a\n", "binary", "binary file, not text: this looks like a PNG image"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary", "binary file, not text: this looks like a PNG image"),
        (zip_bytes(), "binary", "binary file, not text: this looks like a zip archive (or a Word/Excel file)"),
        (b"plain words\x00and a NUL", "binary", "binary file, not text: it contains NUL bytes"),
        (bytes(range(1, 32)) * 20, "binary", "binary file, not text: 540 of the first 620 bytes are control codes"),
        ("Café owners protest".encode("latin-1"), "bad_encoding", "not valid UTF-8 at byte 3 and no charset declared"),
        (b'{"rows": [1, 2, 3], "kind": "spreadsheet"}', "unknown_format", 'unknown format: JSON that is not a JSON Feed (no "version" naming jsonfeed.org)'),
        (b'<?xml version="1.0"?><catalog><book id="1"/></catalog>', "unknown_format", "unknown format: XML with root element <catalog>, not an RSS, Atom or RDF feed"),
        (b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "no_article", "no article: the feed has no entries"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "title": "Quiet", "items": []}', "no_article", "no article: the JSON Feed has no items"),
        (
            b'<rss version="2.0"><channel><title>Links</title><item><title>Only a title</title></item></channel></rss>',
            "no_article",
            "no article: none of the feed's 1 entries has a title with content or a summary",
        ),
    ],
    ids=[
        "empty", "whitespace", "bom-and-whitespace", "png-signature", "png-header", "zip", "nul-bytes", "control-codes",
        "latin1-undeclared", "unknown-json", "unknown-xml", "feed-without-entries", "json-feed-without-items", "feed-of-titles",
    ],
)
def test_bad_input_is_refused_with_its_reason(payload: bytes, reason: str, sentence: str) -> None:
    with pytest.raises(IngestError) as caught:
        wire.read(payload, origin="upload")
    assert (caught.value.reason, str(caught.value)) == (reason, sentence)


def test_latin1_with_a_declared_charset_is_read() -> None:
    payload = "Section\n\nCafé owners protest new rules\n\nThe owners of cafés said on Monday the rules would hurt trade.".encode("latin-1")
    [document] = wire.read(payload, origin="latin.txt", content_type="text/plain; charset=ISO-8859-1")
    assert document.kind == "capture" and "Café owners" in document.text


def test_a_page_is_one_html_document_with_the_origin_as_its_url() -> None:
    page = b"<!doctype html><html><head><link rel=canonical href='https://news.example/a'></head><body><p>Hi</p></body></html>"
    [document] = wire.read(page, origin="https://mirror.example/a")
    assert (document.kind, document.url) == ("html", "https://mirror.example/a")


def test_a_saved_page_takes_its_url_from_canonical_or_og_url() -> None:
    page = b"<html><head><meta property='og:url' content='https://news.example/b'></head><body><p>Hi</p></body></html>"
    assert wire.read(page, origin="/tmp/saved.html")[0].url == "https://news.example/b"
    assert wire.read(b"<html><body><p>Hi</p></body></html>", origin="saved.html")[0].url is None


def test_a_capture_keeps_its_text_untouched() -> None:
    text = "World\n\nHeadline\n\nBody text.\n"
    [document] = wire.read(text.encode(), origin="capture.txt")
    assert (document.kind, document.text, document.url) == ("capture", text, None)
