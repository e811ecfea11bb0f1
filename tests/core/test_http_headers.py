"""What the poller reads off a response (Retry-After, cache lifetime) and how bodies are decoded."""

from __future__ import annotations

import gzip
import zlib
from datetime import datetime, timezone
from email.message import Message

import pytest

from newsdesk.core.http import FetchError
from newsdesk.core.http.caching import cache_max_age, retry_after
from newsdesk.core.http.decoding import STEP, decoder_for

NOW = datetime(2025, 9, 4, 12, 0, 0, tzinfo=timezone.utc)


def headers(**values: str) -> Message:
    message = Message()
    for name, value in values.items():
        message[name.replace("_", "-")] = value
    return message


@pytest.mark.parametrize(
    ("given", "seconds"),
    [
        ({"Retry_After": "120"}, 120),
        ({"Retry_After": " 0 "}, 0),
        ({"Retry_After": "Thu, 04 Sep 2025 12:01:30 GMT"}, 90),
        ({"Retry_After": "Thu, 04 Sep 2025 12:01:30 GMT", "Date": "Thu, 04 Sep 2025 11:59:30 GMT"}, 120),  # server's clock
        ({"Retry_After": "Thu, 04 Sep 2025 11:00:00 GMT"}, 0),  # in the past: retry now
        ({"Retry_After": "soon"}, None),
        ({"Retry_After": "-5"}, None),
        ({}, None),
    ],
)
def test_retry_after_is_seconds_from_delta_or_http_date(given, seconds):
    assert retry_after(headers(**given), now=NOW) == seconds


@pytest.mark.parametrize(
    ("given", "seconds"),
    [
        ({"Cache_Control": "public, max-age=300"}, 300),
        ({"Cache_Control": 'max-age="300"'}, 300),
        ({"Cache_Control": "max-age=60, s-maxage=600"}, 600),
        ({"Cache_Control": "no-cache"}, 0),
        ({"Cache_Control": "no-store, max-age=300"}, 0),
        ({"Expires": "Thu, 04 Sep 2025 12:02:00 GMT"}, 120),
        ({"Expires": "Thu, 04 Sep 2025 12:02:00 GMT", "Date": "Thu, 04 Sep 2025 12:01:00 GMT"}, 60),
        ({"Expires": "0"}, 0),  # invalid Expires means already expired (RFC 9111 5.3)
        ({"Cache_Control": "max-age=30", "Expires": "Thu, 04 Sep 2025 13:00:00 GMT"}, 30),  # max-age wins
        ({"Cache_Control": "private"}, None),
        ({}, None),
    ],
)
def test_cache_lifetime_reads_cache_control_then_expires(given, seconds):
    assert cache_max_age(headers(**given), now=NOW) == seconds


def decode(encoding: str, data: bytes, piece: int = 7) -> bytes:
    decoder = decoder_for(encoding, url="http://x/")
    out = []
    for start in range(0, len(data), piece):
        out += list(decoder.feed(data[start : start + piece]))
    out += list(decoder.finish())
    assert all(len(chunk) <= STEP + 1024 for chunk in out)
    return b"".join(out)


def test_gzip_with_several_members_and_trailing_garbage_is_decoded():
    assert decode("gzip", gzip.compress(b"one ") + gzip.compress(b"two") + b"\0\0junk") == b"one two"


def test_deflate_is_read_zlib_wrapped_or_raw():
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    assert decode("deflate", zlib.compress(b"wrapped")) == b"wrapped"
    assert decode("deflate", raw.compress(b"raw") + raw.flush()) == b"raw"


def test_large_output_comes_in_bounded_steps():
    assert decode("gzip", gzip.compress(bytes(1_000_000)), piece=1 << 20) == bytes(1_000_000)


def test_stacked_codings_are_undone_in_reverse_order():
    assert decode("deflate, gzip", gzip.compress(zlib.compress(b"layered"))) == b"layered"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("gzip", gzip.compress(b"cut short", mtime=0)[:-12]), ("gzip", b"not gzip at all"), ("zstd", b"x"), ("gzip, gzip, gzip", b"x")],
    ids=["truncated", "corrupt", "unoffered", "three-layers"],
)
def test_corrupt_truncated_or_unoffered_codings_fail_with_a_reason(encoding, data):
    with pytest.raises(FetchError) as failed:
        decode(encoding, data)
    assert failed.value.reason == "fetch_failed"
