"""Nothing lost, nothing twice: 1,000 items in while worker processes are killed with SIGKILL at random.

Sixteen feeds of sixty entries (every third a summary whose full text is on
the linked page) and forty article-page sources, served by a real HTTP server
on 127.0.0.1, go through real `newsdesk worker` processes; one of them is
killed with SIGKILL at random moments (at least ten times) and a new one
started. Afterwards there must be exactly 1,000 articles, each with one
version, every summary-only entry with its page's full text, and nothing
left pending, queued or running. The run prints its seed;
``NEWSDESK_CRASH_SEED=N`` replays the same kill timings.
"""

from __future__ import annotations

import os
import random
import time
from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult
from wire_server import Route, entries_make, page_html, serve_entries
from worker_processes import WorkerProcesses, worker_env

from newsdesk.newsroom.models import Article, ArticleVersion, RawItem, Source, Worker
from newsdesk.pipeline.sources import source_add

try:
    from django.tasks import TaskResultStatus
except ImportError:
    from django_tasks import TaskResultStatus

FEEDS, ENTRIES_PER_FEED, PAGE_SOURCES = 16, 60, 40
ITEMS = FEEDS * ENTRIES_PER_FEED + PAGE_SOURCES
MIN_KILLS, WORKERS = 10, 2
BUDGET_SECONDS = 300  # a ceiling for a loaded CI machine, not a speed goal: it ran in 80–110 s on 2 cores


def corpus_serve(server) -> None:
    for n in range(FEEDS):
        serve_entries(server, f"/feeds/f{n}.xml", entries_make(f"f{n}", ENTRIES_PER_FEED, summary_every=3))
        source_add(url=server.url(f"/feeds/f{n}.xml"), name=f"feed {n}", interval=timedelta(hours=1), auto_publish=True)
    for entry in entries_make("pg", PAGE_SOURCES):
        server.route(f"/articles/{entry.key}.html", Route(body=page_html(entry.key, headline=entry.headline, when=entry.when), content_type="text/html"))
        source_add(url=server.url(f"/articles/{entry.key}.html"), name=f"page {entry.key}", interval=timedelta(hours=1), auto_publish=True)


def worker_up(pid: int) -> bool:
    return Worker.objects.filter(worker_id__contains=f"-{pid}-").exists()


def tasks_running_in(pid: int) -> int:
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list("worker_ids", flat=True)
    return sum(1 for ids in running if ids and f"-{pid}-" in ids[-1])


def unfinished() -> dict[str, int]:
    """What is not yet done: articles missing, raw items pending, tasks waiting or running."""
    return {
        "articles missing": ITEMS - Article.objects.count(),
        "raw items pending": RawItem.objects.filter(status=RawItem.Status.PENDING).count(),
        "tasks waiting or running": DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).count(),
    }


@pytest.mark.django_db(transaction=True)
def test_a_thousand_items_survive_workers_killed_with_sigkill_at_random(server, tmp_path):
    seed = int(os.environ.get("NEWSDESK_CRASH_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    corpus_serve(server)
    env = worker_env(
        tmp_path, NEWSDESK_WORKER_LEASE_SECONDS="2", NEWSDESK_WORKER_TICK_SECONDS="0.2", NEWSDESK_HOST_CONCURRENCY="8",
        NEWSDESK_POLL_DEADLINE_SECONDS="20",
    )
    workers = WorkerProcesses(tmp_path, env, threads=3)
    started = time.monotonic()
    try:
        for _ in range(WORKERS):
            workers.start()
        mid_task = 0
        while workers.killed < MIN_KILLS and time.monotonic() - started < BUDGET_SECONDS:
            time.sleep(rng.uniform(0.2, 1.0))
            up = [process for process in workers.running if worker_up(process.pid)]  # past start-up, in the queue
            if not up:
                continue
            busy = [process for process in up if tasks_running_in(process.pid)]
            victim = rng.choice(busy or up)  # a worker in the middle of a task when there is one
            mid_task += victim in busy
            workers.kill(victim)
            workers.start()
        while any(unfinished().values()) and time.monotonic() - started < BUDGET_SECONDS:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        workers.stop_all()
    left = unfinished()
    rerun = sum(len(ids) > 1 for ids in DBTaskResult.objects.values_list("worker_ids", flat=True))
    print(
        f"crash test (seed {seed}): {workers.killed} SIGKILLs ({mid_task} in the middle of a task), {elapsed:.1f} s, "
        f"{rerun} task(s) run again after a kill, left {left}"
    )
    assert workers.killed >= MIN_KILLS
    assert mid_task >= 3 and rerun >= 1, "kills must land in the middle of tasks, and those tasks must run again"
    assert not any(left.values()), f"seed {seed}: {left}\n{workers.logs()[-3000:]}"
    assert Article.objects.count() == ITEMS
    assert ArticleVersion.objects.count() == ITEMS, "no article was saved twice"
    assert Article.objects.values("wire_key").distinct().count() == ITEMS
    assert not Article.objects.filter(body_html__contains="Summary of").exists(), "every summary-only entry got its page's full text"
    assert set(RawItem.objects.values_list("status", flat=True)) == {RawItem.Status.PARSED}
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()
    assert not Source.objects.filter(last_success_at__isnull=True).exists()
    assert not Source.objects.exclude(consecutive_failures=0).exists()
