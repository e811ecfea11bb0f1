"""Prose copied off a page (the seed is one): one WireDocument holding the text as it is."""

from __future__ import annotations

from newsdesk.core.document import WireDocument
from newsdesk.wire.origin import is_url


def capture_read(text: str, *, origin: str) -> list[WireDocument]:
    """The text untouched; the capture extractor finds headline, dateline and clutter in it."""
    return [WireDocument(kind="capture", text=text, url=origin if is_url(origin) else None, meta={"format": "capture"})]
