"""XML attacks: refused or read safely in under a second, nothing read from disk (issue 3, point 5).

Each attack is tried on the core parser (``xml_parse``), on the bare hardened
lxml parser (the second line of defence, without the DOCTYPE refusal), and
through the wire stage's RSS/Atom path (``newsdesk.wire.read``). Local files
that an attack points at carry a marker; the marker must never come back.
"""

from __future__ import annotations

import time

import pytest
from lxml import etree

import newsdesk.wire
from newsdesk.core.errors import IngestError
from newsdesk.core.xml import doctype_internal_subset, xml_entities_refuse, xml_parse, xml_parser

MARKER = "SECRET-MARKER-7f3a"


@pytest.fixture
def secrets(tmp_path):
    """A file and an external DTD on disk that an attack would like to read."""
    secret = tmp_path / "secret.txt"
    secret.write_text(MARKER)
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak "{MARKER}">')
    return {"file": secret.as_uri(), "dtd": dtd.as_uri()}


def billion_laughs(root: str = "doc", body: str = "&lol9;") -> str:
    levels = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n' + "\n".join(levels) + "\n]>\n" + body


def quadratic(body_refs: int = 2000, size: int = 5000) -> tuple[str, str]:
    return f'<!DOCTYPE doc [<!ENTITY a "{"a" * size}">]>', "&a;" * body_refs


def attacks(secrets) -> dict[str, str]:
    quad_doctype, quad_refs = quadratic()
    return {
        "billion laughs": billion_laughs(body="<doc>&lol9;</doc>"),
        "quadratic blowup": f"{quad_doctype}<doc>{quad_refs}</doc>",
        "external entity": f'<!DOCTYPE doc [<!ENTITY xxe SYSTEM "{secrets["file"]}">]><doc>&xxe;</doc>',
        "external entity /etc/passwd": '<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><doc>&xxe;</doc>',
        "parameter entities": f'<!DOCTYPE doc [<!ENTITY % ext SYSTEM "{secrets["dtd"]}"> %ext;]><doc>&leak;</doc>',
        "entity hidden after a ] in a literal": f'<!DOCTYPE doc [<!ATTLIST doc a CDATA "]>"><!ENTITY xxe SYSTEM "{secrets["file"]}">]><doc>&xxe;</doc>',
        "doctype after a comment naming one": f'<!-- <!DOCTYPE --><!DOCTYPE doc [<!ENTITY xxe SYSTEM "{secrets["file"]}">]><doc>&xxe;</doc>',
    }


@pytest.mark.parametrize(
    "name",
    ["billion laughs", "quadratic blowup", "external entity", "external entity /etc/passwd", "parameter entities",
     "entity hidden after a ] in a literal", "doctype after a comment naming one"],
)
def test_an_entity_declaring_doctype_is_refused_quickly(secrets, name):
    document = attacks(secrets)[name]
    for form in (document, document.encode("utf-8"), document.encode("utf-16")):
        started = time.perf_counter()
        with pytest.raises(IngestError) as refused:
            xml_parse(form)
        assert refused.value.reason == "unsafe_xml"
        assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("name", ["billion laughs", "quadratic blowup", "external entity", "external entity /etc/passwd", "parameter entities"])
def test_the_hardened_parser_alone_expands_nothing_and_reads_nothing(secrets, name):
    """Defence in depth: even without the DOCTYPE refusal, lxml with our options neither expands nor reads."""
    document = attacks(secrets)[name].encode()
    started = time.perf_counter()
    try:
        root = etree.fromstring(document, parser=xml_parser())
        text = etree.tostring(root, encoding="unicode", method="text")
    except etree.XMLSyntaxError:
        text = ""
    assert time.perf_counter() - started < 1.0
    assert MARKER not in text and "root:" not in text
    assert len(text) < len(document)


def test_an_external_dtd_is_not_loaded(secrets):
    root = xml_parse(f'<!DOCTYPE doc SYSTEM "{secrets["dtd"]}"><doc>safe &amp; sound</doc>')
    assert root.text == "safe & sound"
    root = etree.fromstring(f'<!DOCTYPE doc SYSTEM "{secrets["dtd"]}"><doc>&leak;</doc>'.encode(), parser=xml_parser())
    assert MARKER not in etree.tostring(root, encoding="unicode")


def test_an_ordinary_document_and_a_public_doctype_parse():
    rss091 = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        "<rss version=\"0.91\"><channel><title>Caf\u00e9</title><!-- a comment --></channel></rss>"
    )
    root = xml_parse(rss091)
    assert root.findtext("channel/title") == "Caf\u00e9" and len(root.find("channel")) == 1  # comment removed
    assert doctype_internal_subset(rss091) == ""
    xml_entities_refuse(rss091)  # no entities: nothing to refuse


def test_malformed_xml_is_a_bad_xml_error():
    with pytest.raises(IngestError) as failed:
        xml_parse("<doc><unclosed></doc>")
    assert failed.value.reason == "bad_xml"


def test_a_tree_deeper_than_libxml2_allows_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(IngestError):
        xml_parse("<a>" * 100_000 + "</a>" * 100_000)
    assert time.perf_counter() - started < 1.0


def _rss(doctype: str, title: str, description: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>{title}</title><link>https://example.com/a</link><description>{description}</description></item>"
        "</channel></rss>"
    ).encode()


def _atom(doctype: str, title: str, summary: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id>'
        f"<entry><title>{title}</title><id>urn:x:1</id><updated>2025-09-04T10:00:00Z</updated><summary>{summary}</summary></entry></feed>"
    ).encode()


def wire_feeds(secrets) -> dict[str, bytes]:
    laughs = billion_laughs(root="rss", body="").split("\n", 1)[1].rstrip()
    small_quad_doctype, small_quad_refs = quadratic(body_refs=2000, size=5000)
    big_quad_doctype, big_quad_refs = quadratic(body_refs=1000, size=50_000)  # a DOCTYPE past the format sniffer's window
    return {
        "billion laughs RSS": _rss(laughs, "Laughs &lol9;", "Body &lol9;"),
        "quadratic blowup Atom": _atom(small_quad_doctype.replace("doc", "feed"), "Quad &a;&a;", small_quad_refs),
        "quadratic blowup Atom, huge DOCTYPE": _atom(big_quad_doctype.replace("doc", "feed"), "Quad &a;", big_quad_refs),
        "XXE RSS": _rss(f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secrets["file"]}">]>', "Leak &xxe;", "Body &xxe;"),
        "XXE RSS /etc/passwd": _rss('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "Leak &xxe;", "Body &xxe;"),
        "parameter entity Atom": _atom(f'<!DOCTYPE feed [<!ENTITY % ext SYSTEM "{secrets["dtd"]}"> %ext;]>', "Leak &leak;", "Body &leak;"),
        "external DTD RSS": _rss(f'<!DOCTYPE rss SYSTEM "{secrets["dtd"]}">', "Leak &leak;", "Body &leak;"),
    }


@pytest.mark.parametrize(
    "name",
    ["billion laughs RSS", "quadratic blowup Atom", "quadratic blowup Atom, huge DOCTYPE", "XXE RSS", "XXE RSS /etc/passwd",
     "parameter entity Atom", "external DTD RSS"],
)
def test_the_feed_path_refuses_or_reads_attacks_safely(secrets, name):
    payload = wire_feeds(secrets)[name]
    started = time.perf_counter()
    try:
        documents = newsdesk.wire.read(payload, origin="x")
    except IngestError as refused:
        assert refused.reason
        documents = []
    assert time.perf_counter() - started < 1.0
    for document in documents:
        for seen in (document.text, document.entry.title if document.entry else ""):
            assert MARKER not in seen and "root:x:0:0" not in seen
            assert "lollollol" not in seen
            assert len(seen) <= len(payload)  # nothing expanded


@pytest.mark.parametrize("name", ["billion laughs RSS", "quadratic blowup Atom", "XXE RSS", "parameter entity Atom"])
def test_the_feed_path_names_the_reason_for_an_entity_declaring_feed(secrets, name):
    with pytest.raises(IngestError) as refused:
        newsdesk.wire.read(wire_feeds(secrets)[name], origin="x")
    assert refused.value.reason == "unsafe_xml"


def test_a_feed_with_a_public_doctype_still_reads():
    payload = _rss('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">', "Harbour reopens", "Ships sail again.")
    documents = newsdesk.wire.read(payload, origin="x")
    assert [d.entry.title for d in documents] == ["Harbour reopens"]
