"""One poll of a URL: a conditional GET through the core HTTP client, in the poller's terms.

``poll`` is the only place the poller touches HTTP. It sends the validators
the source kept (so an unchanged feed costs a 304 and no body) and brings back
what the server said about asking again (Cache-Control / Expires, and
Retry-After on a 429 or 503), which ``pipeline.schedule`` turns into the next
poll time. Failures come back as ``PollFailed`` with the client's reason code.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from newsdesk.core.http import FetchError, FetchPolicy, PrivateHosts, http_get, private_hosts_parse


@dataclass(frozen=True)
class Polled:
    """A poll that got an answer: a new body, or ``not_modified`` (304) with nothing to store."""

    url: str
    payload: bytes = b""
    content_type: str = ""
    not_modified: bool = False
    etag: str = ""
    last_modified: str = ""
    max_age: float | None = None
    retry_after: float | None = None


class PollFailed(Exception):
    """A poll that brought back no body: ``reason`` is a stable code, ``message`` the sentence for the operator."""

    def __init__(self, reason: str, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status
        self.retry_after = retry_after


def poll_policy(*, max_bytes: int, deadline_seconds: float | None = None) -> FetchPolicy:
    """The fetch limits from settings: payload cap, the per-fetch deadline, the private hosts allowed."""
    return FetchPolicy(
        max_bytes=max_bytes,
        deadline_seconds=deadline_seconds or settings.POLL_DEADLINE_SECONDS,
        allow_private=settings.ALLOW_PRIVATE_FETCH,
        allow_private_hosts=_private_hosts(),
    )


def poll(url: str, *, etag: str = "", last_modified: str = "", policy: FetchPolicy) -> Polled:
    """GET ``url`` with the validators kept from the last poll. Raises PollFailed."""
    try:
        response = http_get(url, policy=policy, etag=etag or None, last_modified=last_modified or None)
    except FetchError as error:
        raise PollFailed(error.reason, error.message, status=error.status, retry_after=error.retry_after) from error
    return Polled(
        url=response.url,
        payload=response.payload,
        content_type=response.content_type,
        not_modified=response.not_modified,
        etag=response.etag or "",
        last_modified=response.last_modified or "",
        max_age=response.cache_max_age,
        retry_after=response.retry_after,
    )


def _private_hosts() -> PrivateHosts:
    allowed = getattr(settings, "ALLOW_PRIVATE_HOSTS", "")
    if isinstance(allowed, PrivateHosts):
        return allowed
    if isinstance(allowed, (list, tuple)):
        allowed = ",".join(allowed)
    return private_hosts_parse(allowed or "")
