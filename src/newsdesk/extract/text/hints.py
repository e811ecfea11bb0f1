"""What the page says about itself, read once from the parsed tree.

The headline (``<title>``, ``og:title``, ``<h1>``) and the captions
(``<figcaption>``, elements whose class says caption, image ``alt`` texts) are
printed around the article; when trafilatura's body repeats them, they are
not body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+")
_CAPTION_XPATH = "//figcaption | //*[contains(@class, 'caption') or contains(@class, 'Caption')]"
_MAX_CAPTIONS = 200


@dataclass(frozen=True, slots=True)
class PageHints:
    """Folded texts of the page's headline candidates and captions."""

    titles: frozenset[str] = field(default_factory=frozenset)
    captions: frozenset[str] = field(default_factory=frozenset)


def fold(text: str) -> str:
    """The form texts are compared in: case and spacing ignored."""
    return " ".join(text.split()).casefold()


def page_hints(tree: HtmlElement) -> PageHints:
    """Headline candidates and captions of the page."""
    return PageHints(titles=frozenset(_titles(tree)), captions=frozenset(_captions(tree)))


def _titles(tree: HtmlElement) -> set[str]:
    found: set[str] = set()
    for element in tree.iter("title", "h1", "meta"):
        if element.tag == "meta":
            prop = element.get("property") or element.get("name") or ""
            text = element.get("content") or "" if prop in ("og:title", "twitter:title") else ""
        else:
            text = element.text_content()
        if text and len(text) < 400:
            found.add(fold(text))
            found.update(fold(part) for part in _TITLE_SEPARATORS.split(text) if len(part) >= 20)
    found.discard("")
    return found


def _captions(tree: HtmlElement) -> set[str]:
    found: set[str] = set()
    for element in tree.xpath(_CAPTION_XPATH)[:_MAX_CAPTIONS]:
        text = fold(element.text_content())
        if 15 <= len(text) <= 600:
            found.add(text)
    for image in tree.iter("img"):
        alt = fold(image.get("alt") or "")
        if len(alt) >= 25:
            found.add(alt)
    return found
