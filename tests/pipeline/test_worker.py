"""`newsdesk worker`: polls what is due, honours every server's answer, recovers, and never strands a task."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from waiting import wait_for
from wire_server import Route, WireServer, entries_make, serve_entries

from newsdesk.newsroom.models import Article, Source, Worker
from newsdesk.pipeline.sources import source_add
from newsdesk.pipeline.sweep import MAX_TASK_RUNS, sources_due_enqueue, tasks_sweep

try:
    from django.tasks import TaskResultStatus
except ImportError:
    from django_tasks import TaskResultStatus


def health() -> dict[str, dict]:
    out = StringIO()
    call_command("source", "list", "--json", stdout=out)
    return {row["name"]: row for row in map(json.loads, out.getvalue().splitlines())}


def listing() -> dict[str, str]:
    out = StringIO()
    call_command("source", "list", stdout=out)
    return {line.split()[0]: line for line in out.getvalue().splitlines()[1:]}


@pytest.mark.django_db(transaction=True)
def test_source_list_tells_the_true_state_of_each_source_and_the_failing_ones_recover(server, private_fetch, worker_thread):
    """The acceptance of issue 3: one healthy feed, one 404, one 429 with Retry-After, one slow."""
    private_fetch.POLL_BACKOFF_MAX_SECONDS = 2
    serve_entries(server, "/healthy.xml", entries_make("ok", 3))
    server.route("/busy.xml", Route(status=429, headers={"Retry-After": "2"}))
    server.route("/slow.xml", Route(body=b"<rss/>", delay=3))
    for name in ("healthy", "missing", "busy", "slow"):
        source_add(url=server.url(f"/{name}.xml"), name=name, interval=timedelta(seconds=1), auto_publish=True)
    worker_thread()

    def settled():
        rows = health()
        return rows["healthy"]["items_24h"] == 3 and all(rows[name]["consecutive_failures"] for name in ("missing", "busy", "slow")) and rows

    rows = wait_for(settled, timeout=20, what="every source polled")
    assert rows["healthy"]["state"] == "ok" and not rows["healthy"]["last_error_reason"]
    assert rows["missing"]["state"] == "failing" and "HTTP 404" in rows["missing"]["last_error_message"]
    assert rows["busy"]["state"] == "failing" and "HTTP 429" in rows["busy"]["last_error_message"]
    assert rows["slow"]["state"] == "failing" and rows["slow"]["last_error_reason"] == "too_slow"
    busy = Source.objects.get(name="busy")
    assert busy.next_poll_at >= busy.last_error_at + timedelta(seconds=2), "Retry-After is honoured"
    table = listing()
    assert "failing" in table["missing"] and "http_error: cannot fetch" in table["missing"] and "404" in table["missing"]
    assert "too_slow" in table["slow"] and "ok" in table["healthy"]

    serve_entries(server, "/missing.xml", entries_make("mi", 1))
    serve_entries(server, "/busy.xml", entries_make("bu", 1))
    serve_entries(server, "/slow.xml", entries_make("sl", 1))

    def recovered():
        rows = health()
        return all(row["state"] == "ok" and row["items_24h"] >= 1 for row in rows.values()) and rows

    rows = wait_for(recovered, timeout=25, what="the failing sources to recover")
    assert all(row["last_success_at"] > (row["last_error_at"] or "") for row in rows.values())
    hits = server.hits_for("/healthy.xml")
    assert [hit.status for hit in hits[1:]] and all(hit.status == 304 for hit in hits[1:]), "unchanged polls cost a 304"


@pytest.mark.django_db(transaction=True)
def test_a_slow_host_cannot_starve_the_others(private_fetch, worker_thread):
    private_fetch.HOST_CONCURRENCY = 1
    private_fetch.POLL_DEADLINE_SECONDS = 10
    with WireServer() as slow_host, WireServer() as quick_host:
        for n in range(4):
            slow_host.route(f"/slow{n}.xml", Route(body=b"<rss/>", delay=2))
            source_add(url=slow_host.url(f"/slow{n}.xml"), name=f"slow {n}", interval=timedelta(hours=1))
        serve_entries(quick_host, "/quick.xml", entries_make("qk", 2))
        quick = source_add(url=quick_host.url("/quick.xml"), name="quick", interval=timedelta(hours=1), auto_publish=True)
        started = timezone.now()
        worker_thread(threads=3)
        wait_for(lambda: Article.objects.filter(source=quick).count() == 2, timeout=10, what="the quick source's articles")
        quick.refresh_from_db()
        assert quick.last_success_at - started < timedelta(seconds=1.5)
        assert slow_host.max_active == 1, "one fetch at a time for the slow host, while the quick one went through"


@pytest.mark.django_db
def test_a_due_source_is_queued_once_however_many_schedulers_look():
    source = source_add(url="https://wire.example/rss", name="Wire")
    assert sources_due_enqueue() == 1 and sources_due_enqueue() == 0
    assert DBTaskResult.objects.filter(task_path__endswith="source_refresh_task").count() == 1
    source.refresh_from_db()
    assert source.next_poll_at > timezone.now()
    Source.objects.filter(pk=source.pk).update(paused=True, next_poll_at=timezone.now())
    assert sources_due_enqueue() == 0, "a paused source is not polled"


def running_task(*, worker_ids: list[str], started_ago: float) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"source_id": 1}}, task_path="newsdesk.tasks.jobs.source_refresh_task",
        backend_name="default", run_after=timezone.now(), status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(seconds=started_ago), worker_ids=worker_ids,
    )


@pytest.mark.django_db
def test_a_task_left_running_by_a_dead_worker_goes_back_in_the_queue():
    Worker.objects.create(worker_id="alive", host="h", pid=1, beat_at=timezone.now())
    Worker.objects.create(worker_id="dead", host="h", pid=2, beat_at=timezone.now() - timedelta(minutes=5))
    orphan = running_task(worker_ids=["dead"], started_ago=60)
    busy = running_task(worker_ids=["alive"], started_ago=60)
    assert tasks_sweep(lease=30) == 1
    orphan.refresh_from_db()
    busy.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY and orphan.started_at is None
    assert busy.status == TaskResultStatus.RUNNING, "a worker that still beats keeps its task"


@pytest.mark.django_db
def test_a_task_whose_workers_keep_dying_is_failed_with_that_reason():
    lost = running_task(worker_ids=[f"dead-{n}" for n in range(MAX_TASK_RUNS)], started_ago=60)
    tasks_sweep(lease=30)
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.FAILED and "stopped 10 times" in lost.traceback


@pytest.mark.django_db(transaction=True)
def test_worker_burst_polls_what_is_due_drains_the_queue_and_exits(server, private_fetch):
    serve_entries(server, "/feed.xml", entries_make("bu", 3, summary_every=3))
    source_add(url=server.url("/feed.xml"), name="Wire", auto_publish=True)
    started = time.monotonic()
    call_command("worker", "--burst", "--threads", "2", stdout=StringIO())
    assert time.monotonic() - started < 15
    assert Article.objects.count() == 3
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert not Worker.objects.exists(), "a worker that stops cleanly forgets its heartbeat"


@pytest.mark.django_db
def test_a_raw_item_that_lost_its_job_is_queued_again_once():
    from newsdesk.newsroom.models import RawItem
    from newsdesk.pipeline.store import raw_item_store
    from newsdesk.pipeline.sweep import raw_items_stale_requeue

    feed, _ = raw_item_store(origin="https://w.example/feed.xml", payload=b"<rss>feed</rss>")
    page, _ = raw_item_store(origin="https://w.example/page.html", payload=b"<html>page</html>", entry_of=feed)
    fresh, _ = raw_item_store(origin="fresh.xml", payload=b"<rss>fresh</rss>")
    RawItem.objects.filter(pk=feed.pk).update(status=RawItem.Status.PARSED)
    RawItem.objects.filter(pk__in=[feed.pk, page.pk]).update(received_at=timezone.now() - timedelta(hours=1))
    assert raw_items_stale_requeue() == 1 and raw_items_stale_requeue() == 0
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs["kwargs"] == {"raw_item_id": feed.pk}, "a page goes back through its feed"
    feed.refresh_from_db()
    assert feed.status == RawItem.Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_the_site_keeps_serving_while_workers_write(live_server, server, tmp_path, article_factory):
    """Readers and view beacons against the real server while two worker processes ingest: no error, no lock."""
    import threading
    import urllib.request
    from collections import Counter

    from django.urls import reverse
    from worker_processes import WorkerProcesses, worker_env

    from newsdesk.newsroom.models import ViewCount

    article = article_factory(headline="Readers keep reading while the wire comes in")
    for n in range(4):
        serve_entries(server, f"/load{n}.xml", entries_make(f"ld{n}", 50, summary_every=4))
        source_add(url=server.url(f"/load{n}.xml"), name=f"load {n}", interval=timedelta(hours=1), auto_publish=True)
    workers = WorkerProcesses(tmp_path, worker_env(tmp_path, NEWSDESK_WORKER_TICK_SECONDS="0.2", NEWSDESK_HOST_CONCURRENCY="8"))
    urls = [live_server.url + "/", live_server.url + article.get_absolute_url()]
    beacon = live_server.url + reverse("site:views", kwargs={"pk": article.pk})
    statuses: Counter = Counter()
    errors: list[str] = []
    stop = threading.Event()

    def reader(number: int) -> None:
        while not stop.is_set():
            for url, data in ((urls[number % 2], None), (beacon, b"")):
                try:
                    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as response:
                        statuses[(data is not None, response.status)] += 1
                except Exception as error:  # any failure is the finding: record it with its URL
                    errors.append(f"{url}: {error}")

    readers = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(4)]
    try:
        workers.start()
        workers.start()
        for thread in readers:
            thread.start()
        wait_for(lambda: Article.objects.count() == 201, timeout=90, every=0.5, what="200 articles from the workers")
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=30)
        workers.stop_all()
    assert not errors, errors[:5]
    assert set(statuses) == {(False, 200), (True, 200)} and sum(statuses.values()) > 40, statuses
    assert ViewCount.objects.get(article=article).total == statuses[(True, 200)], "every beacon counted, none lost"
    assert "database is locked" not in workers.logs() and "Traceback" not in workers.logs()
