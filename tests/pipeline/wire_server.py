"""A real HTTP server on 127.0.0.1 for polling tests, and the feeds and pages it serves.

Routes are set per test: ``server.route("/feed.xml", Route(body=..., etag=...))``.
A route can answer 304 to a matching If-None-Match / If-Modified-Since, a fixed
status with headers (404, 429 + Retry-After, 503), or sleep before answering
(the slow host). Every request is counted so tests can prove a 304 was asked for.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Hit:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int


class WireServer:
    """A threaded HTTP server whose answers the test sets route by route."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.active = 0  # requests being answered right now
        self.max_active = 0  # the most at once, to prove a per-host cap
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server._answer(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, route: Route) -> None:
        with self._lock:
            self.routes[path] = route

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.hits if hit.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            route = self.routes.get(handler.path)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            if route is not None and route.delay:
                time.sleep(route.delay)
            self._respond(handler, route)
        finally:
            with self._lock:
                self.active -= 1

    def _respond(self, handler: BaseHTTPRequestHandler, route: Route | None) -> None:
        inm, ims = handler.headers.get("If-None-Match"), handler.headers.get("If-Modified-Since")
        if route is None:
            status, body, headers = 404, b"not found", {"Content-Type": "text/plain"}
        elif route.status == 200 and ((route.etag and inm == route.etag) or (route.last_modified and ims == route.last_modified and not inm)):
            status, body, headers = 304, b"", dict(route.headers)
        else:
            status, body = route.status, route.body
            headers = {"Content-Type": route.content_type, **route.headers}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
        with self._lock:
            self.hits.append(Hit(handler.path, inm, ims, status))
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if body:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def __enter__(self) -> "WireServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(timezone.utc), usegmt=True)


_WORDS = (
    "ferry", "bridge", "school", "harbour", "library", "market", "hospital", "tram", "reservoir", "museum", "stadium",
    "orchard", "quarry", "lighthouse", "depot", "airfield", "canal", "bakery", "foundry", "theatre", "vineyard", "mill",
)


def story_paragraphs(key: str, count: int = 4) -> list[str]:
    """Distinct, article-like prose for story ``key`` (enough text for the page extractor).

    Each story's words are drawn from its key, so two stories are never near-duplicates of each other
    (the pipeline folds near-duplicate copies of one story into one article, issue 4).
    """
    rng = random.Random(key)

    def words(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    return [
        f"Officials said on {rng.choice(('Monday', 'Tuesday', 'Friday'))} that the {words(3)} plan known as {key} "
        f"would go ahead after a vote of {rng.randint(9, 40)} to {rng.randint(1, 8)}, ending months of argument "
        f"about the {words(4)} and paragraph {n} of the proposal, which names the {words(5)}."
        for n in range(1, count + 1)
    ]


def page_html(key: str, *, headline: str, when: datetime) -> bytes:
    """An article page, with the clutter a real one has, that ``draft_from_page`` reads."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story_paragraphs(key))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(headline)} | The Test Courier</title>
<meta property="og:title" content="{escape(headline)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{when.isoformat()}">
<meta property="og:site_name" content="The Test Courier">
</head><body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<main><article><h1>{escape(headline)}</h1>
<div class="byline">By Ana Lopes</div><div class="body">{paragraphs}</div></article></main>
<footer>Copyright The Test Courier</footer></body></html>""".encode()


@dataclass(frozen=True)
class Entry:
    key: str
    headline: str
    when: datetime
    full: bool  # full text in the feed, or a summary and a link to the page


def entries_make(prefix: str, count: int, *, summary_every: int = 0) -> list[Entry]:
    """``count`` distinct entries; every ``summary_every``-th one carries only a summary."""
    return [
        Entry(
            key=f"{prefix}-{n}",
            headline=f"Council approves plan {prefix} number {n} for the harbour district",
            when=START + timedelta(minutes=n),
            full=not (summary_every and n % summary_every == 0),
        )
        for n in range(count)
    ]


def feed_xml(entries: list[Entry], *, base: str, title: str = "Test Courier Wire", ttl: int | None = None) -> bytes:
    """An RSS 2.0 feed of ``entries``: full ones with content:encoded, the others a summary and a link."""
    items = []
    for entry in entries:
        body = "".join(f"<p>{escape(p)}</p>" for p in story_paragraphs(entry.key))
        content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if entry.full else ""
        items.append(
            f"<item><title>{escape(entry.headline)}</title><link>{base}/pages/{entry.key}.html</link>"
            f'<guid isPermaLink="false">urn:test:{entry.key}</guid><pubDate>{http_date(entry.when)}</pubDate>'
            f"<category>World</category><description>Summary of {escape(entry.key)}: the council voted.</description>"
            f"{content}</item>"
        )
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>{base}/</link><description>test</description>{ttl_tag}"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve_entries(server: WireServer, path: str, entries: list[Entry], **feed_options) -> None:
    """Route the feed at ``path`` and a page for every entry."""
    server.route(path, Route(body=feed_xml(entries, base=server.base, **feed_options), etag=f'"{path}-{len(entries)}"'))
    for entry in entries:
        server.route(
            f"/pages/{entry.key}.html",
            Route(body=page_html(entry.key, headline=entry.headline, when=entry.when), content_type="text/html; charset=utf-8"),
        )
