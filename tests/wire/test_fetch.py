"""The wire stage's fetch (a thin caller of core/http): works against a real server, refuses private addresses unless allowed, caps size.

The full SSRF matrix and the limit tests live in tests/core/test_http_*.py.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.core.errors import IngestError
from newsdesk.wire.fetch import FetchPolicy, fetch, private_hosts_parse

PAGE = b"Sport\n\nHeadline here\n\nBody text.\n"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 300_000)
        elif self.path == "/page":
            if self.headers.get("If-None-Match") == '"p1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("ETag", '"p1"')
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


ALLOWED = FetchPolicy(max_bytes=100_000, allow_private_hosts=private_hosts_parse("127.0.0.1/32"))


def test_fetch_follows_a_redirect_and_returns_the_payload(server):
    fetched = fetch(f"{server}/redirect", policy=ALLOWED)
    assert fetched.payload == PAGE and fetched.url.endswith("/page")
    assert fetched.content_type.startswith("text/plain")


def test_an_unchanged_page_comes_back_not_modified(server):
    fetched = fetch(f"{server}/page", policy=ALLOWED)
    again = fetch(f"{server}/page", policy=ALLOWED, etag=fetched.etag)
    assert again.not_modified and again.payload == b"" and again.etag == '"p1"'


def test_the_test_only_switch_still_allows_loopback(server):
    assert fetch(f"{server}/page", policy=FetchPolicy(max_bytes=100_000, allow_private=True)).payload == PAGE


def test_loopback_is_refused_unless_the_operator_allows_it(server):
    with pytest.raises(IngestError) as refused:
        fetch(f"{server}/page", policy=FetchPolicy(max_bytes=100_000))
    assert refused.value.reason == "forbidden_address"


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/"])
def test_private_and_metadata_addresses_are_refused(url):
    with pytest.raises(IngestError) as refused:
        fetch(url, policy=FetchPolicy(max_bytes=1000))
    assert refused.value.reason == "forbidden_address"


def test_a_payload_over_the_cap_is_refused(server):
    with pytest.raises(IngestError) as refused:
        fetch(f"{server}/big", policy=ALLOWED)
    assert refused.value.reason == "too_large"


def test_errors_and_non_http_schemes_are_reported(server):
    with pytest.raises(IngestError, match="HTTP 404") as missing:
        fetch(f"{server}/missing", policy=ALLOWED)
    assert missing.value.reason == "http_error" and missing.value.status == 404
    with pytest.raises(IngestError) as refused:
        fetch("file:///etc/passwd", policy=ALLOWED)
    assert refused.value.reason == "bad_url"
