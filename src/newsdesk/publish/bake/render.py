"""Render one URL through the real Django stack, as an anonymous reader of the public site would get it.

The request is made up (no cookie, no session, the site's public host and
scheme from ``NEWSDESK_SITE_URL``) and goes through the same middleware,
URL conf and views as a live one, so a baked page is byte for byte what
Django would have sent. It does not fire ``request_started`` or
``request_finished``: those close database connections, and baking runs
inside other work (a commit hook, a request for another page).
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from threading import Lock
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest

from newsdesk.publish.bake.paths import BakedPage

_handler: BaseHandler | None = None
_handler_lock = Lock()


class BakeError(Exception):
    """A page rendered to something that may not be baked (the wrong content type, a stream)."""

    reason = "bake_failed"


@dataclass(frozen=True)
class Rendered:
    status: int
    content_type: str
    content: bytes


def site_origin() -> tuple[str, str]:
    """(scheme, host[:port]) of ``NEWSDESK_SITE_URL``, with a default port left out."""
    parts = urlsplit(settings.SITE_URL)
    host = (parts.hostname or "localhost").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, host if parts.port in (None, default) else f"{host}:{parts.port}"


def environ_for(page: BakedPage) -> dict:
    scheme, netloc = site_origin()
    host, _, port = netloc.partition(":")
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": page.path,
        "QUERY_STRING": page.query,
        "SERVER_NAME": host,
        "SERVER_PORT": port or ("443" if scheme == "https" else "80"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": netloc,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header and scheme == "https":
        environ[proxy_header[0]] = proxy_header[1]  # as the TLS-terminating proxy would say it
    return environ


def render(page: BakedPage) -> Rendered:
    """GET ``page`` through Django; a 200 must come back with the content type the baked file will be served with."""
    response = _get_handler().get_response(WSGIRequest(environ_for(page)))
    if response.streaming:
        raise BakeError(f"{page.url} answered with a stream; only whole pages are baked")
    rendered = Rendered(status=response.status_code, content_type=response.get("Content-Type", ""), content=response.content)
    if rendered.status == 200 and rendered.content_type != page.content_type:
        raise BakeError(f"{page.url} is {rendered.content_type!r}; its baked file would be served as {page.content_type!r}")
    return rendered


def _get_handler() -> BaseHandler:
    global _handler
    with _handler_lock:
        if _handler is None:
            handler = BaseHandler()
            handler.load_middleware()
            _handler = handler
        return _handler
