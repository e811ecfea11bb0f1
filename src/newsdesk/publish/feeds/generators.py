"""The three feed serialisers: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

Django's ``feedgenerator`` style: a serialiser gets plain values through
``__init__`` and ``add_item`` and writes a document; it knows nothing about
requests or models. Ours add what Django's leave out — the full article
(``content:encoded`` in RSS, ``<content>`` in Atom) — and make every string
safe for XML first, so a control character in wire copy never produces an
ill-formed feed.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from newsdesk.publish.xml_text import xml_text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (list, tuple)):
        return [_clean(part) for part in value]
    return value


class CleanTextFeed(SyndicationFeed):
    """Strips the characters XML 1.0 forbids from every value handed in (JSON gets the same text)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*(_clean(a) for a in args), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*(_clean(a) for a in args), **{k: _clean(v) for k, v in kwargs.items()})


class RssFeed(CleanTextFeed, Rss201rev2Feed):
    """RSS 2.0 with the whole article in ``content:encoded`` (the RSS content module)."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(CleanTextFeed, Atom1Feed):
    """Atom 1.0 (RFC 4287) with the whole article in ``<content type="html">`` beside the summary."""

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(CleanTextFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); Django has no serialiser for it.

    Besides the standard ``add_item`` values it reads ``content_html``,
    ``summary`` (plain text), ``image``, ``authors`` (a list of names) and
    ``language`` from each item, when given.
    """

    content_type = "application/feed+json; charset=utf-8"
    version = "https://jsonfeed.org/version/1.1"

    def write(self, outfile, encoding: str) -> None:
        outfile.write(json.dumps(self.document(), ensure_ascii=False))

    def document(self) -> dict[str, Any]:
        feed = self.feed
        return _without_empty(
            {
                "version": self.version,
                "title": feed["title"],
                "home_page_url": feed["link"],
                "feed_url": feed["feed_url"],
                "description": feed["description"],
                "language": feed["language"],
                "authors": [{"name": feed["author_name"]}] if feed["author_name"] else None,
                "items": [self.item_document(item) for item in self.items],
            },
            keep=("items",),
        )

    def item_document(self, item: dict) -> dict[str, Any]:
        names = item.get("authors") or ([item["author_name"]] if item["author_name"] else [])
        return _without_empty(
            {
                "id": item["unique_id"] or item["link"],
                "url": item["link"],
                "title": item["title"],
                # The spec requires content_html or content_text; an item always has one.
                "content_html": item.get("content_html") or item["description"] or "",
                "summary": item.get("summary"),
                "image": item.get("image"),
                "date_published": _rfc3339(item["pubdate"]),
                "date_modified": _rfc3339(item["updateddate"]),
                "authors": [{"name": name} for name in names],
                "tags": list(item["categories"]),
                "language": item.get("language"),
                "attachments": [_attachment(enclosure) for enclosure in item["enclosures"]],
            },
            keep=("content_html",),
        )


def _attachment(enclosure) -> dict[str, Any]:
    attachment: dict[str, Any] = {"url": enclosure.url, "mime_type": enclosure.mime_type}
    if str(enclosure.length).isdigit() and int(enclosure.length) > 0:
        attachment["size_in_bytes"] = int(enclosure.length)
    return attachment


def _rfc3339(value) -> str | None:
    return value.isoformat() if value is not None else None


def _without_empty(document: dict[str, Any], *, keep: tuple[str, ...]) -> dict[str, Any]:
    """JSON Feed readers treat a missing key and an empty one alike; leaving them out keeps feeds small."""
    return {key: value for key, value in document.items() if key in keep or value not in (None, "", [])}
