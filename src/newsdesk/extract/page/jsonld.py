"""schema.org JSON-LD in a page: the article object and the breadcrumb trail.

News sites describe the story for search engines in JSON-LD; it is often the
most exact source of dates, authors, section and the image caption.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report", "socialmediaposting",
    }
)


@dataclass(frozen=True)
class JsonLd:
    """The parts of a page's JSON-LD the news layer reads."""

    article: dict[str, Any]
    breadcrumbs: tuple[str, ...] = ()


def page_jsonld(tree: etree._Element) -> JsonLd:
    """The first article-like object and the first BreadcrumbList in the page's JSON-LD scripts."""
    article: dict[str, Any] = {}
    breadcrumbs: tuple[str, ...] = ()
    for node in _nodes(tree):
        types = _types(node)
        if not article and types & _ARTICLE_TYPES:
            article = node
        elif not breadcrumbs and "breadcrumblist" in types:
            breadcrumbs = _crumbs(node)
    return JsonLd(article=article, breadcrumbs=breadcrumbs)


def names(value: Any) -> list[str]:
    """Names from a schema.org person/organisation value: a string, an object or a list of either."""
    values = value if isinstance(value, list) else [value]
    found = []
    for item in values:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            found.append(item["name"])
    return [" ".join(name.split()) for name in found if name.strip()]


def image(value: Any) -> tuple[str | None, str | None, str | None]:
    """(url, caption, credit) of a schema.org image value: a URL, an ImageObject or a list of either."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value.strip() or None, None, None
    if not isinstance(value, dict):
        return None, None, None
    url = value.get("url") or value.get("contentUrl")
    caption = value.get("caption") or value.get("description")
    credit = value.get("creditText") or ", ".join(names(value.get("author") or value.get("copyrightHolder"))) or None
    return (
        url.strip() if isinstance(url, str) and url.strip() else None,
        caption.strip() if isinstance(caption, str) and caption.strip() else None,
        credit.strip() if isinstance(credit, str) and credit.strip() else None,
    )


def text(value: Any) -> str | None:
    """A single text value; the first one when the page gives a list."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _nodes(tree: etree._Element) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still answer
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Objects from a JSON-LD document: lists, @graph and mainEntity are opened, one level each."""
    stack: deque[Any] = deque([data])
    while stack:
        item = stack.popleft()
        if isinstance(item, list):
            stack.extendleft(reversed(item))
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
            if isinstance(item.get("mainEntity"), dict):
                stack.append(item["mainEntity"])


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def _crumbs(node: dict[str, Any]) -> tuple[str, ...]:
    elements = node.get("itemListElement")
    if not isinstance(elements, list):
        return ()
    ordered = sorted((e for e in elements if isinstance(e, dict)), key=lambda e: _position(e.get("position")))
    crumbs = []
    for element in ordered:
        item = element.get("item")
        name = element.get("name") or (item.get("name") if isinstance(item, dict) else None)
        if isinstance(name, str) and name.strip():
            crumbs.append(" ".join(name.split()))
    return tuple(crumbs)


def _position(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
