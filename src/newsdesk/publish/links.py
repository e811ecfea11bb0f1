"""Which stored URLs may be shown, and how a path on this site becomes an absolute URL for machines.

A page may show an image at a path of its own ("/static/site/…"); feeds,
JSON-LD and OpenGraph are read away from the page, so they need the
absolute URL. Anything but http(s) or such a path (``javascript:``,
``file:``, a scheme-relative ``//host``) is never shown.
"""

from __future__ import annotations

from urllib.parse import urljoin

from newsdesk.core.ninjs import web_url


def shown_url(url: str) -> str | None:
    """``url`` if it is http(s) or a path on this site, else None."""
    url = url.strip()
    if url.startswith("/") and not url.startswith("//"):
        return url
    return web_url(url)


def absolute_url(url: str, *, origin: str) -> str:
    """A path on this site joined to ``origin`` ("https://news.example/"); absolute URLs are left alone."""
    return urljoin(origin, url)
