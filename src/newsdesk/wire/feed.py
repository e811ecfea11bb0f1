"""RSS 0.9x/1.0/2.0 and Atom feeds, through feedparser: one WireDocument per entry."""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

import feedparser

from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.errors import IngestError
from newsdesk.core.xml import xml_entities_refuse
from newsdesk.wire.feed_xml import ItemExtras, items_extras
from newsdesk.wire.origin import is_url

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_BLANK_LINES = re.compile(r"\n\s*\n")


def feed_read(text: str, *, origin: str) -> list[WireDocument]:
    """Every entry that has content or a summary. Raises IngestError('no_article' | 'unknown_format' | 'unsafe_xml', …)."""
    # feedparser keeps "safe-looking" entity declarations for expat and garbles the rest: refuse them first (issue 3, point 5).
    xml_entities_refuse(text)
    # The text is already decoded: hand feedparser UTF-8 and say so, so that a
    # prolog still naming the original charset cannot make it decode twice.
    payload = _XML_DECLARATION.sub("", text, count=1).lstrip().encode("utf-8")
    headers = {"content-type": "application/xml; charset=utf-8"}
    if is_url(origin):
        headers["content-location"] = origin
    try:
        parsed = feedparser.parse(io.BytesIO(payload), response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    except ValueError as error:  # feedparser splits expat's "URI name" on any white space: U+3000 in a URI breaks it (issue 6, fuzzing)
        raise IngestError("unknown_format", f"unreadable feed: its XML cannot be read ({error}); is there white space in a namespace URI?") from None
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise IngestError("unknown_format", f"unreadable feed: {parsed.get('bozo_exception')}")
        broken = f" it could read ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise IngestError("no_article", f"no article: the feed has no entries{broken}")
    extras: list[ItemExtras | None] = list(items_extras(payload) or [])
    if len(extras) != len(parsed.entries):
        extras = [None] * len(parsed.entries)  # malformed XML read by feedparser's loose parser: its fields only
    feed = parsed.feed
    context = {
        "feed_title": _clean(feed.get("title")) or None,
        "language": feed.get("language") or None,
        "wire_format": parsed.get("version") or "feed",
        "origin": origin,
    }
    documents = [_document(entry, extra, **context) for entry, extra in zip(parsed.entries, extras)]
    kept = [document for document in documents if document is not None]
    if not kept:
        raise IngestError("no_article", f"no article: none of the feed's {len(documents)} entries has a title with content or a summary")
    return kept


def _document(entry: Any, extras: ItemExtras | None, *, feed_title: str | None, language: str | None, wire_format: str, origin: str) -> WireDocument | None:
    content = _content(entry)
    summary = _summary(entry, extras, content)
    title = entry.get("title", "").strip()
    if not title or not (content or summary):
        return None  # nothing an article could be made of (a later issue fetches full text)
    image_url, caption, credit = _picture(entry, extras, origin)
    # dict.get: feedparser maps a missing updated_parsed to published_parsed, with a warning
    published, updated = _when(dict.get(entry, "published_parsed")), _when(dict.get(entry, "updated_parsed"))
    feed_entry = FeedEntry(
        title=title,
        link=entry.get("link") or None,
        guid=(extras.guid if extras else None) or entry.get("id") or None,
        published=published,
        updated=updated if updated != published else None,  # feedparser copies pubDate into updated
        author=(extras.author if extras else None) or _author(entry),
        summary=summary,
        categories=categories_clean(tag.get("label") or tag.get("term") for tag in entry.get("tags", [])),
        image_url=image_url,
        image_caption=caption,
        image_credit=credit,
        feed_title=feed_title,
        language=language,
        has_full_content=bool(content),
    )
    return WireDocument(kind="feed_entry", text=content or summary, url=feed_entry.link, entry=feed_entry, meta={"format": wire_format})


def _content(entry: Any) -> str:
    """The entry's full content as HTML (content:encoded, atom:content), HTML preferred over text."""
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    contents.sort(key=lambda c: c.get("type") not in _HTML_TYPES)
    if not contents:
        return ""
    return as_html(contents[0]["value"], contents[0].get("type", "text/html"))


def _summary(entry: Any, extras: ItemExtras | None, content: str) -> str:
    """The entry's own summary; never a media:description or a copy of the content that feedparser put there."""
    if extras is not None:
        summary = extras.summary
    else:
        detail = entry.get("summary_detail") or {}
        summary = as_html(entry.get("summary") or "", detail.get("type") or "text/html")  # feedparser may hold None
    return "" if summary.strip() == content.strip() else summary.strip()


def _picture(entry: Any, extras: ItemExtras | None, origin: str) -> tuple[str | None, str | None, str | None]:
    if extras is not None and extras.image_url:
        try:
            url = urljoin(origin, extras.image_url) if is_url(origin) else extras.image_url
        except ValueError:  # "http://[": an unclosed IPv6 host (issue 6, fuzzing)
            return None, extras.image_caption, extras.image_credit
        return url, extras.image_caption, extras.image_credit
    if extras is not None:
        return None, None, None
    for field in ("media_content", "media_thumbnail"):
        for item in entry.get(field, []):
            if item.get("url") and item.get("medium", "image") == "image":
                return item["url"], None, None
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return link.get("href"), None, None
    return None, None, None


def _author(entry: Any) -> str | None:
    names = [name for a in entry.get("authors", []) if (name := (a.get("name") or "").strip())]  # <name/> is None
    if names:
        return ", ".join(dict.fromkeys(names))
    author = (entry.get("author") or "").strip()
    return author if author and "@" not in author else None


def _when(value: Any) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None


def as_html(value: str, content_type: str) -> str:
    """Feed text as HTML: plain text is escaped and split into paragraphs on blank lines."""
    value = value.strip()
    if not value or content_type in _HTML_TYPES:
        return value
    paragraphs = [" ".join(p.split()) for p in _BLANK_LINES.split(value)]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)


def categories_clean(values: Any) -> tuple[str, ...]:
    """Category names stripped and deduplicated (case-insensitively), in feed order."""
    seen: dict[str, str] = {}
    for value in values:
        name = " ".join(str(value or "").split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def _clean(value: Any) -> str:
    return " ".join(html.unescape(str(value or "")).split())


# How often the publisher says its feed changes, read from the channel's head without parsing the feed
# (the poller needs it for every 200, and most polls are not otherwise parsed in that process).
_FEED_HEAD = 65536
_TTL = re.compile(rb"<ttl>\s*(\d{1,6})\s*</ttl>", re.IGNORECASE)
_SY_PERIOD = re.compile(rb"<(?:[\w.-]+:)?updatePeriod>\s*(hourly|daily|weekly|monthly|yearly)\s*</", re.IGNORECASE)
_SY_FREQUENCY = re.compile(rb"<(?:[\w.-]+:)?updateFrequency>\s*(\d{1,6})\s*</", re.IGNORECASE)
_SY_MINUTES = {b"hourly": 60, b"daily": 1440, b"weekly": 10080, b"monthly": 43200, b"yearly": 525600}


def feed_refresh_minutes(payload: bytes) -> float | None:
    """Minutes the publisher asks readers to wait between polls: RSS ``<ttl>``, else the syndication module's
    ``sy:updatePeriod`` ÷ ``sy:updateFrequency`` (RSS 1.0 and many RSS 2.0 feeds); None when the feed says neither.
    """
    head = payload[:_FEED_HEAD]
    ttl = _TTL.search(head)
    if ttl and int(ttl.group(1)) > 0:
        return float(ttl.group(1))
    period = _SY_PERIOD.search(head)
    if not period:
        return None
    frequency = _SY_FREQUENCY.search(head)
    times = int(frequency.group(1)) if frequency and int(frequency.group(1)) > 0 else 1
    return _SY_MINUTES[period.group(1).lower()] / times
