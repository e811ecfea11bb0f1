"""The scheduler's chores: queue the sources that are due, and put back what dead workers left.

The database task backend marks a task RUNNING when a worker claims it and
has no lease of its own: a worker killed mid-task (SIGKILL, OOM, a lost
machine) leaves it RUNNING forever. Every worker process therefore writes a
heartbeat, and the sweep puts a RUNNING task whose worker has not beaten for
a lease back to READY, so another worker runs it again (every job is
idempotent). A task whose workers died ``MAX_TASK_RUNS`` times is failed
with that reason instead of being tried forever.

Several worker processes may run these chores at once: every change is a
compare-and-set on the row it claims, so each due source is queued once and
each lost task is put back once.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsdesk.newsroom.models import RawItem, Source, Worker
from newsdesk.pipeline import jobs

try:
    from django.tasks import TaskResultStatus  # Django 6.0+
except ImportError:
    from django_tasks import TaskResultStatus

MAX_TASK_RUNS = 10
# A refresh claimed but never finished (its task lost entirely) is queued again after this long;
# a refresh whose worker died is put back much sooner, by the task sweep.
REFRESH_LEASE = timedelta(hours=1)
# A pending raw item nobody has touched for this long lost its job (a task that failed outright, a
# `newsdesk ingest` killed half-way): it is queued again. A safety net behind the task sweep.
STALE_AFTER = timedelta(minutes=10)
FINISHED_KEPT = timedelta(days=1)
WORKERS_KEPT = timedelta(days=1)


def sources_due_enqueue(*, limit: int = 500) -> int:
    """Queue a refresh for every polled source whose next poll is due; returns how many were queued."""
    now = timezone.now()
    due = (
        Source.objects.filter(paused=False, kind__in=Source.POLLED_KINDS)
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        .order_by("next_poll_at")
        .values_list("pk", "next_poll_at")[:limit]
    )
    queued = 0
    for pk, next_poll_at in list(due):
        claim = Source.objects.filter(pk=pk, paused=False)
        claim = claim.filter(next_poll_at__isnull=True) if next_poll_at is None else claim.filter(next_poll_at=next_poll_at)
        with transaction.atomic():
            if claim.update(next_poll_at=now + REFRESH_LEASE):
                jobs.job_enqueue(jobs.SOURCE_REFRESH, source_id=pk)
                queued += 1
    return queued


def worker_beat(*, worker_id: str, host: str, pid: int) -> None:
    now = timezone.now()
    if not Worker.objects.filter(pk=worker_id).update(beat_at=now):
        Worker.objects.bulk_create([Worker(worker_id=worker_id, host=host[:200], pid=pid, beat_at=now)], ignore_conflicts=True)


def worker_forget(*, worker_id: str) -> None:
    Worker.objects.filter(pk=worker_id).delete()


def tasks_sweep(*, lease: float) -> int:
    """Put back (or fail, after MAX_TASK_RUNS) every RUNNING task whose worker stopped beating; returns how many."""
    now = timezone.now()
    cutoff = now - timedelta(seconds=lease)
    alive = set(Worker.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    swept = 0
    for pk, worker_ids, started_at in list(stale.values_list("id", "worker_ids", "started_at")):
        if worker_ids and worker_ids[-1] in alive:
            continue
        claim = DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at)
        if len(worker_ids) >= MAX_TASK_RUNS:
            swept += claim.update(
                status=TaskResultStatus.FAILED, finished_at=now, exception_class_path="newsdesk.pipeline.sweep.WorkerLost",
                traceback=f"WorkerLost: the workers running this task stopped {len(worker_ids)} times; not tried again",
            )
        else:
            swept += claim.update(status=TaskResultStatus.READY, started_at=None)
    return swept


def raw_items_stale_requeue(*, older_than: timedelta = STALE_AFTER, limit: int = 200) -> int:
    """Queue again every pending raw item left untouched for ``older_than``; a page goes back through its feed."""
    now = timezone.now()
    cutoff = now - older_than
    stale = RawItem.objects.filter(status=RawItem.Status.PENDING).filter(
        Q(last_attempt_at__lt=cutoff) | Q(last_attempt_at__isnull=True, received_at__lt=cutoff)
    )
    queued = 0
    for pk, feed_id, last_attempt_at in list(stale.values_list("pk", "entry_of_id", "last_attempt_at")[:limit]):
        claim = RawItem.objects.filter(pk=pk, status=RawItem.Status.PENDING)
        claim = claim.filter(last_attempt_at=last_attempt_at) if last_attempt_at else claim.filter(last_attempt_at__isnull=True)
        with transaction.atomic():
            if not claim.update(last_attempt_at=now):
                continue
            if feed_id:  # a page fetched for a feed entry is extracted with the entry's metadata: run its feed again
                RawItem.objects.filter(pk=feed_id).update(status=RawItem.Status.PENDING, attempts=0, last_attempt_at=now)
            jobs.job_enqueue(jobs.RAW_ITEM_PROCESS, raw_item_id=feed_id or pk)
            queued += 1
    return queued


def housekeeping() -> None:
    """Forget long-dead workers and successful tasks older than a day (failed ones stay for inspection)."""
    now = timezone.now()
    Worker.objects.filter(beat_at__lt=now - WORKERS_KEPT).delete()
    DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - FINISHED_KEPT).delete()


def queue_idle() -> bool:
    """No task waiting (now or later) and none running: the queue is drained."""
    return not DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()


class WorkerLost(Exception):
    """Named in a task failed by the sweep: its workers kept dying while running it."""
