"""The API's rate limit: a client over its requests a minute waits, others do not; the count is shared."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import get_resolver

from newsdesk.api import throttle

pytestmark = pytest.mark.django_db

ALICE = "203.0.113.7"
BOB = "198.51.100.23"


@pytest.fixture
def limit(settings) -> int:
    cache.clear()
    settings.API_RATE_LIMIT = 5
    settings.PROXY_COUNT = 0
    yield settings.API_RATE_LIMIT
    cache.clear()


def _get(path: str = "/api/v1/sections", *, address: str = ALICE, method: str = "get", **headers):
    return getattr(Client(REMOTE_ADDR=address), method)(path, **headers)


def test_the_default_limit_is_120_requests_a_minute():
    import newsdesk.config.settings as defaults

    assert "NEWSDESK_API_RATE_LIMIT" in os.environ or defaults.API_RATE_LIMIT == 120


def test_a_client_over_the_limit_gets_429_with_retry_after_and_others_are_served(limit):
    assert [_get().status_code for _ in range(limit)] == [200] * limit
    refused = _get()
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["Cache-Control"] == "no-store"  # a CDN must not answer other readers with it
    assert refused.headers["Content-Security-Policy"]
    assert _get(address=BOB).status_code == 200


def test_every_api_operation_and_method_counts_against_the_limit(limit):
    paths = ["/api/v1/articles", "/api/v1/articles/1", "/api/v1/sections", "/api/v1/search?q=x", "/api/v1/openapi.json", "/api/v1/nope"]
    for path in paths[: limit - 1]:
        _get(path)
    _get(method="options")
    for path in paths:
        assert _get(path).status_code == 429, path
    assert _get(method="post").status_code == 429


def test_every_api_url_pattern_is_behind_the_limit():
    (api,) = [p for p in get_resolver().url_patterns if str(p.pattern) == "api/v1/"]
    for pattern in api.url_patterns:
        assert pattern.callback.__code__ is throttle.throttled(lambda r: r).__code__, pattern.name


def test_the_limit_resets_with_the_next_minute(limit, monkeypatch):
    start = 1_800_000_000.0  # the start of a minute
    monkeypatch.setattr(throttle.time, "time", lambda: start + 50)
    for _ in range(limit):
        _get()
    refused = _get()
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "10"
    monkeypatch.setattr(throttle.time, "time", lambda: start + 61)
    assert _get().status_code == 200


def test_a_forged_x_forwarded_for_does_not_escape_the_limit(limit):
    """Without NEWSDESK_PROXY_COUNT the header is the client's own word and is ignored."""
    for number in range(limit):
        _get(HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert _get(HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


def test_behind_a_proxy_the_address_the_proxy_saw_is_the_client(limit, settings):
    settings.PROXY_COUNT = 1
    nginx = "10.0.0.5"
    for number in range(limit):
        # The client wrote a different first entry each time; nginx appended what it saw.
        assert _get(address=nginx, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, {ALICE}").status_code == 200
    assert _get(address=nginx, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {ALICE}").status_code == 429
    assert _get(address=nginx, HTTP_X_FORWARDED_FOR=BOB).status_code == 200


def test_an_ipv6_client_is_one_client_across_its_64(limit):
    for host in range(limit):
        _get(address=f"2001:db8:1:2::{host + 1:x}")
    assert _get(address="2001:db8:1:2:ffff::1").status_code == 429
    assert _get(address="2001:db8:1:3::1").status_code == 200
    assert _get(address=f"::ffff:{BOB}").status_code == 200  # an IPv4-mapped address is its IPv4 client


def test_requests_from_this_machine_and_a_limit_of_zero_are_not_limited(limit, settings):
    assert all(_get(address="127.0.0.1").status_code == 200 for _ in range(limit + 2))
    assert all(_get(address="::1").status_code == 200 for _ in range(limit + 2))
    settings.API_RATE_LIMIT = 0
    assert all(_get().status_code == 200 for _ in range(limit + 2))


def test_the_site_pages_are_not_limited(limit, article_factory):
    article_factory()
    for _ in range(limit + 2):
        assert _get("/").status_code == 200


def test_a_cache_that_cannot_be_reached_lets_requests_through(limit, monkeypatch):
    from redis.exceptions import ConnectionError as RedisConnectionError

    def down(*args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(cache, "add", down)
    assert all(_get().status_code == 200 for _ in range(limit + 2))


# Several web processes: the count lives in Redis, so a client's requests add up across processes.

REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 12


@pytest.fixture
def redis_cache(settings, limit, tmp_path):
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1).close()
    except OSError:
        reason = f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT} (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB - (int(worker[2:]) % 3 if worker[2:].isdigit() else 0)}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    cache.clear()
    yield url
    cache.clear()


def test_with_redis_a_client_is_counted_across_web_processes(redis_cache, limit, tmp_path):
    now = time.time()
    if now % throttle.WINDOW_SECONDS > throttle.WINDOW_SECONDS - 5:
        time.sleep(6)  # not across a minute boundary
    other_process = (
        "import django; django.setup();"
        "from newsdesk.api.throttle import request_count; import time;"
        f"print([request_count({ALICE!r}, now=time.time())[0] for _ in range({limit - 1})])"
    )
    env = {**os.environ, "REDIS_URL": redis_cache, "NEWSDESK_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "newsdesk.config.settings"}
    counted = subprocess.run([sys.executable, "-c", other_process], env=env, capture_output=True, text=True, timeout=60, check=True)
    assert counted.stdout.strip() == str(list(range(1, limit)))
    assert _get().status_code == 200
    assert _get().status_code == 429
