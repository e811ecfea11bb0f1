"""Where a payload came from: a URL we may link to, or a file name we must not."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_url(value: str | None) -> bool:
    """True for an absolute http(s) URL; a path such as ``/tmp/page.html`` or ``upload`` is not one."""
    if not value:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[": an unclosed IPv6 host (issue 6, fuzzing)
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
