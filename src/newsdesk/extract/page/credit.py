"""The source credit a page prints outside the article body ("(Kyodo)" under it, "KYODO" by the date).

Inside the body, ``extract.blocks`` moves the dateline's agency and a closing
credit line into the credit field. Many CMSs print the credit in their own
furniture instead, beside the date or below the body. A known agency or a
"Source: …" line there names who wrote the copy, and beats the site's name
from the meta tags (a site that republishes wire copy is not its source).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from newsdesk.extract.credit import agency_name, credit_line, credit_normalise, wire_name

CREDIT_MAX_CHARS = 80  # a credit is a few words; longer elements are paragraphs or menus
# Where a credit is never the story's: menus, rails, links, and photos (whose credit is the photographer's).
_NOT_STORY = frozenset({"a", "aside", "button", "figcaption", "figure", "form", "head", "nav", "script", "style"})
_NOT_STORY_CLASSES = ("caption", "card", "figure", "image", "photo", "promo", "rail", "related", "teaser")
_NOT_STORY_CLASS = re.compile("|".join(_NOT_STORY_CLASSES))  # any of them inside the class attribute


def page_credit(tree: etree._Element) -> str | None:
    """The first credit printed in the article's furniture, else anywhere on the page outside menus and rails."""
    articles = tree.xpath("//article")
    for root in articles[:1]:
        found = _credit_in(root, skip=_NOT_STORY)
        if found:
            return found
    return _credit_in(tree, skip=_NOT_STORY | {"article", "header"})  # the article was read; a site header is chrome


def jsonld_credit(article: dict[str, Any]) -> str | None:
    """JSON-LD's ``creditText`` or ``sourceOrganization`` when it names an agency or a wire service."""
    for key in ("creditText", "sourceOrganization", "provider"):
        value = article.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            name = credit_normalise(value)
            if agency_name(name) or wire_name(name):
                return agency_name(name) or name
    return None


def _credit_in(root: etree._Element, *, skip: frozenset[str]) -> str | None:
    """The first credit in document order, never looking inside menus, rails, links or photos."""
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in skip or _not_story(element):
            continue
        children = len(element)
        if children <= 3 and len(element.text or "") <= CREDIT_MAX_CHARS:
            text = _short_text(element) if children else " ".join((element.text or "").split())  # a leaf: its text
            found = _credit_of(text) if text else None
            if found:
                return found
        if children:
            stack.extend(reversed(element))
    return None


@lru_cache(maxsize=8192)
def _credit_of(text: str) -> str | None:
    """The credit a short piece of furniture gives. Cached: a site prints the same furniture ("Advertisement",
    "Share", its section names) on every page, and these rules were a fifth of a page's extraction (bench/ingest)."""
    return credit_line(text) or agency_name(text.strip("()[] ."))


def _short_text(element: etree._Element) -> str | None:
    """The element's text when it is credit-sized; reading stops early on a long one (a page's wrapper)."""
    pieces, size = [], 0
    for piece in element.itertext():
        size += len(piece)
        if size > CREDIT_MAX_CHARS * 2:
            return None
        pieces.append(piece)
    text = " ".join("".join(pieces).split())
    return text if len(text) <= CREDIT_MAX_CHARS else None


def _not_story(element: etree._Element) -> bool:
    classes = element.get("class")
    return bool(classes) and _NOT_STORY_CLASS.search(classes.lower()) is not None
