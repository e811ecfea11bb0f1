"""What feedparser loses about each feed item, read from the XML itself.

feedparser flattens ``media:description`` into the entry's summary (the
caption can overwrite the real summary), keeps no caption per image, and
mangles RSS ``<author>email (Name)</author>`` when the email's domain is
unusual. These few fields are read here with lxml's hardened parser (no DTD,
no entities, no network, no huge trees).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lxml import etree

from newsdesk.core.xml import xml_parser

MRSS = "http://search.yahoo.com/mrss/"
ATOM = "http://www.w3.org/2005/Atom"
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
_ITEM_NAMES = frozenset({"item", "entry"})
_SUMMARY_NAMES = frozenset({"description", "summary"})
_EMAIL_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((?P<name>[^()]+)\)\s*$")


@dataclass(frozen=True)
class ItemExtras:
    """What the XML says about one item that feedparser does not keep apart.

    ``summary`` is the item's own description/summary as HTML ("" when it has none).
    """

    image_url: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    summary: str = ""
    author: str | None = None
    guid: str | None = None


def hardened_parser() -> etree.XMLParser:
    return xml_parser()  # the one hardened parser (core/xml.py)


def items_extras(payload: bytes) -> list[ItemExtras] | None:
    """One ItemExtras per <item>/<entry> in document order, or None when the XML is not well-formed."""
    try:
        root = etree.fromstring(payload, parser=hardened_parser())
    except etree.XMLSyntaxError:
        return None
    items = [element for element in root.iter() if isinstance(element.tag, str) and _local(element) in _ITEM_NAMES]
    return [_item_extras(item) for item in items]


def _item_extras(item: etree._Element) -> ItemExtras:
    found = {"summary": _own_summary(item), "author": _rss_author(item), "guid": _guid(item)}
    picture = _media_picture(item) or _enclosure_picture(item)
    if picture is None:
        return ItemExtras(**found)
    url, holder = picture
    caption = _media_text(holder, "description") or _media_text(item, "description")
    credit = _media_text(holder, "credit") or _media_text(item, "credit")
    return ItemExtras(image_url=url, image_caption=caption, image_credit=credit, **found)


def _guid(item: etree._Element) -> str | None:
    """The id as written: feedparser resolves a relative-looking RSS guid against the feed URL."""
    for child in item:
        if isinstance(child.tag, str) and _local(child) in ("guid", "id") and _namespace(child) in (None, ATOM):
            text = (child.text or "").strip()
            if text:
                return text
    return None


def _own_summary(item: etree._Element) -> str:
    """The item's <description> (RSS) or <summary> (Atom) as HTML; never a media:description."""
    for child in item:
        if not isinstance(child.tag, str) or _local(child) not in _SUMMARY_NAMES or _namespace(child) == MRSS:
            continue
        kind = (child.get("type") or "html").lower()
        if kind == "xhtml":
            return "".join(etree.tostring(node, encoding="unicode", method="html") for node in child).strip()
        text = ((child.text or "") + "".join(etree.tostring(node, encoding="unicode", method="html") for node in child)).strip()
        if kind in ("text", "text/plain"):
            return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in text.split("\n\n") if p.strip())
        return text
    return ""


def _rss_author(item: etree._Element) -> str | None:
    """An RSS 2.0 <author>, which the spec makes an email: "news@site (Jane Doe)" gives Jane Doe."""
    for child in item:
        if child.tag == "author":
            text = " ".join((child.text or "").split())
            match = _EMAIL_NAME.match(text)
            if match:
                return match.group("name").strip() or None
            return None if "@" in text or not text else text
    return None


def _media_picture(item: etree._Element) -> tuple[str, etree._Element] | None:
    """The first media:content that is an image, else the first media:thumbnail."""
    for name in ("content", "thumbnail"):
        for element in item.iter(f"{{{MRSS}}}{name}"):
            url = (element.get("url") or "").strip()
            if url and (name == "thumbnail" or _is_image(element.get("medium"), element.get("type"), url)):
                return url, element
    return None


def _enclosure_picture(item: etree._Element) -> tuple[str, etree._Element] | None:
    """An RSS <enclosure> or Atom <link rel="enclosure"> whose type is an image."""
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = _local(child)
        if name == "enclosure":
            url = child.get("url")
        elif name == "link" and child.get("rel") == "enclosure":
            url = child.get("href")
        else:
            continue
        if url and _is_image(None, child.get("type"), url.strip()):
            return url.strip(), child
    return None


def _media_text(element: etree._Element, name: str) -> str | None:
    """A media:description/credit directly inside the element, or inside its media:group."""
    for child in element:
        if child.tag == f"{{{MRSS}}}{name}":
            text = " ".join("".join(child.itertext()).split())
            if text:
                return text
    parent = element.getparent()
    if parent is not None and parent.tag == f"{{{MRSS}}}group":
        return _media_text(parent, name)
    return None


def _is_image(medium: str | None, mime: str | None, url: str) -> bool:
    if medium:
        return medium == "image"
    if mime:
        return mime.lower().startswith("image/")
    return url.lower().split("?", 1)[0].endswith(_IMAGE_SUFFIXES)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _namespace(element: etree._Element) -> str | None:
    return etree.QName(element).namespace
