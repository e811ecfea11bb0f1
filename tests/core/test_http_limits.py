"""Limits, redirects and conditional GET against a real HTTP server on 127.0.0.1 (issue 3, point 5).

A hostile or broken server cannot make a fetch take longer than its deadline,
use more memory than its cap, or follow redirects forever; a polite one gets
its 304s, Retry-After and Cache-Control honoured.
"""

from __future__ import annotations

import gzip
import threading
import time
import tracemalloc
import zlib
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.core.http import FetchError, FetchPolicy, http_client, http_get, private_hosts_parse
from newsdesk.core.http import client
from newsdesk.core.http.decoding import accept_encoding

try:
    import brotli
except ImportError:  # brotli is optional: without it `br` is never offered
    brotli = None

MB = 1024 * 1024
BOMB_SIZE = 32 * MB


def _gzip_bomb() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MB)
    return b"".join(compressor.compress(zeros) for _ in range(BOMB_SIZE // MB)) + compressor.flush()


GZIP_BOMB = _gzip_bomb()
BROTLI_BOMB = brotli.compress(bytes(BOMB_SIZE), quality=5) if brotli else b""
FEED = b"<rss version='2.0'><channel><title>Wire</title></channel></rss>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        route = getattr(self, "route_" + self.path.strip("/").split("/")[0].replace("-", "_"), None)
        if route is None:
            self.respond(404)
        else:
            route()

    def respond(self, status, body=b"", **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), str(value))
        self.end_headers()
        self.wfile.write(body)

    def route_echo(self):
        self.respond(200, f"{self.headers['User-Agent']}\n{self.headers['Accept-Encoding']}".encode())

    def route_gzip(self):
        self.respond(200, gzip.compress(FEED), Content_Encoding="gzip")

    def route_gzip_bomb(self):
        self.respond(200, GZIP_BOMB, Content_Encoding="gzip", Content_Length=len(GZIP_BOMB))

    def route_brotli_bomb(self):
        self.respond(200, BROTLI_BOMB, Content_Encoding="br", Content_Length=len(BROTLI_BOMB))

    def route_brotli(self):
        self.respond(200, brotli.compress(FEED), Content_Encoding="br")

    def route_trickle(self):
        self.respond(200, Content_Type="application/rss+xml")
        self.drip(b"<rss>" + b" " * 40)

    def route_trickle_headers(self):
        self.wfile.write(b"HTTP/1.0 200 OK\r\n")
        self.drip(b"X-Slow: " + b"y" * 40 + b"\r\n\r\n")

    def drip(self, data):
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass  # the client hung up, as it should

    def route_loop(self):
        self.respond(302, Location="/loop")

    def route_hop(self):
        left = int(self.path.rsplit("/", 1)[1])
        if left:
            self.respond(301, Location=f"/hop/{left - 1}")
        else:
            self.respond(200, b"arrived")

    def route_to_private(self):
        self.respond(302, Location="http://10.0.0.1/admin")

    def route_to_metadata(self):
        self.respond(307, Location="http://169.254.169.254/latest/meta-data/")

    def route_to_file(self):
        self.respond(302, Location="file:///etc/passwd")

    def route_big(self):
        self.send_response(200)
        self.end_headers()  # HTTP/1.0, no Content-Length: the body ends when the connection does
        try:
            for _ in range(4 * MB // 65536):
                self.wfile.write(b"x" * 65536)
        except OSError:
            pass

    def route_big_announced(self):
        self.respond(200, b"x" * 1000, Content_Length=50 * MB)

    def route_etag(self):
        if self.headers.get("If-None-Match") == '"v1"':
            self.respond(304, ETag='"v1"')
        else:
            self.respond(200, FEED, ETag='"v1"', Last_Modified="Wed, 03 Sep 2025 10:00:00 GMT")

    def route_modified(self):
        if self.headers.get("If-Modified-Since") == "Wed, 03 Sep 2025 10:00:00 GMT":
            self.respond(304)
        else:
            self.respond(200, FEED, Last_Modified="Wed, 03 Sep 2025 10:00:00 GMT")

    def route_busy(self):
        self.respond(429, Retry_After="120")

    def route_busy_until(self):
        self.respond(429, Retry_After=formatdate(time.time() + 90, usegmt=True))

    def route_down(self):
        self.respond(503, Retry_After="30")

    def route_missing(self):
        self.respond(404)

    def route_cache(self):
        self.respond(200, FEED, Cache_Control="public, max-age=300")

    def route_cache_shared(self):
        self.respond(200, FEED, Cache_Control="max-age=60, s-maxage=600")

    def route_expires(self):
        self.respond(200, FEED, Expires=formatdate(time.time() + 120, usegmt=True))

    def route_header_flood(self):
        self.send_response(200)
        for index in range(500):
            self.send_header(f"X-Flood-{index}", "x")
        self.end_headers()

    def route_header_huge(self):
        self.respond(200, FEED, X_Big_1="y" * 30000, X_Big_2="y" * 30000, X_Big_3="y" * 30000)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


LOOPBACK = private_hosts_parse("127.0.0.1/32")


def policy(**overrides):
    return FetchPolicy(**{"max_bytes": 1 * MB, "deadline_seconds": 5.0, "allow_private_hosts": LOOPBACK, **overrides})


def refusal(url, **overrides) -> FetchError:
    with pytest.raises(FetchError) as refused:
        http_get(url, policy=policy(**overrides))
    return refused.value


def test_the_request_names_newsdesk_and_offers_only_codings_we_can_bound(server):
    user_agent, offered = http_get(f"{server}/echo", policy=policy()).payload.decode().split("\n")
    assert user_agent.startswith("newsdesk/")
    assert offered == accept_encoding()
    assert ("br" in offered) == (brotli is not None)


def test_a_gzip_body_is_decoded(server):
    assert http_get(f"{server}/gzip", policy=policy()).payload == FEED


def test_a_gzip_bomb_stops_at_the_cap_with_memory_bounded(server):
    tracemalloc.start()
    started = time.monotonic()
    try:
        error = refusal(f"{server}/gzip-bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "too_large" and "too large: over the 1 MB limit" in str(error)
    assert peak < 4 * MB, f"peak {peak / MB:.1f} MB while refusing a {BOMB_SIZE // MB} MB bomb"
    assert time.monotonic() - started < 2


@pytest.mark.skipif(brotli is None, reason="brotli not installed: `br` is not offered")
def test_a_brotli_bomb_stops_at_the_cap_with_memory_bounded(server):
    assert http_get(f"{server}/brotli", policy=policy()).payload == FEED
    tracemalloc.start()
    try:
        error = refusal(f"{server}/brotli-bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "too_large" and "too large: over the 1 MB limit" in str(error)
    assert peak < 4 * MB, f"peak {peak / MB:.1f} MB while refusing a {BOMB_SIZE // MB} MB bomb"


def test_a_server_trickling_the_body_is_cut_off_at_the_deadline(server):
    started = time.monotonic()
    error = refusal(f"{server}/trickle", deadline_seconds=2.0)
    elapsed = time.monotonic() - started
    assert error.reason == "too_slow" and "2 s limit" in str(error)
    assert 1.9 < elapsed < 3.0


def test_a_server_trickling_its_headers_is_cut_off_at_the_deadline(server):
    started = time.monotonic()
    error = refusal(f"{server}/trickle-headers", deadline_seconds=1.0)
    assert error.reason == "too_slow"
    assert time.monotonic() - started < 2.0


def test_five_redirects_are_followed_and_a_sixth_is_refused(server):
    fetched = http_get(f"{server}/hop/5", policy=policy())
    assert fetched.payload == b"arrived" and fetched.url.endswith("/hop/0") and len(fetched.redirects) == 5
    assert refusal(f"{server}/hop/6").reason == "too_many_redirects"


def test_a_redirect_loop_is_refused(server):
    error = refusal(f"{server}/loop")
    assert error.reason == "too_many_redirects" and "more than 5" in str(error)


@pytest.mark.parametrize(("path", "reason"), [("to-private", "forbidden_address"), ("to-metadata", "forbidden_address"), ("to-file", "bad_url")])
def test_every_redirect_hop_is_checked_again(server, monkeypatch, path, reason):
    """The loopback server is allowed; where it redirects to is judged on its own, before connecting."""
    real_open = client.connection_open
    reached = []

    def loopback_only(target, address, *, timeout):
        reached.append(str(address))
        assert str(address) == "127.0.0.1", "connected to a non-loopback address"
        return real_open(target, address, timeout=timeout)

    monkeypatch.setattr(client, "connection_open", loopback_only)
    assert refusal(f"{server}/{path}").reason == reason
    assert reached == ["127.0.0.1"]


def test_a_body_over_the_cap_without_content_length_is_refused(server):
    error = refusal(f"{server}/big")
    assert error.reason == "too_large" and "too large: over the 1 MB limit" in str(error)


def test_an_announced_length_over_the_cap_is_refused_before_reading(server):
    error = refusal(f"{server}/big-announced")
    assert error.reason == "too_large" and "too large: over the 1 MB limit (the server announced 50 MB)" in str(error)


def test_an_unchanged_feed_costs_a_304_with_its_etag(server):
    fetcher = http_client(policy())
    first = fetcher.get(f"{server}/etag")
    assert first.status == 200 and first.payload == FEED and first.etag == '"v1"' and not first.not_modified
    again = fetcher.get(f"{server}/etag", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.status == 304 and again.payload == b"" and again.etag == '"v1"'
    assert again.last_modified == first.last_modified  # kept from the request when the 304 does not repeat it


def test_last_modified_alone_gets_a_304(server):
    first = http_get(f"{server}/modified", policy=policy())
    again = http_get(f"{server}/modified", policy=policy(), last_modified=first.last_modified)
    assert again.not_modified and again.last_modified == "Wed, 03 Sep 2025 10:00:00 GMT"


def test_429_carries_retry_after_in_seconds(server):
    error = refusal(f"{server}/busy")
    assert (error.reason, error.status, error.retry_after) == ("http_error", 429, 120.0)
    assert "HTTP 429" in str(error) and "retry after 120 s" in str(error)


def test_429_with_an_http_date_carries_the_seconds_until_then(server):
    error = refusal(f"{server}/busy-until")
    assert error.status == 429 and 85 <= error.retry_after <= 91


def test_503_carries_retry_after(server):
    error = refusal(f"{server}/down")
    assert (error.reason, error.status, error.retry_after) == ("http_error", 503, 30.0)


def test_a_missing_page_is_an_http_error_with_its_status(server):
    error = refusal(f"{server}/missing")
    assert (error.reason, error.status, error.retry_after) == ("http_error", 404, None)


@pytest.mark.parametrize(("path", "seconds"), [("cache", 300), ("cache-shared", 600), ("expires", 120)])
def test_cache_lifetime_is_read_from_cache_control_and_expires(server, path, seconds):
    assert http_get(f"{server}/{path}", policy=policy()).cache_max_age == pytest.approx(seconds, abs=2)


@pytest.mark.parametrize("path", ["header-flood", "header-huge"])
def test_a_header_flood_is_refused(server, path):
    error = refusal(f"{server}/{path}")
    assert error.reason == "too_large" and "header" in str(error)


def test_the_loopback_server_itself_is_refused_without_the_allow_list(server):
    assert refusal(server + "/gzip", allow_private_hosts=private_hosts_parse("")).reason == "forbidden_address"
