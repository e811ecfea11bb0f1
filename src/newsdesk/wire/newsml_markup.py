"""The body markup IPTC formats carry (XHTML, NITF, plain text) as body HTML, and their XML parsing.

Shared by the NewsML-G2, NewsML 1.2 and ninjs readers. The HTML made here is
not yet safe: the extract stage sanitises every body last. What is done here
is what the sanitiser cannot know: NITF's element names (``hl2``, ``bq``,
``block``), the parts of a body that are not text (media, editors' notes),
and whitespace that XML pretty-printing put inside paragraphs.

Parsing goes through ``core.xml``, the one hardened lxml parser (no DTD, no
entity expansion, no network, no huge trees), which refuses a document that
declares entities at all (``unsafe_xml``): wire formats never need them, and
they are what billion-laughs and external-entity attacks are made of.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

import nh3
from dateutil import parser as date_parser
from lxml import etree
from lxml import html as lxml_html

from newsdesk.core.errors import IngestError
from newsdesk.core.markup import markup_limits_check
from newsdesk.core.xml import xml_parse as core_xml_parse

_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# NITF names that have an HTML equivalent (hl1 is the headline again: as h1 it is dropped);
# anything else unknown is unwrapped by the sanitiser.
_RENAME = {"hl1": "h1", "hl2": "h2", "bq": "blockquote", "block": "div", "credit": "cite"}
# Parts of a body that are not its text: pictures and their captions, editors' notes, page furniture.
# h1 is dropped too: it is the headline again (TT sends whole pages), and the headline is shown apart.
_DROP = frozenset({"media", "note", "ed", "head", "title", "script", "style", "object", "fn", "body.end", "body.head", "h1"})
_TRIMMED = frozenset({"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt", "figcaption"})
_BLOCK_ELEMENTS = frozenset({"p", "ul", "ol", "dl", "table", "blockquote", "h2", "h3", "h4", "h5", "h6", "figure", "pre", "hr"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "header", "footer", "aside", "body", "nitf", "body.content"})
_LOOSE_TEXT_MIN = 20  # characters (not words: Chinese and Japanese paragraphs have no spaces)
_DOCUMENT = re.compile(r"<(?:html|body)[\s>]", re.I)
_TAG = re.compile(r"<[^>]+>")
_KEPT_ATTRIBUTES = frozenset({"href", "src", "alt", "title"})
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # C0 controls and non-characters lxml refuses


def xml_parse(text: str, *, what: str, reason: str) -> etree._Element:
    """The root element of a decoded XML text.

    Raises IngestError(reason, …) for XML that is not well-formed, and
    IngestError('unsafe_xml', …) for a document that declares entities.
    """
    try:
        return core_xml_parse(text.lstrip())
    except IngestError as error:
        if error.reason != "bad_xml":
            raise
        raise IngestError(reason, f"invalid {what}: {error.message}") from None


def local(element: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and processing instructions).

    Only a name in Clark notation ("{uri}name") has a namespace: the HTML parser
    lets "}" into a plain name ("<A}" is the element "a}<"; issue 6, fuzzing).
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def child(element: etree._Element | None, *names: str) -> etree._Element | None:
    """The first direct child with one of these local names, in any namespace or none."""
    if element is None:
        return None
    return next(element.iterchildren(*(f"{{*}}{name}" for name in names)), None)


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if element is None else list(element.iterchildren(f"{{*}}{name}"))


def descendant(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first element below this one with this local name, in any namespace or none."""
    if element is None:
        return None
    return next(element.iterdescendants(f"{{*}}{name}"), None)


def text_of(element: etree._Element | None) -> str:
    """An element's text, tags removed and whitespace collapsed ("" for None)."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def when(value: str | None) -> datetime | None:
    """An ISO 8601 date or time (extended or basic form: NewsML 1.2 writes 20130731T153200+0000) in UTC.

    A time without an offset is taken as UTC; a malformed one is no date at all.
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        try:
            moment = date_parser.isoparse(value)
        except (ValueError, OverflowError):
            return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before the first representable moment
        return None


def one_line(value: str) -> str:
    """A headline, byline or caption given as text or HTML: tags removed, entities decoded, whitespace collapsed."""
    if value:
        markup_limits_check(value)  # escaped markup is unescaped by now: check it before the sanitiser parses it
    return " ".join(html.unescape(nh3.clean(value, tags=set())).split()) if value else ""


def text_to_html(value: str) -> str:
    """Plain wire text as paragraphs: blank lines separate them, or else every line is one."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not value:
        return ""
    parts = _BLANK_LINE.split(value) if _BLANK_LINE.search(value) else value.split("\n")
    paragraphs = [" ".join(part.split()) for part in parts]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)


def markup_to_html(nodes: Iterable[etree._Element], *, leading_text: str = "") -> str:
    """XHTML or NITF elements (and text before them) as body HTML: namespaces and NITF names gone, paragraphs made."""
    container = etree.Element("div")
    container.text = leading_text or None
    for node in nodes:
        if local(node):
            container.append(copy.deepcopy(node))
    return _body(container)


def html_to_body(value: str) -> str:
    """An HTML body as a wire sends it (a fragment, or a whole page with <html> and <body>) as body HTML."""
    markup_limits_check(value, max_elements=None)  # escaped in the XML or JSON it came in, so not checked by wire.read
    value = _NOT_XML.sub("", value)  # a JSON body may hold "\u001f", which lxml refuses to set as text
    if _DOCUMENT.search(value):
        body = lxml_html.document_fromstring(value).find("body")
        if body is None:
            return ""
        leading, nodes = body.text or "", list(body)
    else:
        fragments = lxml_html.fragments_fromstring(value)
        leading = fragments.pop(0) if fragments and isinstance(fragments[0], str) else ""
        nodes = [f for f in fragments if not isinstance(f, str)]
    container = lxml_html.Element("div")
    container.text = leading or None
    for node in nodes:
        container.append(node)
    return _body(container)


def without_lead_figure(body_html: str, caption: str | None) -> str:
    """The body without a <figure> that repeats the lead picture's caption: the picture is shown once."""
    if not caption or "<figure" not in body_html:
        return body_html
    container = lxml_html.fragment_fromstring(body_html, create_parent="div")
    wanted = " ".join(caption.split())
    for figure in list(container.iter("figure")):
        alts = [" ".join((img.get("alt") or "").split()) for img in figure.iter("img")]
        if wanted in " ".join(figure.text_content().split()) or wanted in alts:
            _drop(figure)
    return _inner_html(container)


@dataclass(frozen=True)
class NitfStory:
    """What an NITF document says: its headline, byline, abstract, dateline and body as HTML."""

    headline: str = ""
    byline: str = ""
    summary: str = ""
    dateline: str = ""
    body_html: str = ""


def nitf_story(nitf: etree._Element) -> NitfStory:
    """Read an ``<nitf>`` element (or its ``<body>``): hl1, byline (without its title), abstract, dateline, body.content."""
    body = nitf if local(nitf) == "body" else child(nitf, "body")
    head = child(body, "body.head")
    content = child(body, "body.content")
    byline = child(head, "byline")
    if byline is not None and text_of(byline) != text_of(descendant(byline, "byttl")):
        byline = copy.deepcopy(byline)
        for title in [e for e in byline.iter() if local(e) == "byttl"]:
            _drop(title)  # "By Meredith Jameson, <byttl>Staff Reporter</byttl>": the title is not the name
    dateline = child(head, "dateline")
    return NitfStory(
        headline=text_of(descendant(child(head, "hedline"), "hl1")),
        byline=byline_tidy(text_of(byline)),
        summary=text_of(child(head, "abstract")),
        dateline=text_of(child(dateline, "location")) or text_of(dateline),
        body_html=markup_to_html(content if content is not None else ()),
    )


def nitf_parse(text: str) -> NitfStory:
    """An NITF document given as a string (a ninjs body of type text/vnd.IPTC.NITF)."""
    root = xml_parse(text, what="NITF body", reason="invalid_ninjs")
    nitf = root if local(root) in ("nitf", "body") else descendant(root, "nitf")
    return nitf_story(nitf) if nitf is not None else NitfStory()


def _body(container: etree._Element) -> str:
    """Tidy a container of body markup and return its paragraphs and other blocks as HTML."""
    for node in list(container.iter()):
        if node is not container and (not local(node) or _RENAME.get(local(node), local(node)) in _DROP):
            _drop(node)
    for node in container.iter():
        tag = local(node)
        if node.tag != (renamed := _RENAME.get(tag, tag)):  # setting an unchanged name would re-check it ('scr<script')
            node.tag = renamed
        for attribute in list(node.attrib):
            if attribute.rsplit("}", 1)[-1] not in _KEPT_ATTRIBUTES:  # not QName: it refuses names HTML parsing lets through ('`')
                del node.attrib[attribute]
        if node.tag != "pre":
            node.text = _collapse(node.text)
            node.tail = _collapse(node.tail)
    etree.cleanup_namespaces(container)
    for node in list(container.iter()):
        if node.tag in _TRIMMED:
            _trim(node)
        if node.tag in ("p", "li") and not "".join(node.itertext()).strip() and node.find(".//img") is None:
            _drop(node)  # XML pretty-printing leaves empty paragraphs
    return "".join(_blocks(container)).strip()


def _blocks(container: etree._Element) -> list[str]:
    """The container's blocks in order. Text outside any block is a paragraph of its own when it reads
    like one; a short run beside real paragraphs (a kicker, "Försvar TT") is page furniture and goes.
    A body with no blocks at all (a one-paragraph fragment) is one paragraph."""
    if not _has_block(container):
        inner = _inner_html(container)
        return [f"<p>{inner}</p>"] if _text_length(inner) else []
    found: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run).strip()
        run.clear()
        if _text_length(text) >= _LOOSE_TEXT_MIN:
            found.append(f"<p>{text}</p>")

    run.append(html.escape(container.text or "", quote=False))
    for node in container:
        if node.tag in _BLOCK_ELEMENTS:
            flush()
            found.append(_outer_html(node))
        elif node.tag in _CONTAINERS:
            flush()
            found.extend(_container_blocks(node))
        else:
            run.append(_outer_html(node))
        run.append(html.escape(node.tail or "", quote=False))
    flush()
    return found


def _container_blocks(node: etree._Element) -> list[str]:
    """A <div> inside a body: its own blocks, or one paragraph when it holds text that reads like one."""
    if _has_block(node):
        return _blocks(node)
    inner = _inner_html(node)
    return [f"<p>{inner}</p>"] if _text_length(inner) >= _LOOSE_TEXT_MIN else []


def _has_block(element: etree._Element) -> bool:
    return any(node.tag in _BLOCK_ELEMENTS for node in element.iter() if node is not element)


def _outer_html(node: etree._Element) -> str:
    return etree.tostring(node, encoding="unicode", method="html", with_tail=False)


def _inner_html(node: etree._Element) -> str:
    parts = [html.escape(node.text or "", quote=False)]
    for inner in node:
        parts.append(_outer_html(inner))
        parts.append(html.escape(inner.tail or "", quote=False))
    return "".join(parts).strip()


def _text_length(markup: str) -> int:
    return len("".join(_TAG.sub("", markup).split()))


def _drop(node: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _trim(node: etree._Element) -> None:
    """No space just inside a paragraph's tags (XML indentation, not text)."""
    if node.text:
        node.text = node.text.lstrip() or None
    last = node[-1] if len(node) else None
    if last is not None:
        if last.tail:
            last.tail = last.tail.rstrip() or None
    elif node.text:
        node.text = node.text.rstrip() or None


def _collapse(value: str | None) -> str | None:
    return None if value is None else _SPACE.sub(" ", value)


def byline_tidy(value: str) -> str:
    """A byline without the "By" wires print before it ("By Meredith Jameson," → "Meredith Jameson")."""
    value = " ".join(value.split()).rstrip(",;").strip()
    return re.sub(r"^by\s+", "", value, flags=re.I)
