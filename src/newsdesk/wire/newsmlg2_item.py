"""One NewsML-G2 item (or a guideline fragment of one) decoded into a small struct.

Elements are matched by local name, so a document that binds the NewsML-G2
namespace to a prefix, uses none (the IPTC guidelines' fragments) or nests
NITF and XHTML in their own namespaces reads the same. The body comes from the
first ``contentSet`` member we can read: inline NITF (``body.content``),
inline XHTML (``html/body``, or bare ``<p>``s) or inline plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from newsdesk.wire.newsml_markup import (
    NitfStory,
    child,
    children,
    descendant,
    html_to_body,
    local,
    markup_to_html,
    nitf_story,
    one_line,
    text_of,
    text_to_html,
    when,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SUMMARY_ROLES = ("", "summary", "abstract", "teaser", "lead")
_HTML_ELEMENTS = frozenset({"p", "div", "h2", "h3", "h4", "ul", "ol", "table", "blockquote", "section", "article"})


@dataclass(frozen=True)
class G2Subject:
    name: str
    code: str


@dataclass(frozen=True)
class G2Item:
    kind: str  # the element: newsItem, packageItem, planningItem, conceptItem, …, or a fragment's root
    item_class: str  # "text", "picture", … (the code of ninat:text or of its URI form)
    guid: str
    version: str
    language: str
    pub_status: str
    headline: str
    summary: str
    body_html: str
    content_types: tuple[str, ...]  # what the contentSet holds, to say why there is no body
    first_created: datetime | None
    version_created: datetime | None
    content_created: datetime | None
    located: str
    dateline: str
    creators: tuple[str, ...]
    credit: str
    subjects: tuple[G2Subject, ...]
    nitf: NitfStory


def g2_item_decode(item: etree._Element) -> G2Item:
    """Read the fields newsdesk uses from a newsItem (any item, or a contentSet/contentMeta fragment)."""
    meta = child(item, "itemMeta")
    content_meta = item if local(item) == "contentMeta" else child(item, "contentMeta")
    content_set = item if local(item) == "contentSet" else child(item, "contentSet")
    body_html, nitf, content_types = _content(content_set)
    located = child(content_meta, "located")
    language = child(content_meta, "language")
    return G2Item(
        kind=local(item),
        item_class=_code(child(meta, "itemClass")),
        guid=(item.get("guid") or "").strip(),
        version=(item.get("version") or "").strip(),
        language=((language.get("tag") if language is not None else None) or item.get(XML_LANG) or "").strip(),
        pub_status=_code(child(meta, "pubStatus")),
        headline=_headline(content_meta),
        summary=_summary(content_meta),
        body_html=body_html,
        content_types=content_types,
        first_created=when(text_of(child(meta, "firstCreated"))),
        version_created=when(text_of(child(meta, "versionCreated"))),
        content_created=when(text_of(child(content_meta, "contentCreated"))),
        located=text_of(child(located, "name")),
        dateline=text_of(child(content_meta, "dateline")),
        creators=tuple(dict.fromkeys(n for n in (text_of(child(c, "name")) for c in children(content_meta, "creator")) if n)),
        credit=_credit(item, meta, content_meta),
        subjects=tuple(_subjects(content_meta)),
        nitf=nitf,
    )


def _content(content_set: etree._Element | None) -> tuple[str, NitfStory, tuple[str, ...]]:
    """(body HTML, the NITF story when the body is NITF, the content types on offer)."""
    members = [m for m in (content_set if content_set is not None else ()) if local(m) in ("inlineXML", "inlineData", "remoteContent")]
    types = tuple(dict.fromkeys((m.get("contenttype") or local(m)).strip() for m in members))
    for member in members:
        if local(member) == "inlineXML":
            nitf = descendant(member, "nitf")
            if nitf is not None:
                story = nitf_story(nitf)
                if story.body_html:
                    return story.body_html, story, types
            body = descendant(descendant(member, "html"), "body")
            if body is not None:
                html = markup_to_html(list(body), leading_text=body.text or "")
            elif any(local(e) in _HTML_ELEMENTS for e in member):
                html = markup_to_html(list(member), leading_text=member.text or "")
            else:
                html = ""
            if html:
                return html, NitfStory(), types
        elif local(member) == "inlineData" and (member.text or "").strip():
            kind = (member.get("contenttype") or "text/plain").lower()
            if kind.startswith("text/plain"):
                return text_to_html(member.text or ""), NitfStory(), types
            if "html" in kind:
                return html_to_body(member.text or ""), NitfStory(), types
    return "", NitfStory(), types


def _headline(content_meta: etree._Element | None) -> str:
    """The main headline: the first without a role or with a main role (a subhead has its own role)."""
    headlines = children(content_meta, "headline")
    main = [h for h in headlines if (h.get("role") or "main").rsplit(":", 1)[-1].lower() == "main"]
    return next((one_line(text_of(h)) for h in main + headlines if text_of(h)), "")


def _summary(content_meta: etree._Element | None) -> str:
    for description in children(content_meta, "description"):
        role = (description.get("role") or "").rsplit(":", 1)[-1].lower()
        if role in _SUMMARY_ROLES and text_of(description):
            return one_line(text_of(description))
    return ""


def _credit(item: etree._Element, meta: etree._Element | None, content_meta: etree._Element | None) -> str:
    """The source to credit: the information source, else the provider, else the copyright holder."""
    holders = [
        *children(content_meta, "infoSource"),
        child(meta, "provider"),
        child(child(item, "rightsInfo"), "copyrightHolder"),
    ]
    for holder in holders:
        name = text_of(child(holder, "name"))
        if name:
            return name
    provider = child(meta, "provider")
    qcode = (provider.get("qcode") or "") if provider is not None else ""
    return qcode.split(":", 1)[1] if ":" in qcode else ""  # nprov:REUTERS → REUTERS


def _subjects(content_meta: etree._Element | None) -> list[G2Subject]:
    found = []
    for subject in children(content_meta, "subject"):
        concept = child(subject, "mainConcept")
        holder = concept if concept is not None else subject
        names = children(holder, "name")
        if names:
            code = holder.get("qcode") or holder.get("uri") or ""
            found.append(G2Subject(one_line(text_of(names[0])), code.strip()))
    return found


def _code(element: etree._Element | None) -> str:
    """The code of a qcode ("ninat:text" → "text") or of a URI ("…/ninature/text" → "text")."""
    if element is None:
        return ""
    value = (element.get("qcode") or element.get("uri") or "").strip()
    return value.rsplit(":", 1)[-1].rsplit("/", 1)[-1].lower()
