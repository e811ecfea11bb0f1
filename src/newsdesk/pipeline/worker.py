"""`newsdesk worker`: the scheduler and the task runners of one worker process.

One process runs ``threads`` task runners (django-tasks-db's worker loop,
one per thread, each with its own database connection), a heartbeat, and the
scheduler: every tick it queues the sources that are due and puts back the
tasks dead workers left (``pipeline.sweep``). Fetches wait on the network,
so threads keep one process busy; run one process per core for CPU-bound
extraction — processes on any number of machines share the queue.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass

from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Worker as DbWorker

from newsdesk.core import clock
from newsdesk.pipeline.scheduled import scheduled_publish_due
from newsdesk.pipeline.sweep import (
    housekeeping, queue_idle, raw_items_stale_requeue, sources_due_enqueue, tasks_sweep, worker_beat, worker_forget,
)
from newsdesk.pipeline.warm import warm_get

log = logging.getLogger(__name__)

HOUSEKEEPING_EVERY = 60.0  # seconds between the slow chores: stale raw items, old workers and results


@dataclass(frozen=True)
class WorkerOptions:
    threads: int = 4
    tick: float = 1.0  # how often the scheduler looks for due sources, and idle runners for tasks
    lease: float = 30.0  # a worker silent this long is dead; its tasks go back in the queue
    burst: bool = False  # poll what is due, drain the queue, exit


def worker_id_make() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class _Runner(threading.Thread):
    """One task runner: django-tasks-db's loop in a thread, restarted after a database error."""

    def __init__(self, *, worker_id: str, interval: float, number: int) -> None:
        super().__init__(name=f"newsdesk-runner-{number}", daemon=True)
        self.loop = DbWorker(
            queue_names=["*"], interval=interval, batch=False, backend_name="default", startup_delay=True,
            max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
        )

    def run(self) -> None:
        try:
            while self.loop.running:
                try:
                    self.loop.run()
                except DatabaseError as error:  # the database went away or stayed locked: log, wait, go on
                    log.warning("%s: %s; retrying", self.name, error)
                    time.sleep(self.loop.interval)
        finally:
            connection.close()

    def stop(self) -> None:
        self.loop.running = False


class _Heartbeat(threading.Thread):
    def __init__(self, *, worker_id: str, every: float, stop: threading.Event) -> None:
        super().__init__(name="newsdesk-heartbeat", daemon=True)
        self.worker_id, self.every, self.stopping = worker_id, every, stop

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                try:
                    close_old_connections()
                    worker_beat(worker_id=self.worker_id, host=socket.gethostname(), pid=os.getpid())
                except DatabaseError as error:
                    log.warning("heartbeat: %s", error)
                self.stopping.wait(self.every)
        finally:
            connection.close()


def worker_run(options: WorkerOptions, *, stop: threading.Event | None = None) -> None:
    """Run until ``stop`` is set (or, with ``burst``, until nothing is due and the queue is drained)."""
    stop = stop or threading.Event()
    worker_id = worker_id_make()
    worker_beat(worker_id=worker_id, host=socket.gethostname(), pid=os.getpid())
    heartbeat = _Heartbeat(worker_id=worker_id, every=max(options.lease / 3, 0.2), stop=stop)
    runners = [_Runner(worker_id=worker_id, interval=options.tick, number=n) for n in range(max(options.threads, 1))]
    # The understanding indexes are rebuilt now, not by the first save: that one holds the write transaction meanwhile.
    warm_get()
    heartbeat.start()
    for runner in runners:
        runner.start()
    log.info("worker %s: %d runner(s), lease %.0f s", worker_id, len(runners), options.lease)
    try:
        _schedule_until_stopped(options, stop)
    finally:
        stop.set()
        for runner in runners:
            runner.stop()
        for thread in (*runners, heartbeat):
            thread.join()
        worker_forget(worker_id=worker_id)
        connection.close()


def _schedule_until_stopped(options: WorkerOptions, stop: threading.Event) -> None:
    last_housekeeping = 0.0
    while not stop.is_set():
        try:
            close_old_connections()
            due = sources_due_enqueue()
            scheduled_publish_due(clock.now())  # scheduled and embargoed articles whose time has come (issue 6)
            tasks_sweep(lease=options.lease)
            if time.monotonic() - last_housekeeping > HOUSEKEEPING_EVERY:
                raw_items_stale_requeue()
                housekeeping()
                last_housekeeping = time.monotonic()
            if options.burst and not due and queue_idle():
                return
        except DatabaseError as error:
            log.warning("scheduler: %s", error)
        stop.wait(options.tick)
