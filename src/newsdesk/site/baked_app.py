"""The WSGI front: answer a GET or HEAD for a baked page from its file, before Django's stack is entered.

DESIGN.md "Scale": a bare WSGI callable serves a 27 KB page at tens of
thousands of requests a second; Django's request path at a few hundred. So
this front looks the URL up in the baked folder (``publish.bake.paths``
says which URLs can be baked and where their files are) and answers with
the file's bytes, kept in a small in-memory LRU that checks the file
(``stat``) on every request, so a page deleted or replaced by another
process is never served from memory. Answers carry a strong ETag (the md5
of the bytes, as Django's ConditionalGetMiddleware computes it),
Last-Modified, ``Cache-Control`` for browsers and CDNs, 304s for
``If-None-Match`` / ``If-Modified-Since``, and gzip or brotli when the
client accepts it.

Everything else goes to Django: other methods, other query strings, other
hosts than ``NEWSDESK_SITE_URL``'s (the page was rendered for that origin),
admin, API, static files, the view beacon. A page that is not baked yet is
baked on the spot (under its lock, see ``publish.bake.store``) and then
served; one that does not answer 200 falls through to Django.
"""

from __future__ import annotations

import gzip
import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import brotli
from django.conf import settings
from django.db import DatabaseError

from newsdesk.publish.bake import CACHE_CONTROL, BakedPage, baked_file, page_bake, state_ensure
from newsdesk.publish.bake.paths import within_depth
from newsdesk.publish.bake.render import BakeError, site_origin
from newsdesk.publish.bake.store import content_hash

log = logging.getLogger(__name__)
NEGATIVE_SECONDS = 5.0  # a URL that did not bake (a 404) is not tried again for this long


@dataclass(frozen=True)
class Variant:
    body: bytes
    etag: str
    headers: list[tuple[str, str]]
    not_modified: list[tuple[str, str]]


@dataclass(frozen=True)
class Entry:
    """One baked file as served: its identity on disk, and the bytes and headers of each encoding."""

    key: tuple[int, int, int]  # (inode, size, mtime_ns): any replacement of the file changes it
    mtime: float
    variants: dict[str, Variant]  # "identity", "gzip", "br"
    size: int


def security_headers() -> list[tuple[str, str]]:
    """The headers Django's middleware adds to every page, so a baked answer carries the same."""
    headers = []
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        policy = settings.SECURE_REFERRER_POLICY
        headers.append(("Referrer-Policy", policy if isinstance(policy, str) else ",".join(policy)))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    if "django.middleware.clickjacking.XFrameOptionsMiddleware" in settings.MIDDLEWARE:
        headers.append(("X-Frame-Options", settings.X_FRAME_OPTIONS))
    if settings.SECURE_HSTS_SECONDS:
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        headers.append(("Strict-Transport-Security", value))
    return headers


class BakedPages:
    """WSGI middleware: baked pages from files (and memory), everything else to ``app``."""

    def __init__(self, app, *, root: Path, memory_bytes: int) -> None:
        self.app = app
        self.root = root
        self.memory_bytes = memory_bytes
        self.scheme, self.host = site_origin()
        self.https_header = settings.SECURE_PROXY_SSL_HEADER if settings.SECURE_PROXY_SSL_HEADER else None
        self.extra_headers = security_headers()
        self.cache: OrderedDict[str, Entry] = OrderedDict()
        self.cached_bytes = 0
        self.lock = threading.Lock()
        self.misses: dict[str, float] = {}
        self.ready = False

    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        if method == "GET" or method == "HEAD":
            found = baked_file(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
            if found is not None and self._our_origin(environ):
                entry = self._entry(found[0], found[1]) or self._bake(environ, found[0], found[1])
                if entry is not None:
                    return self._answer(entry, environ, start_response, head=method == "HEAD")
        return self.app(environ, start_response)

    def _our_origin(self, environ) -> bool:
        if environ.get("HTTP_HOST", "").lower().removesuffix(":80" if self.scheme == "http" else ":443") != self.host:
            return False
        if self.https_header is not None and environ.get(self.https_header[0]) == self.https_header[1]:
            return self.scheme == "https"
        return environ.get("wsgi.url_scheme", "http") == self.scheme

    # The files and the memory in front of them.

    def _entry(self, file: str, content_type: str) -> Entry | None:
        path = os.path.join(self.root, file)
        try:
            info = os.stat(path)
        except OSError:
            self._forget(file)
            return None
        key = (info.st_ino, info.st_size, info.st_mtime_ns)
        entry = self.cache.get(file)
        if entry is not None and entry.key == key:
            try:
                self.cache.move_to_end(file)
            except KeyError:
                pass  # evicted by another thread meanwhile
            return entry
        try:
            with open(path, "rb") as handle:
                body = handle.read()
                info = os.fstat(handle.fileno())
        except OSError:
            return None
        entry = self._entry_make((info.st_ino, info.st_size, info.st_mtime_ns), info.st_mtime, body, path, content_type)
        self._remember(file, entry)
        return entry

    def _entry_make(self, key, mtime: float, body: bytes, path: str, content_type: str) -> Entry:
        etag = content_hash(body)
        last_modified = formatdate(mtime, usegmt=True)
        common = [("Cache-Control", CACHE_CONTROL), ("Last-Modified", last_modified), ("Vary", "Accept-Encoding"), *self.extra_headers]
        variants = {}
        for encoding, encoded in (("identity", body), ("gzip", _sibling(path, ".gz", key[2])), ("br", _sibling(path, ".br", key[2]))):
            if encoded is None:
                encoded = gzip.compress(body, compresslevel=6, mtime=0) if encoding == "gzip" else brotli.compress(body, quality=5)
            tag = f'"{etag}"' if encoding == "identity" else f'"{etag}-{encoding}"'
            headers = [("Content-Type", content_type), ("Content-Length", str(len(encoded))), ("ETag", tag), *common]
            if encoding != "identity":
                headers.append(("Content-Encoding", encoding))
            variants[encoding] = Variant(encoded, tag, headers, [("ETag", tag), *common])
        return Entry(key=key, mtime=mtime, variants=variants, size=sum(len(v.body) for v in variants.values()))

    def _remember(self, file: str, entry: Entry) -> None:
        if entry.size > self.memory_bytes // 8:
            return  # a huge sitemap is read from disk each time rather than pushing everything else out
        with self.lock:
            old = self.cache.pop(file, None)
            if old is not None:
                self.cached_bytes -= old.size
            self.cache[file] = entry
            self.cached_bytes += entry.size
            while self.cached_bytes > self.memory_bytes and self.cache:
                _, evicted = self.cache.popitem(last=False)
                self.cached_bytes -= evicted.size

    def _forget(self, file: str) -> None:
        if file in self.cache:
            with self.lock:
                old = self.cache.pop(file, None)
                if old is not None:
                    self.cached_bytes -= old.size

    def _bake(self, environ, file: str, content_type: str) -> Entry | None:
        """Bake a page nobody has asked for since it changed, then serve it; None to let Django answer."""
        now = time.monotonic()
        if self.misses.get(file, 0) > now or not within_depth(file, settings.BAKE_SECTION_PAGES):
            return None
        if not self.ready:
            state_ensure()
            self.ready = True
        page = BakedPage(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
        try:
            page_bake(page, only_missing=True)
        except (BakeError, DatabaseError, OSError):
            # Django answers this request itself; the failure is logged with its cause.
            log.exception("baked pages: could not bake %s", page.url)
            self.misses[file] = now + NEGATIVE_SECONDS
            return None
        entry = self._entry(file, content_type)
        if entry is None:
            if len(self.misses) > 10_000:
                self.misses.clear()
            self.misses[file] = now + NEGATIVE_SECONDS
        return entry

    # The answer.

    def _answer(self, entry: Entry, environ, start_response, *, head: bool):
        variant = entry.variants[_encoding(environ.get("HTTP_ACCEPT_ENCODING", ""))]
        if _not_modified(environ, variant.etag, entry.mtime):
            start_response("304 Not Modified", variant.not_modified)
            return []
        start_response("200 OK", variant.headers)
        return [] if head else [variant.body]


def _sibling(path: str, suffix: str, mtime_ns: int) -> bytes | None:
    """A precompressed sibling written with the page (same mtime), else None."""
    try:
        with open(path + suffix, "rb") as handle:
            if os.fstat(handle.fileno()).st_mtime_ns != mtime_ns:
                return None
            return handle.read()
    except OSError:
        return None


def _encoding(accept: str) -> str:
    """The best encoding the client takes: brotli, then gzip, else none (``;q=0`` means no)."""
    if not accept:
        return "identity"
    offered = {}
    for part in accept.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip()] = quality
    if offered.get("br", 0) > 0:
        return "br"
    if offered.get("gzip", offered.get("*", 0)) > 0:
        return "gzip"
    return "identity"


def _not_modified(environ, etag: str, mtime: float) -> bool:
    """RFC 9110 13.1: If-None-Match (weak comparison) wins; If-Modified-Since only without it."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError, IndexError):
            return False
        return int(mtime) <= since
    return False


def baked_pages(app):
    """Put the baked-page front before ``app`` (the Django WSGI handler) unless ``NEWSDESK_BAKE`` is off."""
    if not settings.BAKE:
        return app
    Path(settings.BAKED_DIR).mkdir(parents=True, exist_ok=True)
    return BakedPages(app, root=Path(settings.BAKED_DIR), memory_bytes=settings.BAKED_MEMORY_BYTES)
