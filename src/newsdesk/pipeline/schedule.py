"""When to poll a source next: pure arithmetic over what the source and the server said.

After a success the wait is the source's interval, lengthened (never
shortened) by the feed's ``<ttl>`` or ``sy:updatePeriod`` / ``sy:updateFrequency``
(read by the wire reader, ``wire.feed.feed_refresh_minutes``), the response's Cache-Control / Expires and
any Retry-After, and capped so a feed claiming a year of freshness is still
read daily. After a failure the wait doubles with each failure in a row
(equal jitter, so sources that failed together do not retry together), capped
at ``ceiling`` so a source keeps being tried at a slower pace and recovers by
itself; a Retry-After (429, 503) is always honoured up to a day.
"""

from __future__ import annotations

import random
from datetime import timedelta

from newsdesk.wire.feed import feed_refresh_minutes

RETRY_AFTER_LIMIT = timedelta(days=1)
FRESHNESS_LIMIT = timedelta(days=1)


def feed_ttl(payload: bytes) -> timedelta | None:
    """How long the feed says it stays fresh: its ``<ttl>``, else its syndication module's update period."""
    minutes = feed_refresh_minutes(payload)
    return timedelta(minutes=minutes) if minutes else None


def wait_after_success(
    *, interval: timedelta, ttl: timedelta | None = None, max_age: float | None = None, retry_after: float | None = None
) -> timedelta:
    """The wait before the next poll of a source that answered."""
    wait = interval
    for hint in (ttl, _seconds(max_age), _seconds(retry_after)):
        if hint is not None:
            wait = max(wait, hint)
    return min(wait, max(interval, FRESHNESS_LIMIT))


def wait_after_failure(
    *, interval: timedelta, failures: int, ceiling: timedelta, retry_after: float | None = None, rng: random.Random | None = None
) -> timedelta:
    """Exponential back-off with equal jitter: between half and all of ``interval × 2^(failures−1)``, capped."""
    rng = rng or random.Random()
    exponent = min(max(failures, 1) - 1, 30)
    full = min(interval * (2**exponent), max(ceiling, interval))
    wait = full / 2 + full / 2 * rng.random()
    asked = _seconds(retry_after)
    if asked is not None:
        wait = max(wait, min(asked, RETRY_AFTER_LIMIT))
    return wait


def _seconds(value: float | None) -> timedelta | None:
    return timedelta(seconds=value) if value is not None and value > 0 else None
