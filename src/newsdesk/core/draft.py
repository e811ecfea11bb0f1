"""The one canonical article type every reader produces (ninjs-shaped)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime


@dataclass(frozen=True)
class Picture:
    """The lead photo: where it is, what the caption says, who took it."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Draft:
    """An article as extracted from the wire, before it is saved.

    ``body_html`` is sanitised HTML with one ``<p>`` per paragraph; the
    dateline place and the credit have been moved out of it into
    ``dateline`` and ``credit``. ``source_view_count`` is the count a
    captured page showed: metadata about the source, never our count.
    """

    headline: str
    body_html: str
    section: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    dateline: str | None = None
    byline: str | None = None
    credit: str | None = None
    original_url: str | None = None
    picture: Picture | None = None
    language: str = "en"
    summary: str | None = None
    guid: str | None = None
    version: str | None = None
    source_view_count: int | None = None
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def with_changes(self, **changes: object) -> "Draft":
        return replace(self, **changes)

    @property
    def fingerprint(self) -> str:
        """A stable id for the item: the provider's id when given, else its content."""
        basis = self.guid or self.original_url or f"{self.headline}\n{self.body_html}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()
