"""What a response says about when to ask again: Retry-After, Cache-Control and Expires, in seconds.

The poller turns these into the next poll time; here they are only read.
Times are measured against the response's own Date header when it has one,
so a server whose clock is off still gets the wait it asked for.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime

_DELTA = re.compile(r"\s*(\d{1,10})\s*")
_DIRECTIVE = re.compile(r"""\s*([A-Za-z-]+)\s*(?:=\s*("?)(\d+)\2)?\s*""")


def http_date(value: str | None) -> datetime | None:
    """An HTTP-date (IMF-fixdate, RFC 850 or asctime) as an aware UTC datetime, or None."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)


def retry_after(headers: Message, *, now: datetime) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date; never negative."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    delta = _DELTA.fullmatch(value)
    if delta:
        return float(delta.group(1))
    when = http_date(value)
    if when is None:
        return None
    return max(0.0, (when - _origin(headers, now)).total_seconds())


def cache_max_age(headers: Message, *, now: datetime) -> float | None:
    """How long the response stays fresh: s-maxage, else max-age, else Expires − Date; 0 for no-store/no-cache."""
    directives: dict[str, str] = {}
    for header in headers.get_all("Cache-Control") or []:
        for part in str(header).split(","):
            match = _DIRECTIVE.fullmatch(part)
            if match:
                directives.setdefault(match.group(1).lower(), match.group(3) or "")
    if "no-store" in directives or "no-cache" in directives:
        return 0.0
    for name in ("s-maxage", "max-age"):
        if directives.get(name):
            return float(directives[name])
    expires = headers.get("Expires")
    if expires is None:
        return None
    when = http_date(expires)
    if when is None:  # RFC 9111 5.3: an invalid Expires ("0", "-1") means already expired
        return 0.0
    return max(0.0, (when - _origin(headers, now)).total_seconds())


def _origin(headers: Message, now: datetime) -> datetime:
    return http_date(headers.get("Date")) or now
