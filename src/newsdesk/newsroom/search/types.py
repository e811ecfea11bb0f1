"""What a search is asked and what it answers: plain values, the same for every backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 100


@dataclass(frozen=True)
class SearchQuery:
    """The reader's words and filters. Slugs name the section, source and entity; ``until`` is exclusive.

    ``page`` and ``page_size`` are clamped (1 up; 1..100), never refused.
    """

    text: str
    section: str | None = None
    source: str | None = None
    entity: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    page: int = 1
    page_size: int = PAGE_SIZE_DEFAULT

    @property
    def limit(self) -> int:
        return min(max(int(self.page_size), 1), PAGE_SIZE_MAX)

    @property
    def number(self) -> int:
        return max(int(self.page), 1)

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.limit


@dataclass(frozen=True)
class SearchHit:
    """One article found: its id, its score, and its headline and snippet as safe HTML with ``<mark>``s."""

    article_id: int
    rank: float
    headline_html: str
    snippet_html: str


@dataclass(frozen=True)
class SearchPage:
    """One page of hits, best first, and how many articles match in all.

    ``capped``: more matched than the ranking takes (``ranking.RANKED_MAX``);
    ``total`` is then that many and "at least" is the honest reading.
    """

    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    page: int = 1
    page_size: int = PAGE_SIZE_DEFAULT

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
