"""The formats the wire stage reads, in the order their sniffers are asked.

Adding a format is one line here plus its reader module. Order matters:
NewsML (by its root element) before feeds, ninjs (JSON objects with a
``uri``) before JSON Feed, and feeds and pages, recognised by their markup,
before the catch-all for plain prose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsdesk.core.document import WireDocument
from newsdesk.wire import detect
from newsdesk.wire.capture import capture_read
from newsdesk.wire.feed import feed_read
from newsdesk.wire.html import page_read
from newsdesk.wire.jsonfeed import json_feed_read
from newsdesk.wire.newsml1 import looks_like_newsml1, newsml1_read
from newsdesk.wire.newsmlg2 import looks_like_newsml_g2, newsml_g2_read
from newsdesk.wire.ninjs import looks_like_ninjs, ninjs_read

Reader = Callable[..., list[WireDocument]]


@dataclass(frozen=True)
class WireFormat:
    """A format: its name, how to recognise it, and the reader that splits it into documents."""

    name: str
    sniff: Callable[[str], bool]
    read: Reader


FORMATS: tuple[WireFormat, ...] = (
    WireFormat("newsml_g2", looks_like_newsml_g2, newsml_g2_read),
    WireFormat("newsml1", looks_like_newsml1, newsml1_read),
    WireFormat("feed", detect.looks_like_xml_feed, feed_read),
    WireFormat("ninjs", looks_like_ninjs, ninjs_read),
    WireFormat("json_feed", detect.looks_like_json_feed, json_feed_read),
    WireFormat("html", detect.looks_like_html, page_read),
    WireFormat("capture", detect.looks_like_capture, capture_read),
)
