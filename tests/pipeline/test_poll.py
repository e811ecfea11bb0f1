"""Polling: a conditional GET so an unchanged feed costs a 304, and the next poll from what the server says."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from newsdesk.pipeline.poll import PollFailed, poll, poll_policy
from newsdesk.pipeline.schedule import feed_ttl, wait_after_failure, wait_after_success
from wire_server import Route, WireServer, entries_make, feed_xml

MINUTE = timedelta(minutes=1)


@pytest.fixture
def server():
    with WireServer() as running:
        yield running


@pytest.fixture
def policy(settings):
    settings.ALLOW_PRIVATE_FETCH = True
    return poll_policy(max_bytes=1_000_000, deadline_seconds=1.0)


def test_an_unchanged_feed_costs_a_304_and_no_body(server, policy):
    body = feed_xml(entries_make("p", 3), base=server.base)
    server.route("/feed.xml", Route(body=body, etag='"v1"', last_modified="Mon, 02 Mar 2026 08:00:00 GMT"))
    first = poll(server.url("/feed.xml"), policy=policy)
    assert first.payload == body and not first.not_modified
    again = poll(server.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified, policy=policy)
    assert again.not_modified and again.payload == b""
    assert server.hits_for("/feed.xml")[-1].if_none_match == '"v1"'
    assert [hit.status for hit in server.hits_for("/feed.xml")] == [200, 304]


def test_last_modified_alone_is_sent_back_as_if_modified_since(server, policy):
    server.route("/feed.xml", Route(body=b"<rss/>", last_modified="Mon, 02 Mar 2026 08:00:00 GMT"))
    first = poll(server.url("/feed.xml"), policy=policy)
    assert poll(server.url("/feed.xml"), last_modified=first.last_modified, policy=policy).not_modified


def test_cache_control_comes_back_as_max_age(server, policy):
    server.route("/feed.xml", Route(body=b"<rss/>", headers={"Cache-Control": "public, max-age=1800"}))
    assert poll(server.url("/feed.xml"), policy=policy).max_age == 1800


def test_a_429_fails_with_the_servers_retry_after(server, policy):
    server.route("/busy.xml", Route(status=429, headers={"Retry-After": "120"}))
    with pytest.raises(PollFailed) as failed:
        poll(server.url("/busy.xml"), policy=policy)
    assert failed.value.reason == "http_error" and failed.value.status == 429 and failed.value.retry_after == 120


def test_a_503_with_retry_after_is_honoured_too(server, policy):
    server.route("/down.xml", Route(status=503, headers={"Retry-After": "30"}))
    with pytest.raises(PollFailed) as failed:
        poll(server.url("/down.xml"), policy=policy)
    assert failed.value.status == 503 and failed.value.retry_after == 30


def test_a_missing_feed_fails_with_its_status(server, policy):
    with pytest.raises(PollFailed) as failed:
        poll(server.url("/gone.xml"), policy=policy)
    assert failed.value.status == 404 and "404" in failed.value.message


def test_a_slow_host_is_cut_off_at_the_deadline(server, policy):
    server.route("/slow.xml", Route(body=b"<rss/>", delay=3))
    with pytest.raises(PollFailed) as failed:
        poll(server.url("/slow.xml"), policy=policy)
    assert failed.value.reason == "too_slow"


def test_private_addresses_are_refused_unless_allowed(server, settings):
    settings.ALLOW_PRIVATE_FETCH = False
    server.route("/feed.xml", Route(body=b"<rss/>"))
    with pytest.raises(PollFailed) as failed:
        poll(server.url("/feed.xml"), policy=poll_policy(max_bytes=1000))
    assert failed.value.reason == "forbidden_address"
    assert server.hits_for("/feed.xml") == []


def test_the_next_poll_is_the_interval_when_the_server_says_nothing():
    assert wait_after_success(interval=15 * MINUTE) == 15 * MINUTE


def test_ttl_cache_control_and_retry_after_only_lengthen_the_wait():
    assert wait_after_success(interval=15 * MINUTE, ttl=60 * MINUTE) == 60 * MINUTE
    assert wait_after_success(interval=15 * MINUTE, max_age=1800) == 30 * MINUTE
    assert wait_after_success(interval=15 * MINUTE, max_age=60, ttl=5 * MINUTE) == 15 * MINUTE
    assert wait_after_success(interval=15 * MINUTE, retry_after=3600) == 60 * MINUTE


def test_a_feed_claiming_a_year_of_freshness_is_still_read_daily():
    assert wait_after_success(interval=15 * MINUTE, max_age=365 * 86400) == timedelta(days=1)


def test_the_ttl_is_read_from_the_channel():
    assert feed_ttl(feed_xml(entries_make("t", 1), base="http://x", ttl=45)) == 45 * MINUTE
    assert feed_ttl(feed_xml(entries_make("t", 1), base="http://x")) is None


def test_back_off_doubles_with_each_failure_with_jitter_and_is_capped():
    rng = random.Random(7)
    ceiling = timedelta(hours=6)
    waits = [wait_after_failure(interval=15 * MINUTE, failures=n, ceiling=ceiling, rng=rng) for n in range(1, 12)]
    for n, wait in enumerate(waits, start=1):
        full = min(15 * MINUTE * 2 ** (n - 1), ceiling)
        assert full / 2 <= wait <= full, (n, wait)
    assert max(waits) <= ceiling
    assert waits[-1] >= ceiling / 2, "a source failing for long keeps being tried, every few hours"


def test_back_off_spreads_sources_that_failed_together():
    waits = {wait_after_failure(interval=MINUTE, failures=3, ceiling=timedelta(hours=6)) for _ in range(20)}
    assert len(waits) > 10


def test_back_off_honours_retry_after_even_past_its_own_wait():
    wait = wait_after_failure(interval=MINUTE, failures=1, ceiling=timedelta(hours=6), retry_after=7200)
    assert wait == timedelta(hours=2)
    assert wait_after_failure(interval=MINUTE, failures=1, ceiling=timedelta(hours=6), retry_after=10 * 86400) == timedelta(days=1)


SY_FEED = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel rdf:about="http://x/"><title>Wire</title>
<sy:updatePeriod>%s</sy:updatePeriod>%s</channel></rdf:RDF>"""


def test_the_syndication_modules_update_period_is_read_from_the_channel():
    assert feed_ttl(SY_FEED % (b"hourly", b"<sy:updateFrequency>2</sy:updateFrequency>")) == 30 * MINUTE
    assert feed_ttl(SY_FEED % (b" daily ", b"")) == timedelta(days=1), "a missing frequency means once a period"
    assert feed_ttl(SY_FEED % (b"fortnightly", b"")) is None, "a period the module does not define says nothing"
    with_ttl = feed_xml(entries_make("t", 1), base="http://x", ttl=20).replace(b"<ttl>", b"<sy:updatePeriod>daily</sy:updatePeriod><ttl>")
    assert feed_ttl(with_ttl) == 20 * MINUTE, "an RSS <ttl> is the publisher's own word and comes first"


def test_a_feeds_update_period_stretches_the_next_poll_but_a_day_at_most():
    assert wait_after_success(interval=15 * MINUTE, ttl=feed_ttl(SY_FEED % (b"hourly", b""))) == 60 * MINUTE
    assert wait_after_success(interval=15 * MINUTE, ttl=feed_ttl(SY_FEED % (b"weekly", b""))) == timedelta(days=1)
