"""What a successful fetch brings back: the body and what the server said about polling it again."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HttpResponse:
    """One fetch's outcome, after redirects.

    ``not_modified`` is True on a 304 (``payload`` is then empty and
    ``etag``/``last_modified`` are the validators to send next time: the
    server's new ones, else the ones the request carried). ``retry_after`` and
    ``cache_max_age`` are seconds, or None when the server did not say.
    """

    url: str
    status: int
    payload: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None
    cache_max_age: float | None = None
    not_modified: bool = False
    redirects: tuple[str, ...] = ()
