"""Fixtures for polling and worker tests: a real HTTP server on 127.0.0.1, fetching from it allowed, the queue run in-thread."""

from __future__ import annotations

import pytest
from wire_server import WireServer


@pytest.fixture
def server():
    with WireServer() as running:
        yield running


@pytest.fixture
def private_fetch(settings):
    """Tests fetch from 127.0.0.1, which production refuses (NEWSDESK_ALLOW_PRIVATE_FETCH)."""
    settings.ALLOW_PRIVATE_FETCH = True
    settings.POLL_DEADLINE_SECONDS = 1.0
    settings.HOST_CONCURRENCY = 4
    return settings


@pytest.fixture
def jobs_drain(monkeypatch):
    """Run every ready task now, in this thread, with django-tasks-db's own worker loop (batch mode).

    The loop closes "old" connections between tasks; inside a test's
    transaction that would close the test's connection, so it is skipped here.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def drain() -> None:
        db_worker.Worker(
            queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
            max_tasks=None, worker_id="test-drain", excluded_queue_names=[],
        ).run()

    return drain


@pytest.fixture
def worker_thread(settings):
    """Start `newsdesk worker`'s loop in a background thread (needs ``transactional_db``); stopped at teardown."""
    import threading

    from newsdesk.pipeline.worker import WorkerOptions, worker_run

    started: list[tuple[threading.Thread, threading.Event]] = []

    def start(**options) -> threading.Event:
        options.setdefault("threads", 4)
        options.setdefault("tick", 0.1)
        options.setdefault("lease", 5.0)
        stop = threading.Event()
        thread = threading.Thread(target=worker_run, args=(WorkerOptions(**options),), kwargs={"stop": stop}, daemon=True)
        thread.start()
        started.append((thread, stop))
        return stop

    yield start
    for thread, stop in started:
        stop.set()
        thread.join(timeout=30)

