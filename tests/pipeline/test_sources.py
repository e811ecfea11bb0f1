"""Sources: added, paused, resumed, removed; refreshed against a real local server with their health kept."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wire_server import Route, entries_make, feed_xml, page_html, serve_entries

from newsdesk.newsroom.models import Article, RawItem, Source
from newsdesk.pipeline.hosts import host_slot
from newsdesk.pipeline.refresh import source_refresh
from newsdesk.pipeline.sources import SourceError, interval_parse, source_add, source_pause, source_remove, source_resume

pytestmark = pytest.mark.django_db


def feed_source(server, path="/feed.xml", **options) -> Source:
    options.setdefault("name", f"Courier {path}")
    options.setdefault("interval", timedelta(minutes=15))
    return source_add(url=server.url(path), **options)


def test_a_source_is_added_with_its_kind_guessed_and_is_due_at_once(tmp_path):
    feed = source_add(url="https://wire.example/rss/world.xml", name="World wire")
    page = source_add(url="https://paper.example/2026/03/02/story", name="One story")
    folder = source_add(url=str(tmp_path), name="Agency drop", section="World", credit="Agency")
    assert (feed.kind, page.kind, folder.kind) == ("feed", "page", "folder")
    assert feed.next_poll_at <= timezone.now() and feed.interval == timedelta(minutes=15)
    assert folder.section.name == "World" and folder.credit == "Agency" and not folder.auto_publish


@pytest.mark.parametrize(
    ("url", "name", "why"),
    [("ftp://wire.example/feed", "Ftp", "not an http"), ("/no/such/folder", "Folder", "not a folder"), ("https://x.example/rss", "  ", "name")],
)
def test_a_source_that_cannot_work_is_refused_with_a_reason(url, name, why):
    with pytest.raises(SourceError, match=why):
        source_add(url=url, name=name)


def test_two_sources_cannot_share_a_name():
    source_add(url="https://a.example/rss", name="Wire")
    with pytest.raises(SourceError, match="exists already"):
        source_add(url="https://b.example/rss", name="Wire")


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h30m", 5400), ("2d", 172800), ("45s", 45)])
def test_intervals_are_written_the_way_people_say_them(text, seconds):
    assert interval_parse(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "15", "fortnight", "0s", "1m1h"])
def test_an_interval_that_means_nothing_is_refused(text):
    with pytest.raises(SourceError):
        interval_parse(text)


def test_pause_stops_polling_resume_polls_now_remove_keeps_the_articles(server, private_fetch, jobs_drain):
    serve_entries(server, "/feed.xml", entries_make("pr", 2))
    source = feed_source(server, name="Courier", auto_publish=True)
    source_pause(name="Courier")
    assert source_refresh(source_id=source.pk) == "skipped" and not server.hits
    resumed = source_resume(name="courier")  # by slug too
    assert not resumed.paused and resumed.next_poll_at <= timezone.now()
    source_refresh(source_id=source.pk)
    jobs_drain()
    assert Article.objects.filter(source=source).count() == 2
    assert source_remove(name="Courier") == "Courier"
    assert not Source.objects.exists() and Article.objects.count() == 2


def test_a_refresh_stores_the_payload_before_parsing_and_queues_its_processing(server, private_fetch, jobs_drain):
    serve_entries(server, "/feed.xml", entries_make("st", 3))
    source = feed_source(server, auto_publish=True)
    assert source_refresh(source_id=source.pk) == "stored"
    raw_item = RawItem.objects.get()
    assert raw_item.status == RawItem.Status.PENDING and raw_item.source == source and not Article.objects.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="raw_item_process_task").count() == 1
    jobs_drain()
    raw_item.refresh_from_db()
    assert raw_item.status == RawItem.Status.PARSED and raw_item.attempts == 1
    assert Article.objects.filter(source=source, status=Article.Status.PUBLISHED).count() == 3


def test_an_unchanged_feed_costs_a_304_and_stores_nothing(server, private_fetch, jobs_drain):
    serve_entries(server, "/feed.xml", entries_make("nm", 2))
    source = feed_source(server)
    source_refresh(source_id=source.pk)
    assert source_refresh(source_id=source.pk) == "not modified"
    assert [hit.status for hit in server.hits_for("/feed.xml")] == [200, 304]
    assert RawItem.objects.count() == 1
    source.refresh_from_db()
    assert source.etag and source.consecutive_failures == 0 and source.last_success_at


def test_items_go_in_as_drafts_unless_the_source_auto_publishes_and_get_its_section_and_credit(server, private_fetch, jobs_drain):
    entries = entries_make("df", 1)
    serve_entries(server, "/feed.xml", entries)
    source = feed_source(server, section="Local", credit="Courier Agency")
    source_refresh(source_id=source.pk)
    jobs_drain()
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT and article.credit == "Courier Agency"
    assert article.section.name == "World", "the item's own section wins over the source's default"


def test_a_failing_source_keeps_its_reason_backs_off_and_recovers_by_itself(server, private_fetch, jobs_drain):
    source = feed_source(server, path="/missing.xml", interval=timedelta(minutes=10))
    for expected_failures in (1, 2, 3):
        before = timezone.now()
        assert source_refresh(source_id=source.pk) == "failed: http_error"
        source.refresh_from_db()
        assert source.consecutive_failures == expected_failures
        full = min(timedelta(minutes=10) * 2 ** (expected_failures - 1), timedelta(hours=6))
        assert before + full / 2 - timedelta(seconds=1) <= source.next_poll_at <= timezone.now() + full
    assert source.last_error_reason == "http_error" and "404" in source.last_error_message
    serve_entries(server, "/missing.xml", entries_make("rc", 1))
    assert source_refresh(source_id=source.pk) == "stored"
    source.refresh_from_db()
    assert source.consecutive_failures == 0 and source.last_success_at > source.last_error_at
    assert source.next_poll_at >= timezone.now() + timedelta(minutes=9)


def test_a_429_is_polled_again_only_after_its_retry_after(server, private_fetch):
    server.route("/busy.xml", Route(status=429, headers={"Retry-After": "3600"}))
    source = feed_source(server, path="/busy.xml", interval=timedelta(minutes=1))
    source_refresh(source_id=source.pk)
    source.refresh_from_db()
    assert source.next_poll_at >= timezone.now() + timedelta(minutes=59)
    assert "429" in source.last_error_message


def test_the_feeds_ttl_and_cache_control_stretch_the_next_poll(server, private_fetch):
    server.route("/ttl.xml", Route(body=feed_xml(entries_make("tl", 1), base=server.base, ttl=90)))
    server.route("/cc.xml", Route(body=feed_xml(entries_make("cc", 1), base=server.base), headers={"Cache-Control": "max-age=7200"}))
    ttl, cached = feed_source(server, path="/ttl.xml"), feed_source(server, path="/cc.xml")
    for source, at_least in ((ttl, timedelta(minutes=89)), (cached, timedelta(minutes=119))):
        source_refresh(source_id=source.pk)
        source.refresh_from_db()
        assert source.next_poll_at >= timezone.now() + at_least


def test_a_busy_host_defers_the_refresh_instead_of_holding_a_thread(server, private_fetch):
    serve_entries(server, "/feed.xml", entries_make("hb", 1))
    source = feed_source(server)
    private_fetch.HOST_CONCURRENCY = 1
    with host_slot(server.url("/other"), limit=1):  # another fetch to the same host is in flight
        assert source_refresh(source_id=source.pk) == "deferred: host busy"
    assert not server.hits
    source.refresh_from_db()
    assert source.next_poll_at <= timezone.now() + timedelta(seconds=3) and source.consecutive_failures == 0


def test_summary_only_entries_get_their_full_text_from_the_linked_page(server, private_fetch, jobs_drain):
    entries = entries_make("ft", 4, summary_every=2)  # entries 0 and 2 carry a summary only
    serve_entries(server, "/feed.xml", entries)
    source = feed_source(server, auto_publish=True)
    source_refresh(source_id=source.pk)
    jobs_drain()
    assert Article.objects.count() == 4
    summary_only = Article.objects.get(provider_id="urn:test:ft-0")
    assert "paragraph 4 of the proposal" in summary_only.body_html, "the body comes from the page"
    assert summary_only.headline == entries[0].headline and summary_only.published_at == entries[0].when
    assert summary_only.summary.startswith("Summary of ft-0") and summary_only.section.name == "World"
    assert summary_only.original_url == server.url("/pages/ft-0.html")
    page = RawItem.objects.get(origin=server.url("/pages/ft-0.html"))
    assert page.entry_of.origin == server.url("/feed.xml") and page.status == RawItem.Status.PARSED
    assert len(server.hits_for("/pages/ft-1.html")) == 0, "entries with full content fetch nothing"


def test_an_entry_whose_page_cannot_be_fetched_goes_in_with_its_summary(server, private_fetch, jobs_drain):
    entries = entries_make("nf", 1, summary_every=1)
    server.route("/feed.xml", Route(body=feed_xml(entries, base=server.base)))  # no page routes: 404
    source = feed_source(server, auto_publish=True)
    source_refresh(source_id=source.pk)
    jobs_drain()
    article = Article.objects.get()
    assert "Summary of nf-0" in article.body_html and article.headline == entries[0].headline


def test_a_later_feed_payload_reuses_pages_already_fetched(server, private_fetch, jobs_drain):
    entries = entries_make("ru", 2, summary_every=1)
    serve_entries(server, "/feed.xml", entries[:1])
    source = feed_source(server, auto_publish=True)
    source_refresh(source_id=source.pk)
    jobs_drain()
    serve_entries(server, "/feed.xml", entries)  # the feed grew: a new payload with the old entry in it
    source_refresh(source_id=source.pk)
    jobs_drain()
    assert Article.objects.count() == 2
    assert len(server.hits_for("/pages/ru-0.html")) == 1


def test_a_watched_folder_ingests_each_new_file_once(tmp_path, jobs_drain):
    drop = tmp_path / "drop"
    drop.mkdir()
    entries = entries_make("wf", 2)
    for entry in entries:
        path = drop / f"{entry.key}.html"
        path.write_bytes(page_html(entry.key, headline=entry.headline, when=entry.when))
        os.utime(path, (time.time() - 60, time.time() - 60))
    (drop / ".partial.tmp").write_bytes(b"being uploaded")
    source = source_add(url=str(drop), name="Drop", auto_publish=True)
    assert source_refresh(source_id=source.pk) == "2 new file(s)"
    jobs_drain()
    assert Article.objects.count() == 2
    assert source_refresh(source_id=source.pk) == "0 new file(s)"
    (drop / "copy.html").write_bytes((drop / "wf-0.html").read_bytes())  # the same bytes again
    os.utime(drop / "copy.html", (time.time() - 60, time.time() - 60))
    fresh = drop / "fresh.html"
    fresh.write_bytes(page_html("wf-9", headline="A file still being written", when=entries[0].when))
    assert source_refresh(source_id=source.pk) == "0 new file(s)", "the copy is known, the fresh file waits to settle"
    os.utime(fresh, (time.time() - 60, time.time() - 60))
    assert source_refresh(source_id=source.pk) == "1 new file(s)"
    jobs_drain()
    assert Article.objects.count() == 3 and RawItem.objects.count() == 3


def test_a_folder_that_disappears_is_a_failing_source(tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    source = source_add(url=str(drop), name="Drop")
    drop.rmdir()
    assert source_refresh(source_id=source.pk) == "failed: not_found"
    source.refresh_from_db()
    assert source.consecutive_failures == 1 and "does not exist" in source.last_error_message


def test_the_admin_shows_the_same_health_as_source_list(admin_client):
    from django.urls import reverse

    source = source_add(url="https://bad.example/rss", name="Broken wire")
    Source.objects.filter(pk=source.pk).update(
        last_error_at=timezone.now(), last_error_reason="http_error",
        last_error_message="cannot fetch https://bad.example/rss: HTTP 404 Not Found", consecutive_failures=3,
    )
    page = admin_client.get(reverse("admin:newsroom_source_changelist")).content.decode()
    for column in ("state", "last success", "last error", "items in 24 h", "next poll"):
        assert column in page.lower()
    assert "failing ×3" in page and "http_error: cannot fetch https://bad.example/rss: HTTP 404 Not Found" in page
    detail = admin_client.get(reverse("admin:newsroom_source_change", args=[source.pk])).content.decode()
    assert "Health" in detail and "consecutive" in detail.lower()


def test_a_refresh_that_crashes_is_a_failure_on_the_source_and_is_tried_again(server, private_fetch, monkeypatch):
    from newsdesk.pipeline import refresh

    serve_entries(server, "/feed.xml", entries_make("cr", 1))
    source = feed_source(server, interval=timedelta(minutes=1))
    monkeypatch.setattr(refresh, "raw_item_store", lambda **kwargs: 1 / 0)
    assert source_refresh(source_id=source.pk) == "failed: crash"
    source.refresh_from_db()
    assert source.last_error_reason == "crash" and "ZeroDivisionError" in source.last_error_message
    assert source.next_poll_at <= timezone.now() + timedelta(minutes=1) and not RawItem.objects.exists()


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://x.example/news.xml", "feed"),
        ("https://x.example/feed.json", "feed"),
        ("https://x.example/index.php?format=rss", "feed"),
        ("https://x.example/atom", "feed"),
        ("https://x.example/2026/03/harbour-reopens.html", "page"),
        ("/srv/wire/incoming", "folder"),
    ],
)
def test_the_kind_is_guessed_from_the_url(url, kind):
    from newsdesk.pipeline.sources import source_kind_guess

    assert source_kind_guess(url) == kind
