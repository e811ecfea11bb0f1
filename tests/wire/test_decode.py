"""Bytes become text by the declared charset, or are refused; we never guess a charset."""

from __future__ import annotations

import codecs

import pytest

from newsdesk.core.errors import IngestError
from newsdesk.wire.decode import charset_declared, payload_decode

CAFE = "Le café ouvre à 7 h"


def test_utf8_without_declaration_is_read_as_utf8() -> None:
    assert payload_decode(CAFE.encode("utf-8")) == CAFE


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_mark_decides_the_encoding(codec: str) -> None:
    payload = CAFE.encode(codec)
    if codec == "utf-16-be":
        payload = codecs.BOM_UTF16_BE + payload
    assert payload_decode(payload) == CAFE


def test_http_content_type_charset_is_honoured() -> None:
    assert payload_decode(CAFE.encode("latin-1"), content_type="text/plain; charset=ISO-8859-1") == CAFE


def test_xml_prolog_encoding_is_honoured() -> None:
    xml = f'<?xml version="1.0" encoding="windows-1252"?><rss><title>{CAFE} “quoted”</title></rss>'
    assert CAFE + " “quoted”" in payload_decode(xml.encode("cp1252"))


def test_html_meta_charset_is_honoured() -> None:
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head><body>{CAFE} €</body></html>'
    assert f"{CAFE} €" in payload_decode(page.encode("iso-8859-15"))


def test_latin1_label_reads_windows_1252_quotes_as_browsers_do() -> None:
    payload = "“Quoted” — said".encode("cp1252")
    assert payload_decode(payload, content_type="text/plain; charset=iso-8859-1") == "“Quoted” — said"


def test_http_charset_wins_over_the_documents_own_declaration() -> None:
    page = f'<meta charset="utf-8"><p>{CAFE}</p>'.encode("latin-1")
    assert CAFE in payload_decode(page, content_type="text/html; charset=latin-1")


def test_unknown_charset_label_falls_through_to_the_next_declaration() -> None:
    assert charset_declared(b'<meta charset="utf-8">', content_type="text/html; charset=x-no-such-charset") == (
        "utf-8",
        "an HTML meta tag",
    )


def test_bom_less_utf16_xml_is_recognised_by_its_prolog() -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>é</title></channel></rss>'
    assert payload_decode(xml.encode("utf-16-le")).startswith("<?xml")


def test_invalid_utf8_without_a_charset_names_the_byte() -> None:
    with pytest.raises(IngestError) as caught:
        payload_decode(f"Section\n\n{CAFE}".encode("latin-1"))
    assert caught.value.reason == "bad_encoding"
    assert str(caught.value) == "not valid UTF-8 at byte 15 and no charset declared"


def test_bytes_that_contradict_their_declared_charset_are_refused() -> None:
    with pytest.raises(IngestError) as caught:
        payload_decode(b'<?xml version="1.0" encoding="utf-8"?><rss>\xff</rss>')
    assert caught.value.reason == "bad_encoding"
    assert "the XML prolog" in str(caught.value)
