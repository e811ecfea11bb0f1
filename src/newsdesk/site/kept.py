"""What a process keeps between requests to render pages faster, exact because it is checked against the page generation.

A rendered page stays Django's on every request (no page cache: the view runs,
the live parts — the view count, "7 hours ago" — are read and rendered each
time); what is kept is what only a commit can change: an article's rendered
parts, the masthead's sections. Each entry is stored with the generation
(``publish.bake.generation``) read *before* the queries that built it, and is
used only while the generation is unchanged, so an edit, publish or unpublish
shows on the very next request in every process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings

from newsdesk.publish.bake import generation

T = TypeVar("T")


class Kept:
    """A small least-recently-used store of values built under one generation."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, tuple[object, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept for ``key`` under the current generation, else ``build()`` (kept unless it is None).

        With ``NEWSDESK_KEPT=0`` nothing is kept: every call builds (the strictly cold page bench/serve measures).
        """
        if not settings.KEPT:
            return build()
        now = generation.current()
        with self._lock:
            held = self._items.get(key)
            if held is not None and held[0] == now:
                self._items.move_to_end(key)
                return held[1]  # type: ignore[return-value]
        value = build()
        if value is not None:
            with self._lock:
                self._items[key] = (now, value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


ARTICLES = Kept(256)  # an article page's parts: ~30 KB for a long article
SITE = Kept(16)  # the masthead's sections
