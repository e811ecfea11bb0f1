"""The desk's own Content-Security-Policy: a fresh nonce per response for the few inline scripts.

The public pages are baked and the same for every reader, so they carry no
nonce and allow no inline script at all (``site.security``). Desk pages are
rendered per request for one signed-in user: they may use
``<script nonce="{{ request.csp_nonce }}">``, and nothing else inline runs.
They are also never stored by a browser or a proxy (``private, no-store``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

DESK_PREFIX = "/desk/"


def desk_policy(nonce: str) -> str:
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src 'self' 'nonce-{nonce}'",
            "img-src 'self' https: data:",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        )
    )


class DeskSecurityMiddleware:
    """Gives every request ``csp_nonce`` and every desk answer the policy that allows exactly that nonce.

    Sits inside ``site.security.SecurityHeadersMiddleware``, which then adds
    the site's other headers and leaves this policy as it is.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Made when first asked for: drawing it on every public page was a twentieth of a page rendered from nothing.
        request.csp_nonce = SimpleLazyObject(lambda: secrets.token_urlsafe(18))
        response = self.get_response(request)
        if request.path.startswith(DESK_PREFIX):
            response.headers.setdefault("Content-Security-Policy", desk_policy(str(request.csp_nonce)))
            if "Cache-Control" not in response.headers:
                patch_cache_control(response, private=True, no_store=True)
        return response
