"""Hypothesis strategies for payloads shaped like what the wire sends, with hostile values in every slot.

Each format has a strategy that builds a document the way that format is
written (RSS, Atom, JSON Feed, ninjs, NewsML-G2, NewsML 1.2, an HTML
page, a text capture), fills its fields from ``hostile_text`` (XSS vectors, dangerous
links, entities, control characters, random text), sometimes with the
wrong type or a value escaped the wrong way, then encodes it (UTF-8,
UTF-16, Latin-1, with or without a byte-order mark or a declaration that
may lie) and sometimes cuts it short or splices in random bytes.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from vectors import LINKS, XSS_VECTORS  # noqa: E402  (the corpus's vectors, tests/hostile/vectors.py)

SNIPPETS = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "<a href='https://news.example/a'>", "</a>", "<br>", "<ul><li>", "</li></ul>",
    "<table><tr><td>", "</td></tr></table>", "<figure><img src='https://img.example/a.jpg'><figcaption>", "</figcaption></figure>",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<style>", "</style>", "<!--", "-->",
    "<![CDATA[", "]]>", "&amp;", "&lt;", "&gt;", "&#x3C;", "&#0;", "&nbsp;", "&bogus;", "&", "<", ">", "\"", "'", "=", "\n", "\n\n",
    "\r", "\t", "\x00", "\x0b", "\x1b", "\u2028", "\ufeff", "\ufffe", "\ud7ff", "\U0001f600", "–", "—", "“", "”", "…",
    "BEIJING –", "LONDON (Reuters) -", "By ", " – CNN", "40 views", "HIGHLIGHTS", "7 hours ago", "September 04, 2025",
    "Photo: ", "(AP Photo/Jane Doe)", "Getty Images", "Advertisement", "Read more", "javascript:", "data:", "http://", "https://",
]
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DATES = [
    "2025-09-04T08:00:00Z", "2025-09-04T08:00:00+02:00", "2025-09-04", "Thu, 04 Sep 2025 08:00:00 +0000", "Thu, 04 Sep 2025 08:00:00 GMT",
    "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00", "2025-02-30T25:61:61Z", "yesterday", "", "-1", "1e309", "20250904T080000+0000",
]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(XSS_VECTORS),
    st.sampled_from(LINKS),
    st.sampled_from(DATES),
    st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=8)), max_size=12).map("".join),
)
url_text = st.one_of(st.sampled_from(LINKS), st.just("https://news.example/story/1"), st.just("/relative/path"), hostile_text)
prose = st.lists(st.sampled_from([
    "The harbour reopened on Thursday after repairs to the quay wall.", "Traders said the closure had cost them a third of their sales.",
    "“We waited long enough,” said the harbour master.", "The council will publish its repair schedule next month.",
]), min_size=1, max_size=4).map(" ".join)
body_text = st.one_of(prose, hostile_text, st.tuples(prose, hostile_text, prose).map(" ".join))


def _maybe(draw, strategy, probability: float = 0.7):
    return draw(strategy) if draw(st.floats(0, 1)) < probability else None


@st.composite
def xml_value(draw, strategy=hostile_text) -> str:
    """A value as an XML document carries it: escaped, in CDATA, or raw (which may break the document)."""
    value = draw(strategy)
    if draw(st.floats(0, 1)) < 0.85:  # mostly characters XML allows, so that most documents parse and reach the extractor
        value = _NOT_XML.sub("", value)
    how = draw(st.sampled_from(["escape"] * 12 + ["cdata"] * 7 + ["raw"]))
    if how == "escape":
        return xml_escape(value)
    if how == "cdata":
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    return value


@st.composite
def rss_text(draw) -> str:
    items = []
    for _ in range(draw(st.integers(0, 3))):
        parts = []
        for element, strategy in (
            ("title", hostile_text), ("link", url_text), ("guid", hostile_text), ("pubDate", st.sampled_from(DATES)),
            ("dc:creator", hostile_text), ("author", hostile_text), ("category", hostile_text), ("description", body_text),
            ("content:encoded", body_text),
        ):
            if (value := _maybe(draw, xml_value(strategy))) is not None:
                parts.append(f"<{element}>{value}</{element}>")
        if (image := _maybe(draw, url_text, 0.4)) is not None:
            parts.append(f'<enclosure url="{xml_escape(image, {chr(34): "&quot;"})}" type="image/jpeg"/>')
            parts.append(f'<media:content url="{xml_escape(image, {chr(34): "&quot;"})}" medium="image"><media:description>{draw(xml_value())}</media:description><media:credit>{draw(xml_value())}</media:credit></media:content>')
        items.append("<item>" + "".join(draw(st.permutations(parts))) + "</item>")
    root = draw(st.sampled_from(["rss version=\"2.0\"", "rss", "rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""]))
    name = root.split()[0]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{root} xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>{draw(xml_value())}</title><link>{draw(xml_value(url_text))}</link><description>{draw(xml_value())}</description>"
        + "".join(items)
        + f"</channel></{name}>"
    )


@st.composite
def atom_text(draw) -> str:
    entries = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["html", "text", "xhtml"]))
        content = draw(xml_value(body_text)) if kind != "xhtml" else f'<div xmlns="http://www.w3.org/1999/xhtml">{xml_escape(draw(body_text))}</div>'
        entries.append(
            f'<entry><title type="{draw(st.sampled_from(["html", "text"]))}">{draw(xml_value())}</title><id>{draw(xml_value())}</id>'
            f'<link rel="alternate" href="{xml_escape(draw(url_text), {chr(34): "&quot;"})}"/><updated>{draw(st.sampled_from(DATES))}</updated>'
            f"<author><name>{draw(xml_value())}</name></author><category term=\"{xml_escape(draw(hostile_text), {chr(34): '&quot;'})}\"/>"
            f'<summary type="html">{draw(xml_value(body_text))}</summary><content type="{kind}">{content}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{draw(xml_value())}</title><id>urn:fuzz</id><updated>{draw(st.sampled_from(DATES))}</updated>" + "".join(entries) + "</feed>"
    )


json_junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=10), children, max_size=3)),
    max_leaves=8,
)


def _json_field(draw, good) -> Any:
    """Mostly a value of the right shape, sometimes junk of any type."""
    return draw(json_junk) if draw(st.floats(0, 1)) < 0.15 else draw(good)


@st.composite
def json_feed_text(draw) -> str:
    items = []
    for _ in range(draw(st.integers(1, 3))):
        item: dict[str, Any] = {}
        for key, good, likely in (
            ("id", hostile_text, 0.5), ("url", url_text, 0.5), ("title", hostile_text, 0.9), ("content_html", body_text, 0.8),
            ("content_text", body_text, 0.3), ("summary", hostile_text, 0.5), ("image", url_text, 0.4), ("date_published", st.sampled_from(DATES), 0.5),
            ("authors", st.lists(st.fixed_dictionaries({"name": hostile_text}), max_size=2), 0.5), ("tags", st.lists(hostile_text, max_size=3), 0.5),
        ):
            if draw(st.floats(0, 1)) < likely:
                item[key] = _json_field(draw, good)
        items.append(item)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": _json_field(draw, hostile_text), "items": items}
    if draw(st.floats(0, 1)) < 0.1:
        feed["items"] = draw(json_junk)
    return json.dumps(feed, ensure_ascii=draw(st.booleans()))


@st.composite
def ninjs_story(draw) -> dict[str, Any]:
    """A ninjs 3.x text item the schema accepts, hostile only in its values."""
    item: dict[str, Any] = {
        "uri": "urn:fuzz:" + draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:-", min_size=1, max_size=20)),
        "type": "text",
        "headlines": [{"role": "main", "value": draw(hostile_text)}],
        "bodies": [{"role": "main", "contentType": draw(st.sampled_from(["text/html", "text/plain"])), "value": draw(body_text)}],
    }
    optional = {
        "language": st.sampled_from(["en", "en-GB", "pt"]),
        "versionCreated": st.sampled_from(["2025-09-04T08:00:00Z", "2025-09-04T08:00:00+02:00"]),
        "descriptions": st.lists(st.fixed_dictionaries({"role": st.just("summary"), "value": hostile_text}), max_size=1),
        "located": hostile_text,
        "by": hostile_text,
        "urgency": st.integers(1, 9),
        "associations": st.lists(st.fixed_dictionaries({
            "name": st.just("lead-image"), "type": st.just("picture"), "uri": st.just("urn:fuzz:photo"), "by": hostile_text,
            "descriptions": st.lists(st.fixed_dictionaries({"role": st.just("caption"), "value": hostile_text}), max_size=1),
            "renditions": st.lists(st.fixed_dictionaries({"href": url_text, "width": st.integers(1, 5000), "contentType": st.just("image/jpeg")}), max_size=2),
        }), max_size=1),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            item[key] = draw(strategy)
    return item


@st.composite
def ninjs_item(draw) -> dict[str, Any]:
    """Mostly a valid story; sometimes one with wrong types, unknown versions and 1.x names mixed in."""
    item = draw(ninjs_story())
    if draw(st.floats(0, 1)) < 0.6:
        return item
    for key, good in (
        ("uri", hostile_text), ("type", st.sampled_from(["text", "picture", "video", "composite", "event", "planning", "bogus"])),
        ("version", st.sampled_from(["1", "2", "3"])), ("language", st.sampled_from(["../x", ""])),
        ("versionCreated", st.sampled_from(DATES)), ("firstCreated", st.sampled_from(DATES)),
        ("headline", hostile_text), ("body_html", body_text), ("body_text", body_text), ("urgency", st.integers(-3, 12)),
        ("bodies", st.lists(st.fixed_dictionaries({"contentType": st.sampled_from(["application/xhtml+xml", "text/vnd.IPTC.NITF+xml", "bogus"]), "value": body_text}), max_size=2)),
    ):
        if draw(st.floats(0, 1)) < 0.2:
            item[key] = _json_field(draw, good)
    return item


@st.composite
def ninjs_text(draw) -> str:
    value = draw(st.lists(ninjs_item(), min_size=1, max_size=3)) if draw(st.floats(0, 1)) < 0.2 else draw(ninjs_item())
    return json.dumps(value, ensure_ascii=draw(st.booleans()))


@st.composite
def xhtml(draw) -> str:
    """Well-formed XHTML body elements with hostile text and attributes (so they are elements, not text)."""
    blocks = []
    for _ in range(draw(st.integers(1, 4))):
        tag = draw(st.sampled_from(["p", "h2", "blockquote", "script", "img", "a", "iframe", "ul", "table", "b"]))
        attribute = draw(st.sampled_from(["", ' onclick="alert(1)"', f' href="{xml_escape(draw(url_text), {chr(34): "&quot;"})}"',
                                          f' src="{xml_escape(draw(url_text), {chr(34): "&quot;"})}"', ' style="x:expression(alert(1))"']))
        blocks.append(f"<{tag}{attribute}>{xml_escape(draw(body_text))}</{tag}>")
    return "".join(blocks)


@st.composite
def newsml_g2_text(draw) -> str:
    items = []
    for _ in range(draw(st.integers(1, 2))):
        content_kind = draw(st.sampled_from(["inlineData-html", "inlineData-text", "xhtml", "xhtml", "nitf", "nitf", "remote", "none"]))
        if content_kind.startswith("inlineData"):
            content = f'<inlineData contenttype="{"text/html" if content_kind.endswith("html") else "text/plain"}">{draw(xml_value(body_text))}</inlineData>'
        elif content_kind == "xhtml":
            content = f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>{draw(xhtml())}</body></html></inlineXML>'
        elif content_kind == "nitf":
            content = (
                '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head>'
                f"<hedline><hl1>{draw(xml_value())}</hl1></hedline><byline>{draw(xml_value())}</byline></body.head><body.content>"
                f'<p>{draw(xml_value(body_text))}</p><media media-type="image"><media-reference source="{xml_escape(draw(url_text), {chr(34): "&quot;"})}"/>'
                f"<media-caption>{draw(xml_value())}</media-caption></media><p>{draw(xml_value(body_text))}</p></body.content></body></nitf></inlineXML>"
            )
        elif content_kind == "remote":
            content = f'<remoteContent href="{xml_escape(draw(url_text), {chr(34): "&quot;"})}" contenttype="image/jpeg"/>'
        else:
            content = ""
        item_class = draw(st.sampled_from(["ninat:text"] * 6 + ["ninat:picture", "ninat:composite", "bogus"]))
        items.append(
            f'<newsItem guid="{xml_escape(draw(hostile_text), {chr(34): "&quot;"})}" version="1" standard="NewsML-G2" standardversion="2.35">'
            f'<itemMeta><itemClass qcode="{item_class}"/><provider literal="fuzz"/><versionCreated>{draw(st.sampled_from(DATES))}</versionCreated>'
            f'<pubStatus qcode="{draw(st.sampled_from(["stat:usable"] * 4 + ["stat:canceled", "x"]))}"/></itemMeta>'
            f"<contentMeta><headline>{draw(xml_value())}</headline><dateline>{draw(xml_value())}</dateline>"
            f"<creator><name>{draw(xml_value())}</name></creator><description role=\"drol:summary\">{draw(xml_value())}</description>"
            f"<located><name>{draw(xml_value())}</name></located></contentMeta><contentSet>{content}</contentSet></newsItem>"
        )
    namespace = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
    if len(items) == 1 and draw(st.booleans()):
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + items[0].replace("<newsItem ", f"<newsItem {namespace} ", 1)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage {namespace}><header><sent>2025-09-04T08:00:00Z</sent></header><itemSet>{"".join(items)}</itemSet></newsMessage>'


@st.composite
def newsml1_text(draw) -> str:
    """NewsML 1.2 as Business Wire sends it: NewsItems of NewsComponents with a Role, the body as XHTML, NITF or text."""
    items = []
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["xhtml", "xhtml", "nitf", "html", "text", "none"]))
        if kind == "xhtml":
            data = f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{draw(xhtml())}</body></html>'
        elif kind == "nitf":
            data = f"<nitf><body><body.content><p>{draw(xml_value(body_text))}</p></body.content></body></nitf>"
        else:
            data = draw(xml_value(body_text)) if kind != "none" else ""
        mime = {"xhtml": "text/vnd.IPTC.XHTML", "nitf": "text/vnd.IPTC.NITF", "html": "text/html"}.get(kind, "text/plain")
        role = draw(st.sampled_from(["Body", "Body", "Main", "Photo", "Bogus"]))
        photo = (
            f'<NewsComponent><Role FormalName="Photo"/><NewsLines><HeadLine>{draw(xml_value())}</HeadLine></NewsLines>'
            f'<ContentItem Href="{xml_escape(draw(url_text), {chr(34): "&quot;"})}"><MimeType FormalName="image/jpeg"/>'
            f'<Characteristics><Property FormalName="PixelWidth" Value="{xml_escape(draw(hostile_text), {chr(34): "&quot;"})}"/></Characteristics></ContentItem></NewsComponent>'
            if draw(st.booleans()) else ""
        )
        items.append(
            f"<NewsItem><Identification><NewsIdentifier><ProviderId>{draw(xml_value())}</ProviderId><DateId>20250904</DateId>"
            f"<NewsItemId>{draw(xml_value())}</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>"
            f'<NewsManagement><FirstCreated>{draw(st.sampled_from(DATES))}</FirstCreated><Status FormalName="{draw(st.sampled_from(["Usable"] * 4 + ["Canceled"]))}"/></NewsManagement>'
            f"<NewsComponent><NewsLines><HeadLine>{draw(xml_value())}</HeadLine><DateLine>{draw(xml_value())}</DateLine><ByLine>{draw(xml_value())}</ByLine></NewsLines>"
            f'<Metadata><Property FormalName="BWIndustryKeyword" Value="{xml_escape(draw(hostile_text), {chr(34): "&quot;"})}"/></Metadata>'
            f'<NewsComponent><Role FormalName="{role}"/><ContentItem><MimeType FormalName="{mime}"/><DataContent>{data}</DataContent></ContentItem></NewsComponent>'
            f"{photo}</NewsComponent></NewsItem>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<NewsML><NewsEnvelope><SentFrom><Party FormalName="Business Wire"/></SentFrom></NewsEnvelope>'
        + "".join(items) + "</NewsML>"
    )


@st.composite
def html_page_text(draw) -> str:
    """A page whose own markup is hostile: values go in raw (body, caption, byline) or attribute-escaped."""
    json_ld = json.dumps({"@type": "NewsArticle", "headline": draw(hostile_text), "author": {"name": draw(hostile_text)},
                          "datePublished": draw(st.sampled_from(DATES)), "image": draw(url_text)}).replace("</", "<\\/")
    paragraphs = "".join(f"<p>{draw(body_text)}</p>" for _ in range(draw(st.integers(1, 5))))
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(draw(hostile_text))}</title>"
        f'<meta property="og:title" content="{html.escape(draw(hostile_text))}"><meta property="og:image" content="{html.escape(draw(url_text))}">'
        f'<link rel=canonical href="{html.escape(draw(url_text))}"><script type="application/ld+json">{json_ld}</script></head>'
        f"<body><article><h1>{draw(hostile_text)}</h1><p class=byline>By {draw(hostile_text)}</p>"
        f'<figure><img src="{html.escape(draw(url_text))}"><figcaption>{draw(hostile_text)}</figcaption></figure>'
        f"{paragraphs}</article></body></html>"
    )


@st.composite
def capture_text(draw) -> str:
    headline = draw(st.one_of(hostile_text, st.tuples(st.just("Harbour reopens after repairs"), hostile_text).map(" ".join)))
    lines = [draw(st.sampled_from(["World", "Business", "Sport", ""])), "", headline, "", draw(st.sampled_from(DATES))]
    lines += [draw(hostile_text), draw(hostile_text), ""]
    for _ in range(draw(st.integers(2, 6))):
        lines += [draw(st.one_of(prose, prose, body_text)), ""]
    lines += draw(st.lists(st.sampled_from(["40 views", "HIGHLIGHTS", "World", "7 hours ago", "– CNN"]), max_size=4))
    return "\n".join(lines)


CHARSETS = ["utf-8"] * 10 + ["utf-8-sig", "utf-16", "utf-16-be", "latin-1", "cp1252"]


@st.composite
def encoded(draw, text_strategy) -> tuple[bytes, str]:
    """(payload, Content-Type): the text encoded one way, perhaps declared another, perhaps damaged."""
    text = draw(text_strategy)
    charset = draw(st.sampled_from(CHARSETS))
    payload = text.encode(charset, "replace") if charset != "utf-8" else text.encode("utf-8", "surrogatepass")
    if charset == "utf-16-be" and draw(st.booleans()):
        payload = codecs.BOM_UTF16_BE + payload
    declared = draw(st.sampled_from(["", "", "text/xml", f"text/html; charset={charset}", "application/json; charset=utf-16", "text/plain; charset=utf-7"]))
    damage = draw(st.sampled_from(["none"] * 8 + ["truncate", "splice"]))
    if damage == "truncate" and payload:
        payload = payload[: draw(st.integers(0, len(payload)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(payload)))
        payload = payload[:at] + draw(st.binary(max_size=16)) + payload[at:]
    return payload, declared


SHAPES = {
    "capture": capture_text(),
    "html": html_page_text(),
    "rss": rss_text(),
    "atom": atom_text(),
    "json_feed": json_feed_text(),
    "ninjs": ninjs_text(),
    "newsml_g2": newsml_g2_text(),
    "newsml1": newsml1_text(),
}
