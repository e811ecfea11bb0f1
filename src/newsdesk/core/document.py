"""What the wire stage hands to the extract stage: decoded, split, not yet understood."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from newsdesk.core.draft import Draft

DocumentKind = Literal["capture", "html", "feed_entry", "structured"]
# A withdrawn item (ninjs or NewsML-G2 pubStatus canceled or withheld) has no draft; its reader marks the
# document with these meta keys so the pipeline kills the article it was (issue 6: wire kills).
WITHDRAWN = "withdrawn"  # the provider's word: "canceled" or "withheld"
WITHDRAWN_ID = "withdrawn_id"  # the provider's id of the item (ninjs uri, G2 guid)


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
    ``html``, the entry's content (HTML) for ``feed_entry``, and the draft's
    body for ``structured`` (a ``StructuredDocument``).
    """

    kind: DocumentKind
    text: str
    url: str | None = None
    entry: FeedEntry | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StructuredDocument(WireDocument):
    """An item from a wire format that is already an article (ninjs, NewsML): its reader mapped
    the item's own fields to ``draft``. A valid item that is no story (a picture, an event)
    has no draft, and ``meta["not_an_article"]`` says what it is.

    A subclass rather than a field of every WireDocument, so that the other kinds stay as
    they were (their golden files in tests/wire/testdata do not change).
    """

    kind: DocumentKind = "structured"
    text: str = ""
    draft: Draft | None = None
