"""Serialise a Draft as IPTC ninjs 3.x, our interchange format."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from newsdesk.core.draft import Draft

NINJS_PROFILE = "newsdesk-article"
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _when(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def body_text(body_html: str) -> str:
    """Plain text of a body, for word counts and search."""
    text = _TAG.sub(" ", body_html)
    for entity, char in (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'")):
        text = text.replace(entity, char)
    return _SPACE.sub(" ", text).strip()


def web_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a wire's `javascript:` or `file:` link goes nowhere."""
    if url and re.match(r"^https?://[^\s/]", url.strip(), re.IGNORECASE):
        try:
            urlsplit(url.strip()).port  # "http://[" (an unclosed IPv6 host) or port 99999: saving it crashed (issue 6)
        except ValueError:
            return None
        return url.strip()
    return None


def draft_uri(draft: Draft) -> str:
    return web_url(draft.original_url) or f"urn:newsdesk:draft:{draft.fingerprint}"


def draft_to_ninjs(draft: Draft, *, uri: str | None = None) -> dict[str, Any]:
    """The draft as a ninjs 3.x text item (validates against ninjs-schema_3.1)."""
    item: dict[str, Any] = {
        "uri": uri or draft_uri(draft),
        "type": "text",
        "profile": NINJS_PROFILE,
        "language": draft.language,
        "headlines": [{"role": "main", "value": draft.headline}],
    }
    if draft.version:
        item["version"] = draft.version
    if draft.published:
        item["firstCreated"] = _when(draft.published)
        item["versionCreated"] = _when(draft.updated or draft.published)
    if draft.section:
        item["subjects"] = [{"name": draft.section, "rel": "section"}]
    if draft.dateline:
        item["located"] = draft.dateline
    if draft.byline:
        item["by"] = draft.byline
    if draft.credit:
        item["infoSources"] = [{"name": draft.credit, "role": "source"}]
    if draft.summary:
        item["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": draft.summary}]
    if draft.picture and (draft.picture.url or draft.picture.caption):
        item["associations"] = [_picture(draft)]
    text = body_text(draft.body_html)
    item["bodies"] = [
        {
            "role": "main",
            "contentType": "text/html",
            "value": draft.body_html,
            "charCount": len(text),
            "wordCount": len(text.split()),
        }
    ]
    if draft.keywords:
        item.setdefault("subjects", []).extend({"name": k, "rel": "keyword"} for k in draft.keywords)
    return item


def _picture(draft: Draft) -> dict[str, Any]:
    picture = draft.picture
    assert picture is not None
    association: dict[str, Any] = {
        "name": "lead-image",
        "rel": "lead-image",
        "uri": web_url(picture.url) or f"urn:newsdesk:picture:{draft.fingerprint}",
        "type": "picture",
    }
    if picture.caption:
        association["descriptions"] = [{"role": "caption", "contentType": "text/plain", "value": picture.caption}]
    if picture.credit:
        association["by"] = picture.credit
    if web_url(picture.url):
        association["renditions"] = [{"name": "original", "href": web_url(picture.url)}]
    return association
