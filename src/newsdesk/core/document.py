"""What the wire stage hands to the extract stage: decoded, split, not yet understood."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

DocumentKind = Literal["capture", "html", "feed_entry"]


@dataclass(frozen=True)
class FeedEntry:
    """The metadata a feed entry carries beside its content."""

    title: str = ""
    link: str | None = None
    guid: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    author: str | None = None
    summary: str = ""
    categories: tuple[str, ...] = ()
    image_url: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    feed_title: str | None = None
    language: str | None = None
    has_full_content: bool = False


@dataclass(frozen=True)
class WireDocument:
    """One item off the wire.

    ``text`` is the page capture's text for ``capture``, the page markup for
    ``html``, and the entry's content (HTML) for ``feed_entry``.
    """

    kind: DocumentKind
    text: str
    url: str | None = None
    entry: FeedEntry | None = None
    meta: dict[str, str] = field(default_factory=dict)
