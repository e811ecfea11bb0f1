"""The lead photo of an article page with its caption and its photographer's credit."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newsdesk.core.draft import Picture
from newsdesk.extract.page import jsonld
from newsdesk.extract.page.jsonld import JsonLd
from newsdesk.extract.photo import caption_credit_split, picture_make

IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnailurl")
_CREDIT_XPATH = (
    ".//*[self::cite or self::small or contains(@class, 'credit') or contains(@class, 'copyright')"
    " or contains(@class, 'byline') or contains(@class, 'source') or contains(@class, 'author')]"
)


def lead_picture(tree: etree._Element, *, meta: dict[str, str], ld: JsonLd, url: str | None, extracted: Any) -> Picture | None:
    """og:image (or JSON-LD image, or the first figure's img), with the figure's caption and credit."""
    ld_url, ld_caption, ld_credit = jsonld.image(ld.article.get("image"))
    meta_url = next((meta[key] for key in IMAGE_META if meta.get(key)), None) or ld_url
    figure = _lead_figure(tree, meta_url)
    figure_url, caption, credit = _figure_parts(figure) if figure is not None else (None, None, None)
    image_url = meta_url or figure_url or getattr(extracted, "image", None)
    if image_url and url:
        image_url = urljoin(url, image_url)
    if image_url and urlsplit(image_url).scheme not in ("http", "https"):
        image_url = None  # a data: or relative URL we cannot resolve is no use to a reader
    return picture_make(image_url, caption or ld_caption, credit or ld_credit)


def _lead_figure(tree: etree._Element, image_url: str | None) -> etree._Element | None:
    """The figure showing the lead image, else the first figure with an image in the article."""
    figures = tree.xpath("//article//figure[.//img]") or tree.xpath("//main//figure[.//img]") or tree.xpath("//figure[.//img]")
    if image_url:
        wanted = _file_name(image_url)
        for figure in figures:
            if any(_file_name(src) == wanted for src in _sources(figure)):
                return figure
    return figures[0] if figures else None


def _figure_parts(figure: etree._Element) -> tuple[str | None, str | None, str | None]:
    """(image URL, caption, credit) of a <figure>: credit from a credit element or the caption's tail."""
    sources = _sources(figure)
    captions = figure.xpath(".//figcaption")
    if not captions:
        return (sources[0] if sources else None), None, None
    figcaption = copy.deepcopy(captions[0])
    credit = None
    for element in figcaption.xpath(_CREDIT_XPATH):
        credit = credit or _text(element) or None
        _drop_keeping_tail(element)
    caption, tail_credit = caption_credit_split(_text(figcaption))
    return (sources[0] if sources else None), caption, credit or tail_credit


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


def _sources(figure: etree._Element) -> list[str]:
    found = []
    for img in figure.iter("img"):
        for attribute in ("src", "data-src", "data-lazy-src", "data-original"):
            value = (img.get(attribute) or "").strip()
            if value and not value.startswith("data:"):
                found.append(value)
        srcset = (img.get("srcset") or "").strip()
        if srcset:
            found.append(srcset.split(",")[0].split()[0])
    return found


def _file_name(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1].lower()


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())
