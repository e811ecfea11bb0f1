"""The one error a fetch raises: a reason code, a sentence, and what a poller needs to back off."""

from __future__ import annotations

from newsdesk.core.errors import IngestError

# The reason codes a fetch can fail with (stored on sources and raw items, shown on `source list`).
REASONS = frozenset(
    {"bad_url", "forbidden_address", "fetch_failed", "http_error", "too_slow", "too_large", "too_many_redirects"}
)


class FetchError(IngestError):
    """A fetch that did not bring back a body.

    ``status`` is the HTTP status for ``http_error``; ``retry_after`` is the
    server's Retry-After in seconds (sent with 429 and 503), so a poller can
    wait exactly as long as it was asked to.
    """

    def __init__(self, reason: str, message: str, *, url: str = "", status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason, message)
        self.url = url
        self.status = status
        self.retry_after = retry_after
