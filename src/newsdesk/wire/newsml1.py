"""IPTC NewsML 1.2 (as Business Wire sends it): one structured WireDocument per NewsItem.

A NewsML 1.2 item is a tree of NewsComponents, each with a Role: the story
text is the ``Body`` component's XHTML (or NITF, or plain text); its
NewsLines carry the headline and dateline; a ``SubHeadLine`` component is the
standfirst; ``Photo`` components are pictures with their caption as a
headline. The envelope names the wire that sent it (the credit). Parsing is
the hardened lxml parser shared with NewsML-G2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from newsdesk.core.document import WITHDRAWN_ID, StructuredDocument, WireDocument
from newsdesk.core.document import WITHDRAWN as WITHDRAWN_KEY
from newsdesk.core.draft import Draft, Picture
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.wire.detect import root_element
from newsdesk.wire.newsml_markup import (
    byline_tidy,
    child,
    children,
    descendant,
    html_to_body,
    markup_to_html,
    nitf_story,
    one_line,
    text_of,
    text_to_html,
    when,
    xml_parse,
)

BODY_ROLES = frozenset({"body", "main", "main text", "text", "story"})
PICTURE_ROLES = frozenset({"photo", "picture", "image"})
WITHDRAWN = frozenset({"canceled", "cancelled", "withheld"})
_PHOTO_CREDIT = re.compile(r"\s*\((?:photo|graphic|image)s?:\s*(?P<credit>[^()]+)\)\s*$", re.I)


def looks_like_newsml1(text: str) -> bool:
    return root_element(text) == "NewsML"


def newsml1_read(text: str, *, origin: str) -> list[WireDocument]:
    """One document per NewsItem. Raises IngestError('invalid_newsml' | 'no_article', …)."""
    root = xml_parse(text, what="NewsML 1.2", reason="invalid_newsml")
    items = children(root, "NewsItem")
    if not items:
        raise IngestError("no_article", "no article: the NewsML document carries no NewsItem")
    envelope = child(root, "NewsEnvelope")
    wire = _attribute(descendant(child(envelope, "SentFrom"), "Party"), "FormalName") or _attribute(child(envelope, "NewsService"), "FormalName")
    documents = []
    for item in items:
        try:
            draft = newsml1_draft(item, wire=wire)
        except NotAnArticle as outcome:
            meta = {"format": "newsml-1.2", "not_an_article": outcome.message}
            if (status := _status(item)) in WITHDRAWN and (guid := _guid(item)):
                # The pipeline kills the article this item was (pipeline/kills.py), as for ninjs and NewsML-G2.
                meta |= {WITHDRAWN_KEY: "withheld" if status == "withheld" else "canceled", WITHDRAWN_ID: guid}
            documents.append(StructuredDocument(text="", meta=meta))
        else:
            documents.append(StructuredDocument(text=draft.body_html, meta={"format": "newsml-1.2"}, draft=draft))
    return documents


def newsml1_draft(item: etree._Element, *, wire: str = "") -> Draft:
    """A NewsItem as a Draft. Raises NotAnArticle when it has no story text or is withdrawn."""
    management = child(item, "NewsManagement")
    if (status := _status(item)) in WITHDRAWN:
        raise NotAnArticle(f"a NewsML item marked {status} by its provider, not an article to publish")
    top = child(item, "NewsComponent")
    body_component = _component(top, BODY_ROLES)
    body_html = _content_html(body_component)
    lines = _news_lines(body_component, top)
    headline = one_line(text_of(child(lines, "HeadLine")))
    if not body_html:
        raise NotAnArticle("a NewsML item with no story text (no Body component with text), not an article")
    if not headline:
        raise NotAnArticle("a NewsML item with no headline, not an article")
    published = when(text_of(child(management, "FirstCreated")))
    revised = when(text_of(child(management, "ThisRevisionCreated")))
    return Draft(
        headline=headline,
        body_html=body_html,
        published=published or revised,
        updated=revised if published and revised != published else None,
        dateline=one_line(text_of(child(lines, "DateLine"))) or None,
        byline=byline_tidy(one_line(text_of(child(lines, "ByLine")))) or None,
        credit=one_line(text_of(child(lines, "CreditLine"))) or wire or None,
        picture=_picture(_component(top, PICTURE_ROLES)),
        language=_attribute(descendant(child(top, "DescriptiveMetadata"), "Language"), "FormalName") or "en",
        summary=one_line(_text(_component(top, {"subheadline"}))) or None,
        guid=_guid(item),
        version=text_of(descendant(child(item, "Identification"), "RevisionId")) or None,
        keywords=_keywords(top),
    )


def _component(top: etree._Element | None, roles: set[str] | frozenset[str]) -> etree._Element | None:
    """The first NewsComponent (depth first) whose Role is one of these."""
    if top is None:
        return None
    for component in top.iter("{*}NewsComponent"):
        if _attribute(child(component, "Role"), "FormalName").lower() in roles:
            return component
    return None


def _news_lines(component: etree._Element | None, top: etree._Element | None) -> etree._Element | None:
    """The NewsLines (with a HeadLine) that head a component: its own, else the nearest enclosing
    component's; with no component, the item's first."""
    if component is None:
        return next((e for e in (top.iter("{*}NewsLines") if top is not None else ()) if child(e, "HeadLine") is not None), None)
    while component is not None:
        lines = child(component, "NewsLines")
        if lines is not None and child(lines, "HeadLine") is not None:
            return lines
        component = component.getparent()
    return None


@dataclass(frozen=True)
class _Data:
    mime_type: str
    data: etree._Element


def _data(component: etree._Element | None) -> list[_Data]:
    found = []
    for content in children(component, "ContentItem"):
        data = child(content, "DataContent")
        if data is not None:
            found.append(_Data(_attribute(child(content, "MimeType"), "FormalName").lower(), data))
    return found


def _content_html(component: etree._Element | None) -> str:
    """The component's text as body HTML: inline XHTML, NITF or plain text, the first that reads."""
    for entry in _data(component):
        html_root = descendant(entry.data, "html")
        nitf = descendant(entry.data, "nitf")
        if html_root is not None and (body := child(html_root, "body")) is not None:
            found = markup_to_html(list(body), leading_text=body.text or "")
        elif nitf is not None:
            found = nitf_story(nitf).body_html
        elif "html" in entry.mime_type:
            found = html_to_body(entry.data.text or "")
        else:
            found = text_to_html(entry.data.text or "") if len(entry.data) == 0 else ""
        if found:
            return found
    return ""


def _text(component: etree._Element | None) -> str:
    return " ".join(text_of(entry.data) for entry in _data(component))


def _picture(component: etree._Element | None) -> Picture | None:
    """A Photo component: its widest web image, its caption (a HeadLine) and the credit printed in it."""
    if component is None:
        return None
    images = []
    for content in children(component, "ContentItem"):
        href = (content.get("Href") or "").strip()
        mime_type = _attribute(child(content, "MimeType"), "FormalName").lower()
        if href.lower().startswith(("http://", "https://")) and mime_type.startswith("image/"):
            sizes = children(descendant(content, "Characteristics"), "Property")
            width = next((p.get("Value") for p in sizes if p.get("FormalName") == "PixelWidth"), "0")
            images.append((int(width) if (width or "").isdigit() else 0, href))
    lines = child(component, "NewsLines")
    caption = one_line(text_of(child(lines, "HeadLine")) or text_of(child(lines, "CaptionLine")))
    credit = one_line(text_of(child(lines, "CreditLine")))
    if (match := _PHOTO_CREDIT.search(caption)) is not None:
        caption, credit = caption[: match.start()].strip(), credit or match.group("credit").strip()
    url = max(images)[1] if images else None
    if not url and not caption:
        return None
    return Picture(url=url, caption=caption or None, credit=credit or None)


def _keywords(top: etree._Element | None) -> tuple[str, ...]:
    """Business Wire's BW…Keywords properties (industry, country, region, category…), in order."""
    values = []
    for metadata in children(top, "Metadata"):
        for prop in children(metadata, "Property"):
            if "keyword" in (prop.get("FormalName") or "").lower() and (prop.get("Value") or "").strip():
                values.append(prop.get("Value").strip())
    return tuple(dict.fromkeys(values))


def _status(item: etree._Element) -> str:
    """NewsManagement/Status, lower case: "usable", "embargoed", "canceled", "withheld"…"""
    return _attribute(child(child(item, "NewsManagement"), "Status"), "FormalName").lower()


def _guid(item: etree._Element) -> str | None:
    """The item's id without its revision, so that a new revision updates the same article."""
    ident = descendant(child(item, "Identification"), "NewsIdentifier")
    parts = [text_of(child(ident, name)) for name in ("ProviderId", "DateId", "NewsItemId")]
    if all(parts):
        return "urn:newsml:" + ":".join(parts)
    public = text_of(child(ident, "PublicIdentifier"))
    return public.rsplit(":", 1)[0] if public.count(":") > 4 else public or None


def _attribute(element: etree._Element | None, name: str) -> str:
    return (element.get(name) or "").strip() if element is not None else ""
