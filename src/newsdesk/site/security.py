"""The security headers every answer carries, from Django or from the baked-page front alike.

Pages show text written by strangers (the wire), so the browser is told to
run nothing but our own files even if some markup got past the sanitiser
(issue 6, point 3; docs/security.md "The public site"):

- ``Content-Security-Policy``: scripts, styles, fonts and fetches only from
  our origin (``site.js`` is a file; no inline script, no ``eval``), images
  from our origin or any https host (wire photos) or ``data:``; no plugins,
  no ``<base>``, no framing, forms post only to us. The JSON-LD block
  (``<script type="application/ld+json">``) is data, which CSP does not
  govern. Pages are baked and the same for every reader, so there is no
  per-response nonce: nothing inline needs one.
- ``Permissions-Policy``: no camera, microphone, location, payment, USB or
  ad-topics for any page or frame.
- ``X-Content-Type-Options``, ``Referrer-Policy``, ``Cross-Origin-Opener-Policy``,
  ``X-Frame-Options`` and, when ``NEWSDESK_HTTPS`` is on,
  ``Strict-Transport-Security``: from Django's own settings, so Django's
  middleware and the baked front send the same values.

``SecurityHeadersMiddleware`` adds them to Django's answers;
``security_headers()`` is the list the baked-page front (``site.baked_app``)
sends with every file.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' https: data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
# Only features Chromium and Firefox know: an unknown name is a console error on every page.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()" for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
)
HSTS = "Strict-Transport-Security"


def _hsts() -> str | None:
    if not settings.SECURE_HSTS_SECONDS:
        return None
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value


def security_headers() -> list[tuple[str, str]]:
    """Every security header of a page, as (name, value) pairs; HSTS only when the site is on HTTPS."""
    headers = [
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("Permissions-Policy", PERMISSIONS_POLICY),
    ]
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if policy := settings.SECURE_REFERRER_POLICY:
        headers.append(("Referrer-Policy", policy if isinstance(policy, str) else ",".join(policy)))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    headers.append(("X-Frame-Options", settings.X_FRAME_OPTIONS))
    if hsts := _hsts():
        headers.append((HSTS, hsts))
    return headers


class SecurityHeadersMiddleware:
    """Adds ``security_headers()`` to every Django answer a view has not set itself.

    HSTS is left to Django's SecurityMiddleware, which sends it only on a
    request that came over HTTPS (RFC 6797 7.2: never over plain HTTP).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.headers = [(name, value) for name, value in security_headers() if name != HSTS]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in self.headers:
            response.headers.setdefault(name, value)
        return response
