"""The lead photo on a page and its caption and credit, wherever the CMS prints them.

Captions live in ``<figcaption>``, but many CMSs print them in an element
marked as a caption (``.caption``, ``.wp-caption-text``, ``[itemprop=caption]``)
inside the image's wrapper or right after it, or as a plain ``<p>`` inside the
wrapper. The photographer's credit sits in a credit or source element, or
closes the caption. The image's ``alt`` text is a last resort: it is written
for screen readers and often differs from the printed caption.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

_CAPTION_XPATH = (
    ".//figcaption | .//*[@itemprop='caption']"
    " | .//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
)
_CREDIT_XPATH = (
    ".//*[self::cite or self::small or contains(@class, 'credit') or contains(@class, 'copyright')"
    " or contains(@class, 'byline') or contains(@class, 'source') or contains(@class, 'author')]"
)
_IMAGE_SCOPES = ("//article//img", "//main//img", "//img")
_PAGE_PARTS = frozenset({"article", "main", "body", "html"})  # a wrapper never grows to these
_CHROME = frozenset({"header", "nav", "footer", "aside", "a"})  # logos, menus and teasers: never the lead photo
WRAPPER_MAX_PARAGRAPHS = 2
WRAPPER_MAX_CHARS = 700
WRAPPER_MAX_LEVELS = 3
ALT_MIN_WORDS = 3
CAPTION_MAX_WORDS = 45


@dataclass(frozen=True)
class Figure:
    """The lead image as the page prints it."""

    url: str | None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None


def lead_figure(tree: etree._Element, image_url: str | None) -> Figure | None:
    """The image showing ``image_url`` (else the first captioned image in the article) with its caption and credit."""
    img = _lead_image(tree, image_url)
    if img is None:
        return None
    wrapper = _wrapper(img)
    caption = _caption_element(wrapper, img)
    text, credit = _caption_text(caption) if caption is not None else (None, None)
    if not credit and caption is not None and wrapper is not None:
        credit = _credit_outside(wrapper, caption)
    sources = image_sources(img)
    alt = " ".join((img.get("alt") or "").split())
    return Figure(
        url=sources[0] if sources else None,
        caption=text or None,
        credit=credit,
        alt=alt if len(alt.split()) >= ALT_MIN_WORDS else None,
    )


def image_sources(element: etree._Element) -> list[str]:
    """The addresses of the images in an element (lazy-loading attributes and srcset included)."""
    found = []
    images = [element] if element.tag == "img" else list(element.iter("img"))
    for img in images:
        for attribute in ("src", "data-src", "data-lazy-src", "data-original"):
            value = (img.get(attribute) or "").strip()
            if value and not value.startswith("data:"):
                found.append(value)
        srcset = (img.get("srcset") or "").strip()
        if srcset:
            found.append(srcset.split(",")[0].split()[0])
    return found


def _lead_image(tree: etree._Element, image_url: str | None) -> etree._Element | None:
    """The img of the lead photo: the one showing the page's declared image, else the first in a figure or captioned."""
    if image_url:
        wanted = _file_name(image_url)
        for img in tree.iter("img"):
            if any(_file_name(src) == wanted for src in image_sources(img)):
                return img
    images = next((found for scope in _IMAGE_SCOPES if (found := tree.xpath(scope))), [])  # the narrowest that has one
    images = [img for img in images if not any(a.tag in _CHROME for a in img.iterancestors())]
    for img in images:
        if next(img.iterancestors("figure"), None) is not None:
            return img
    for img in images:
        wrapper = _wrapper(img)
        if wrapper is not None and _caption_element(wrapper, img) is not None:
            return img
    return None


def _wrapper(img: etree._Element) -> etree._Element | None:
    """The element holding the image and its caption: its <figure>, else the nearest small block around it."""
    figure = next(img.iterancestors("figure"), None)
    if figure is not None:
        return figure
    for level, ancestor in enumerate(img.iterancestors()):
        if level >= WRAPPER_MAX_LEVELS or ancestor.tag in _PAGE_PARTS:
            return None
        if len(ancestor.xpath(".//p")) > WRAPPER_MAX_PARAGRAPHS or len(_text(ancestor)) > WRAPPER_MAX_CHARS:
            return None
        if _text(ancestor):
            return ancestor
    return None


def _caption_element(wrapper: etree._Element | None, img: etree._Element) -> etree._Element | None:
    """The caption: a marked caption inside the wrapper, else right after it, else a paragraph inside it."""
    if wrapper is not None:
        marked = [el for el in wrapper.xpath(_CAPTION_XPATH) if _text(el)]
        if marked:
            return marked[0]
    following = (wrapper if wrapper is not None else img).getnext()
    if following is not None and _marked_caption(following) and _text(following):
        return following
    if wrapper is not None:
        paragraphs = [p for p in wrapper.xpath(".//p") if _text(p)]
        if len(paragraphs) == 1 and len(_text(paragraphs[0]).split()) <= CAPTION_MAX_WORDS:
            return paragraphs[0]  # the one short line beside the image; a text box with a portrait is no caption
    return None


def _marked_caption(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    marked = element.tag == "figcaption" or element.get("itemprop") == "caption"
    return marked or "caption" in (element.get("class") or "").lower()


def _caption_text(caption: etree._Element) -> tuple[str, str | None]:
    """The caption's text with any credit element inside it taken out, and that credit."""
    caption = copy.deepcopy(caption)
    credit = None
    for element in caption.xpath(_CREDIT_XPATH):
        credit = credit or _text(element) or None
        _drop_keeping_tail(element)
    return _text(caption), credit


def _credit_outside(wrapper: etree._Element, caption: etree._Element) -> str | None:
    """A credit element elsewhere in the wrapper (beside the caption rather than inside it)."""
    inside = set(caption.iter())
    for element in wrapper.xpath(_CREDIT_XPATH):
        if element not in inside and caption not in set(element.iter()) and _text(element):
            return _text(element)
    return None


def _drop_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _file_name(url: str) -> str:
    try:
        return urlsplit(url).path.rsplit("/", 1)[-1].lower()
    except ValueError:  # "A://[": an unclosed IPv6 host
        return ""


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())
