"""One place to ask the time, so tests and the demo loader can agree on "now"."""

from __future__ import annotations

from datetime import datetime, timezone


def now() -> datetime:
    return datetime.now(timezone.utc)
