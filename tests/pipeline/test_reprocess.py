"""Nothing lost, nothing twice: runs are counted, poison is set aside with its reason, reprocess re-runs stored items."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wire_server import entries_make, feed_xml

from newsdesk import extract, wire
from newsdesk.newsroom.models import Article, RawItem
from newsdesk.pipeline.attempts import attempt_begin
from newsdesk.pipeline.ingest import item_process, raw_item_process
from newsdesk.pipeline.reprocess import reprocess
from newsdesk.pipeline.sources import source_add
from newsdesk.pipeline.store import raw_item_store

pytestmark = pytest.mark.django_db

MAX_BYTES = 1_000_000


@pytest.fixture
def poison_entry(monkeypatch):
    """Extraction crashes (a bug, not an IngestError) on any entry whose headline says "poison"."""
    real = extract.draft_from_document

    def crashing(document):
        if "poison" in (document.entry.title if document.entry else document.text):
            raise ZeroDivisionError("the extractor divided by zero")
        return real(document)

    monkeypatch.setattr(extract, "draft_from_document", crashing)


def feed_with_poison(count: int = 3) -> bytes:
    entries = entries_make("px", count)
    entries[1] = entries[1].__class__(key="px-poison", headline="A poison entry that crashes the extractor", when=entries[1].when, full=True)
    return feed_xml(entries, base="https://wire.example")


def test_a_poison_entry_is_set_aside_after_three_runs_and_the_rest_of_the_batch_goes_in(poison_entry):
    source = source_add(url="https://wire.example/feed.xml", name="Wire", auto_publish=True)
    raw_item, _ = raw_item_store(origin="https://wire.example/feed.xml", payload=feed_with_poison(), source=source)
    outcomes = [raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES) for _ in range(4)]
    assert outcomes[0].startswith("crashed (run 1)") and outcomes[1].startswith("crashed (run 2)")
    assert outcomes[2] == "set aside" and outcomes[3] == "nothing to do"
    raw_item.refresh_from_db()
    assert raw_item.status == RawItem.Status.SET_ASIDE and raw_item.attempts == 3
    assert raw_item.reason == "crash" and "ZeroDivisionError: the extractor divided by zero" in raw_item.message
    assert Article.objects.count() == 2, "the two good entries went in on the first run and stayed one each"


def test_a_payload_that_crashes_the_reader_is_set_aside_at_once_when_ingested_by_hand(monkeypatch):
    monkeypatch.setattr(wire, "read", lambda *a, **k: 1 / 0)
    (result,) = item_process(origin="bad.xml", payload=b"<rss>whatever</rss>", max_bytes=MAX_BYTES)
    assert result.status == "failed" and result.reason == "crash"
    raw_item = RawItem.objects.get()
    assert raw_item.status == RawItem.Status.SET_ASIDE and raw_item.attempts == 3
    assert "reading crashed: ZeroDivisionError" in raw_item.message


def test_an_item_whose_worker_died_on_every_run_is_set_aside_on_the_next_run():
    raw_item, _ = raw_item_store(origin="x.xml", payload=b"<rss/>")
    RawItem.objects.filter(pk=raw_item.pk).update(attempts=RawItem.MAX_RUNS_LOST)
    assert attempt_begin(raw_item.pk) is None
    raw_item.refresh_from_db()
    assert raw_item.status == RawItem.Status.SET_ASIDE and raw_item.reason == "worker_lost"


def test_reprocess_reruns_stored_items_after_an_extractor_improvement(monkeypatch):
    source = source_add(url="https://wire.example/feed.xml", name="Wire", auto_publish=True)
    raw_item, _ = raw_item_store(origin="https://wire.example/feed.xml", payload=feed_xml(entries_make("rp", 2), base="https://wire.example"), source=source)
    raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES)
    real = extract.draft_from_document
    monkeypatch.setattr(extract, "draft_from_document", lambda d: real(d).with_changes(byline="Improved Byline"))
    report = reprocess(source="Wire")
    assert report.items == 1 and report.outcomes == {"updated": 2}
    assert set(Article.objects.values_list("byline", flat=True)) == {"Improved Byline"}
    assert reprocess(source="Wire").outcomes == {"unchanged": 2}, "reprocess twice changes nothing more"


def test_reprocess_gives_set_aside_items_a_fresh_chance(poison_entry, monkeypatch):
    source = source_add(url="https://wire.example/feed.xml", name="Wire", auto_publish=True)
    raw_item, _ = raw_item_store(origin="https://wire.example/feed.xml", payload=feed_with_poison(), source=source)
    for _ in range(3):
        raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES)
    report = reprocess()
    assert [item.pk for item in report.set_aside] == [raw_item.pk], "still poison: set aside again, with its reason"
    monkeypatch.undo()  # the extractor is fixed
    report = reprocess()
    raw_item.refresh_from_db()
    assert raw_item.status == RawItem.Status.PARSED and not report.set_aside
    assert Article.objects.count() == 3


def test_reprocess_only_what_was_received_since(capsys):
    old, _ = raw_item_store(origin="old.xml", payload=feed_xml(entries_make("old", 1), base="https://w.example"))
    new, _ = raw_item_store(origin="new.xml", payload=feed_xml(entries_make("new", 1), base="https://w.example"))
    RawItem.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=3))
    call_command("reprocess", "--since", "24h")
    assert "reprocessed 1 raw item(s): 1 created" in capsys.readouterr().out
    assert Article.objects.get().provider_id == "urn:test:new-0"


class WorkerDied(BaseException):
    """Stands for SIGKILL: nothing in the pipeline catches it."""


def test_a_long_feed_whose_worker_keeps_dying_is_not_taken_for_poison_while_each_run_gets_further(monkeypatch):
    source = source_add(url="https://wire.example/feed.xml", name="Wire", auto_publish=True)
    raw_item, _ = raw_item_store(origin="https://wire.example/feed.xml", payload=feed_xml(entries_make("lg", 35), base="https://wire.example"), source=source)
    real, seen = extract.draft_from_document, []

    def dying(document):
        seen.append(document)
        if len(seen) in (15, 15 + 25, 15 + 25 + 35):  # each run dies ten documents further than the last
            raise WorkerDied
        return real(document)

    monkeypatch.setattr(extract, "draft_from_document", dying)
    for _ in range(3):
        with pytest.raises(WorkerDied):
            raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES)
    raw_item.refresh_from_db()
    assert raw_item.attempts == 1, "each run that saved something new started the count again"
    assert raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES) == "5 created, 30 unchanged"
    raw_item.refresh_from_db()
    assert raw_item.status == RawItem.Status.PARSED and Article.objects.count() == 35


def test_a_feed_whose_worker_dies_at_the_same_place_every_time_is_set_aside(monkeypatch):
    source = source_add(url="https://wire.example/feed.xml", name="Wire", auto_publish=True)
    raw_item, _ = raw_item_store(origin="https://wire.example/feed.xml", payload=feed_xml(entries_make("kl", 12), base="https://wire.example"), source=source)
    real = extract.draft_from_document

    def killer(document):
        if document.entry and document.entry.guid == "urn:test:kl-11":
            raise WorkerDied  # the item takes its worker down (out of memory, a C library's crash)
        return real(document)

    monkeypatch.setattr(extract, "draft_from_document", killer)
    for _ in range(RawItem.MAX_RUNS_LOST):
        with pytest.raises(WorkerDied):
            raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES)
    assert raw_item_process(raw_item_id=raw_item.pk, max_bytes=MAX_BYTES) == "nothing to do"
    raw_item.refresh_from_db()
    assert raw_item.status == RawItem.Status.SET_ASIDE and raw_item.reason == "worker_lost"
    assert Article.objects.count() == 10, "the first chunk went in; the poison's chunk never commits"
