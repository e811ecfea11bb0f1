"""The limits of one fetch: a total deadline that a trickling server cannot stretch, and size caps.

Socket timeouts bound one read, not a fetch: a server that sends one byte
every second never trips them. So each fetch arms a watchdog with its
deadline; when the deadline passes, the watchdog shuts the socket down, which
wakes a read blocked anywhere (TLS handshake, status line, headers, body) and
the client reports ``too_slow``. One daemon thread serves every fetch.
"""

from __future__ import annotations

import heapq
import itertools
import os
import socket
import threading
import time
from email.message import Message

from newsdesk.core.http.errors import FetchError

MB = 1024 * 1024


class Deadline:
    """The moment a fetch must be over, on the monotonic clock."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.at

    def error(self, url: str) -> FetchError:
        return FetchError("too_slow", f"too slow: {url} took longer than the {self.seconds:g} s limit for one fetch", url=url)


class Guard:
    """One armed socket. ``fired`` tells the client that the watchdog, not the server, ended a read."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock  # replaced by the TLS socket once the handshake starts
        self.fired = False
        self.cancelled = False

    def fire(self) -> None:
        self.fired = True
        try:
            # socket.socket.shutdown on the file descriptor, never SSLSocket.shutdown, which would
            # tear down TLS state under the thread that is reading.
            socket.socket.shutdown(self.sock, socket.SHUT_RDWR)
        except OSError:
            pass


class Watchdog:
    """A heap of (deadline, guard); a single thread fires each guard not cancelled in time."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Guard]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._pid = 0

    def arm(self, sock: socket.socket, deadline: Deadline) -> Guard:
        guard = Guard(sock)
        with self._wake:
            if self._pid != os.getpid():  # first use, or a forked worker that lost the thread
                self._pid = os.getpid()
                self._heap = []
                threading.Thread(target=self._run, name="newsdesk-fetch-watchdog", daemon=True).start()
            heapq.heappush(self._heap, (deadline.at, next(self._order), guard))
            self._wake.notify()
        return guard

    def disarm(self, guard: Guard) -> None:
        guard.cancelled = True  # left in the heap; dropped when it reaches the top

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._heap and self._heap[0][2].cancelled:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._wake.wait()
                    continue
                at, _, guard = self._heap[0]
                delay = at - time.monotonic()
                if delay > 0:
                    self._wake.wait(delay)
                    continue
                heapq.heappop(self._heap)
                guard.fire()


WATCHDOG = Watchdog()


def megabytes(size: int) -> str:
    value = size / MB
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def too_large(url: str, limit: int, *, announced: int | None = None) -> FetchError:
    sentence = f"too large: over the {megabytes(limit)} MB limit"
    if announced is not None:
        sentence += f" (the server announced {megabytes(announced)} MB)"
    return FetchError("too_large", f"{sentence}: {url}", url=url)


def headers_check(headers: Message, *, url: str, max_count: int, max_bytes: int) -> None:
    """Refuse a response whose headers are too many or too big (a header flood)."""
    items = headers.items()
    if len(items) > max_count:
        raise FetchError("too_large", f"too large: {len(items)} response headers, over the limit of {max_count}: {url}", url=url)
    size = sum(len(name) + len(str(value)) + 4 for name, value in items)
    if size > max_bytes:
        raise FetchError("too_large", f"too large: the response headers are over the {max_bytes // 1024} KB limit: {url}", url=url)
