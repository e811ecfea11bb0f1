"""The lead photo of an article page with its caption and its photographer's credit."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newsdesk.core.draft import Picture
from newsdesk.extract.page import jsonld
from newsdesk.extract.page.figure import lead_figure
from newsdesk.extract.page.jsonld import JsonLd
from newsdesk.extract.photo import picture_make

IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnailurl")


def lead_picture(tree: etree._Element, *, meta: dict[str, str], ld: JsonLd, url: str | None, extracted: Any) -> Picture | None:
    """og:image (or JSON-LD image, or the article's first figure), with the caption and credit printed with it.

    The printed caption wins over JSON-LD's; the image's alt text is used only when neither gives one.
    """
    ld_url, ld_caption, ld_credit = jsonld.image(ld.article.get("image"))
    meta_url = next((meta[key] for key in IMAGE_META if meta.get(key)), None) or ld_url
    figure = lead_figure(tree, meta_url)
    image_url = meta_url or (figure.url if figure else None) or getattr(extracted, "image", None)
    try:
        if image_url and url:
            image_url = urljoin(url, image_url)
        if image_url and urlsplit(image_url).scheme not in ("http", "https"):
            image_url = None  # a data: or relative URL we cannot resolve is no use to a reader
    except ValueError:  # "http://[": an unclosed IPv6 host (issue 6, fuzzing)
        image_url = None
    caption = (figure.caption if figure else None) or ld_caption or (figure.alt if figure else None)
    return picture_make(image_url, caption, (figure.credit if figure else None) or ld_credit)
