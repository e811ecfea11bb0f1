"""The formats the wire stage reads, in the order their sniffers are asked.

Adding a format (ninjs, NewsML-G2) is one line here plus its reader module.
Order matters: feeds and pages are recognised by their markup before the
catch-all for plain prose.
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

Reader = Callable[..., list[WireDocument]]


@dataclass(frozen=True)
class WireFormat:
    """A format: its name, how to recognise it, and the reader that splits it into documents."""

    name: str
    sniff: Callable[[str], bool]
    read: Reader


FORMATS: tuple[WireFormat, ...] = (
    WireFormat("feed", detect.looks_like_xml_feed, feed_read),
    WireFormat("json_feed", detect.looks_like_json_feed, json_feed_read),
    WireFormat("html", detect.looks_like_html, page_read),
    WireFormat("capture", detect.looks_like_capture, capture_read),
)
