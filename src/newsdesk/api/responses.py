"""How every API answer is sent: JSON, a strong ETag and 304s, public caching, CORS, JSON errors, read-only.

The data is public and the same for every caller, so every GET may be kept
by a CDN for a minute (``Cache-Control: public, max-age=60``, as the pages)
and read from any origin (``Access-Control-Allow-Origin: *``; no
credentials are ever involved). The ETag is a hash of the exact body (RFC
9110 8.8.3: a strong validator changes whenever the bytes do), so a
client's ``If-None-Match`` gets a 304 with no body.

The API only reads: any other method is a 405 with ``Allow`` before the view
runs, so nothing can change through it (issue 5: "no write without
authentication"); when writes come they will need authentication first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.views.decorators.csrf import csrf_exempt

from newsdesk.api.errors import ApiError

JSON = "application/json"
MAX_AGE = 60
READ_METHODS = ("GET", "HEAD")
ALLOW = "GET, HEAD, OPTIONS"
PREFLIGHT_MAX_AGE = 86400

View = Callable[..., HttpResponse]


def api_view(view: View) -> View:
    """Serve GET and HEAD through ``view``; OPTIONS is a CORS preflight; anything else is a 405.

    CSRF protection is off because no request can change anything here;
    it would otherwise answer a POST with an HTML 403 before the 405.
    """

    @wraps(view)
    def read_only(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            return _preflight()
        if request.method not in READ_METHODS:
            return method_not_allowed(request)
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return error_response(error)

    return csrf_exempt(read_only)


def json_response(request: HttpRequest, data: Any) -> HttpResponse:
    """200 with ``data`` as JSON and its ETag, or 304 when the client already holds that ETag."""
    body = _encode(data)
    etag = f'"{hashlib.sha256(body).hexdigest()[:40]}"'
    if _holds(request, etag):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=JSON)
    response.headers["ETag"] = etag
    return _public(response)


def error_response(error: ApiError) -> HttpResponse:
    body = _encode({"error": {"code": error.code, "message": error.message}})
    return _public(HttpResponse(body, content_type=JSON, status=error.status))


def method_not_allowed(request: HttpRequest) -> HttpResponse:
    error = ApiError(405, "method_not_allowed", f"{request.method} is not allowed: the API is read-only")
    response = error_response(error)
    response.headers["Allow"] = ALLOW
    del response.headers["Cache-Control"]
    return response


def _preflight() -> HttpResponse:
    return HttpResponse(status=204, headers={
        "Allow": ALLOW,
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": ALLOW,
        "Access-Control-Allow-Headers": "If-None-Match",
        "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE),
    })


def _public(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    # A proxy or CDN that compresses must keep one copy per encoding.
    patch_vary_headers(response, ("Accept-Encoding",))
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag"
    return response


def _holds(request: HttpRequest, etag: str) -> bool:
    """If-None-Match lists ``etag`` or is ``*`` (RFC 9110 13.1.2 compares weakly: W/"x" matches "x")."""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    held = parse_etags(header)
    return "*" in held or etag in {tag.removeprefix("W/") for tag in held}


def _encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
