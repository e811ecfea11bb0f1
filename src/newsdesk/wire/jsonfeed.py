"""JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): one WireDocument per item.

feedparser 6.0 reads only XML feeds, so JSON Feed is mapped here, onto the
same FeedEntry the RSS/Atom reader produces.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.errors import IngestError
from newsdesk.wire.detect import json_whole_characters
from newsdesk.wire.feed import as_html, categories_clean
from newsdesk.wire.origin import is_url


def json_feed_read(text: str, *, origin: str) -> list[WireDocument]:
    """Every item that has a title and content or a summary. Raises IngestError('no_article', …)."""
    feed = json_whole_characters(json.loads(text), text)
    listed = feed.get("items")
    items = [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []
    if not items:
        raise IngestError("no_article", "no article: the JSON Feed has no items")
    base = next((u for u in (feed.get("home_page_url"), feed.get("feed_url"), origin) if isinstance(u, str) and is_url(u)), "")
    context = {
        "feed_title": _string(feed.get("title")) or None,
        "language": _string(feed.get("language")) or None,
        "feed_author": _author(feed),
        "base": base,
    }
    documents = [document for item in items if (document := _document(item, **context)) is not None]
    if not documents:
        raise IngestError("no_article", f"no article: none of the JSON Feed's {len(items)} items has a title with content or a summary")
    return documents


def _document(item: dict[str, Any], *, feed_title: str | None, language: str | None, feed_author: str | None, base: str) -> WireDocument | None:
    content = as_html(_string(item.get("content_html")), "text/html") or as_html(_string(item.get("content_text")), "text/plain")
    summary = as_html(_string(item.get("summary")), "text/plain")
    title = _string(item.get("title"))
    if not title or not (content or summary):
        return None
    link = _url(item.get("url") or item.get("external_url"), base)
    image_url, caption = _picture(item, base)
    entry = FeedEntry(
        title=title,
        link=link,
        guid=_string(item.get("id")) or None,
        published=_when(item.get("date_published")),
        updated=_when(item.get("date_modified")),
        author=_author(item) or feed_author,
        summary=summary,
        categories=categories_clean(t for t in _list(item.get("tags")) if isinstance(t, str)),
        image_url=image_url,
        image_caption=caption,
        feed_title=feed_title,
        language=_string(item.get("language")) or language,
        has_full_content=bool(content),
    )
    return WireDocument(kind="feed_entry", text=content or summary, url=link, entry=entry, meta={"format": "json"})


def _picture(item: dict[str, Any], base: str) -> tuple[str | None, str | None]:
    """``image`` or ``banner_image``, else the first image attachment (its title as the caption)."""
    for key in ("image", "banner_image"):
        if url := _url(item.get(key), base):
            return url, None
    for attachment in _list(item.get("attachments")):
        if isinstance(attachment, dict) and _string(attachment.get("mime_type")).startswith("image/"):
            if url := _url(attachment.get("url"), base):
                return url, _string(attachment.get("title")) or None
    return None, None


def _list(value: Any) -> list[Any]:
    """A JSON array as a list; anything else a feed put there (a number, a string) as nothing."""
    return value if isinstance(value, list) else []


def _author(holder: dict[str, Any]) -> str | None:
    """1.1 ``authors`` (a list) or 1.0 ``author`` (one object): the names, joined."""
    authors = holder.get("authors")
    if not isinstance(authors, list):
        authors = [holder.get("author")]
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    names = [name for name in names if name]
    return ", ".join(dict.fromkeys(names)) or None


def _when(value: Any) -> datetime | None:
    """An RFC 3339 date as an aware datetime (a date without offset is read as UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip())
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        when.astimezone(timezone.utc)  # 0001-01-01T00:00:00+01:00 has no UTC time: no date at all
    except (ValueError, OverflowError):
        return None
    return when


def _url(value: Any, base: str) -> str | None:
    value = _string(value)
    if not value:
        return None
    try:
        return urljoin(base, value) if base else value
    except ValueError:  # "http://[": an unclosed IPv6 host (issue 6, fuzzing)
        return None


def _string(value: Any) -> str:
    """JSON Feed ids may be numbers; everything else we read must be a string."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    return value.strip() if isinstance(value, str) else ""
