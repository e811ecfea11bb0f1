"""A per-host cap on concurrent fetches, so one slow host cannot take every worker thread.

A thread that finds its host at the cap does not wait: it raises HostBusy
and the job is put back for a moment later, so the thread goes on to work
for other hosts. The cap holds per worker process (each process keeps its
own count); NEWSDESK_HOST_CONCURRENCY sets it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

_lock = threading.Lock()
_busy: Counter[str] = Counter()


class HostBusy(Exception):
    """The host already has as many fetches in flight as the cap allows."""

    def __init__(self, host: str, limit: int) -> None:
        super().__init__(f"{host} already has {limit} fetch(es) in flight")
        self.host = host


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"


@contextmanager
def host_slot(url: str, *, limit: int) -> Iterator[None]:
    """Hold one of ``limit`` fetch slots for the URL's host (and port) while the block runs."""
    host = host_of(url)
    with _lock:
        if _busy[host] >= max(limit, 1):
            raise HostBusy(host, limit)
        _busy[host] += 1
    try:
        yield
    finally:
        with _lock:
            _busy[host] -= 1
            if not _busy[host]:
                del _busy[host]


def hosts_busy() -> dict[str, int]:
    """Fetches in flight per host in this process (for tests and diagnostics)."""
    with _lock:
        return dict(_busy)
