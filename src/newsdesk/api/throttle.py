"""A rate limit on the API: at most ``NEWSDESK_API_RATE_LIMIT`` requests a minute from one client.

One client is one IP address (an IPv6 client by its /64, which one machine
usually holds whole). The count lives in the Django cache, so with
``REDIS_URL`` every web process shares it (``cache.incr`` is an atomic
``INCR`` there). The window is the clock minute: the 121st request in a
minute is a 429 with ``Retry-After`` saying how many seconds are left in it.

Which address is the client's: ``REMOTE_ADDR``, unless
``NEWSDESK_PROXY_COUNT`` says that many proxies in front of us each append
the address they saw to ``X-Forwarded-For``; then it is that many entries
from the right (what our own nginx saw), never an entry a client could
have written itself. A request from this machine (loopback, or a Unix
socket with no address) is not limited: it is our own proxy when
``NEWSDESK_PROXY_COUNT`` is not set, where limiting it would limit every
reader as one, or a tool of the operator's.

If the cache cannot be reached the request is let through and the failure
logged: the limit protects the API, it must not take it down.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver
from redis.exceptions import RedisError

from newsdesk.api.errors import ApiError
from newsdesk.api.responses import error_response

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60
KEY_PREFIX = "newsdesk:api-throttle"

View = Callable[..., HttpResponse]


def client_address(request: HttpRequest) -> str | None:
    """The client's address as ``NEWSDESK_PROXY_COUNT`` says to read it; None for a local request."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            address = forwarded[-hops] if len(forwarded) >= hops else forwarded[0]
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return None if not address or address.startswith("unix") else address[:100]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def request_count(client: str, *, now: float) -> tuple[int, int]:
    """Count one request from ``client``: (requests this minute, seconds left in the minute)."""
    window = int(now // WINDOW_SECONDS)
    key = f"{KEY_PREFIX}:{client}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
        count = 1
    left = max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))
    return count, left


def too_many(limit: int, retry_after: int) -> HttpResponse:
    error = ApiError(429, "rate_limited", f"too many requests: over {limit} a minute from your address; try again in {retry_after} s")
    response = error_response(error)
    response.headers["Retry-After"] = str(retry_after)
    response.headers["Cache-Control"] = "no-store"  # a CDN must not answer everyone with one client's 429
    return response


def throttled(view: View) -> View:
    """``view`` behind the per-client limit (``settings.API_RATE_LIMIT`` a minute; 0 turns it off)."""

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limit = settings.API_RATE_LIMIT
        client = client_address(request) if limit > 0 else None
        if client is not None:
            try:
                count, left = request_count(client, now=time.time())
            except (RedisError, OSError) as error:
                log.warning("API rate limit not applied: the cache cannot be reached (%s)", error)
            else:
                if count > limit:
                    return too_many(limit, left)
        return view(request, *args, **kwargs)

    return limited


def patterns_throttled(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    """The URL patterns with every view behind ``throttled`` (names, arguments and CSRF exemption kept)."""
    return [
        URLPattern(pattern.pattern, throttled(pattern.callback), pattern.default_args, pattern.name)
        if isinstance(pattern, URLPattern)
        else pattern
        for pattern in patterns
    ]
