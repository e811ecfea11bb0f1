"""The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a checker: a list of what is wrong.

Required: ``version`` (the 1.1 URL), ``title``, ``items``; each item an
``id`` (a string) and ``content_html`` or ``content_text``. Optional fields,
when present, have the types the spec gives; dates are RFC 3339; an author
has at least one of name, url, avatar; an attachment has url and mime_type.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

VERSION = "https://jsonfeed.org/version/1.1"
FEED_STRINGS = ("home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "language")
ITEM_STRINGS = ("url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "language")


def jsonfeed_errors(feed: Any) -> list[str]:
    if not isinstance(feed, dict):
        return ["the feed is not a JSON object"]
    errors = []
    if feed.get("version") != VERSION:
        errors.append(f"version is {feed.get('version')!r}, not {VERSION}")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        errors.append("title is missing")
    errors += _strings(feed, FEED_STRINGS, "feed")
    errors += _authors(feed, "feed")
    items = feed.get("items")
    if not isinstance(items, list):
        return [*errors, "items is not a list"]
    for number, item in enumerate(items):
        errors += _item_errors(item, f"items[{number}]")
    return errors


def _item_errors(item: Any, where: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where} is not an object"]
    errors = []
    if not isinstance(item.get("id"), str) or not item["id"]:
        errors.append(f"{where}.id is missing or not a string")
    if not isinstance(item.get("content_html"), str) and not isinstance(item.get("content_text"), str):
        errors.append(f"{where} has neither content_html nor content_text")
    errors += _strings(item, ITEM_STRINGS, where)
    for name in ("date_published", "date_modified"):
        if name in item and not _rfc3339(item[name]):
            errors.append(f"{where}.{name} is not an RFC 3339 date: {item[name]!r}")
    if "tags" in item and not (isinstance(item["tags"], list) and all(isinstance(t, str) for t in item["tags"])):
        errors.append(f"{where}.tags is not a list of strings")
    errors += _authors(item, where)
    for number, attachment in enumerate(item.get("attachments", [])):
        if not (isinstance(attachment, dict) and isinstance(attachment.get("url"), str) and isinstance(attachment.get("mime_type"), str)):
            errors.append(f"{where}.attachments[{number}] needs url and mime_type")
    return errors


def _strings(document: dict, names: tuple[str, ...], where: str) -> list[str]:
    return [f"{where}.{name} is not a string" for name in names if name in document and not isinstance(document[name], str)]


def _authors(document: dict, where: str) -> list[str]:
    authors = document.get("authors", [])
    if not isinstance(authors, list):
        return [f"{where}.authors is not a list"]
    return [
        f"{where}.authors[{n}] has no name, url or avatar"
        for n, author in enumerate(authors)
        if not (isinstance(author, dict) and any(isinstance(author.get(k), str) for k in ("name", "url", "avatar")))
    ]


def _rfc3339(value: Any) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False
