"""A raw item's processing state: each run counted before it starts, poison set aside.

A run is counted (``attempts`` + 1, committed) *before* the pipeline touches
the payload, so a run that never finishes still counts; a run that saves
something new starts the count again. Two kinds of evidence, weighed
differently:

- a stage that *raises* (a bug) is strong evidence: the third such run in a
  row without progress sets the item aside with the exception as its reason;
- a run whose worker never came back (SIGKILL, OOM, a deploy, a lost machine)
  is weak evidence — workers die for reasons of their own — so only after
  ``MAX_RUNS_LOST`` runs in a row without progress is the item set aside as
  ``worker_lost`` (one that takes its worker down every time cannot loop forever).
"""

from __future__ import annotations

import logging
import traceback

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsdesk.core.errors import IngestError
from newsdesk.newsroom.models import RawItem

log = logging.getLogger(__name__)

MAX_ATTEMPTS = RawItem.MAX_ATTEMPTS
MAX_RUNS_LOST = RawItem.MAX_RUNS_LOST


class StageCrash(IngestError):
    """A stage raised something other than IngestError: a bug, recorded with where and what."""

    def __init__(self, where: str, error: BaseException) -> None:
        frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
        at = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
        super().__init__("crash", f"{where} crashed: {type(error).__name__}: {error}{at}")


def attempt_begin(raw_item_id: int, *, loaded: RawItem | None = None) -> RawItem | None:
    """Count a run of a pending item and return it; None when there is nothing to run.

    ``loaded`` is the item when the caller holds it already: only its count
    is read back, not the whole row with its payload. An item already past
    ``MAX_RUNS_LOST`` is set aside here instead: the runs counted before this
    one never came back.
    """
    with transaction.atomic():
        started = RawItem.objects.filter(pk=raw_item_id, status=RawItem.Status.PENDING).update(
            attempts=F("attempts") + 1, last_attempt_at=timezone.now()
        )
    if not started:
        return None
    if loaded is not None:
        raw_item = loaded
        raw_item.attempts = RawItem.objects.filter(pk=raw_item_id).values_list("attempts", flat=True).get()
        raw_item.status = RawItem.Status.PENDING
    else:
        raw_item = RawItem.objects.select_related("source").get(pk=raw_item_id)
    if raw_item.attempts > MAX_RUNS_LOST:
        reason, message = "worker_lost", f"its worker stopped during each of {MAX_RUNS_LOST} runs in a row"
        raw_item_set_aside(raw_item, reason=reason, message=message)
        return None
    return raw_item


def attempt_progressed(raw_item: RawItem) -> None:
    """This run saved something new: the item is no poison so far, so the count starts again from this run.

    Only runs that die or crash without saving anything new add up to the
    limit: a worker killed in the middle of a long feed (by an operator, an
    OOM elsewhere, a deploy) does not get a good item set aside.
    """
    if raw_item.attempts > 1:
        RawItem.objects.filter(pk=raw_item.pk).update(attempts=1)
        raw_item.attempts = 1


def raw_item_rearm(raw_item: RawItem) -> None:
    """Make an item pending with a fresh count, for a run someone asked for (`ingest` again, `reprocess`)."""
    RawItem.objects.filter(pk=raw_item.pk).update(status=RawItem.Status.PENDING, attempts=0, reason="", message="")
    raw_item.status, raw_item.attempts = RawItem.Status.PENDING, 0


def raw_item_done(raw_item: RawItem, *, error: IngestError | None) -> None:
    """The run finished: ``parsed``, or ``failed`` with the reason the input cannot be read."""
    _state(raw_item, status=RawItem.Status.FAILED if error else RawItem.Status.PARSED, error=error)


def raw_item_crashed(raw_item: RawItem, *, crash: StageCrash) -> bool:
    """Record a crash; True when the item may run again, False when it is now set aside."""
    log.warning("raw item %s (%s) run %s: %s", raw_item.pk, raw_item.origin, raw_item.attempts, crash.message)
    if raw_item.attempts >= MAX_ATTEMPTS:
        raw_item_set_aside(raw_item, reason=crash.reason, message=crash.message)
        return False
    RawItem.objects.filter(pk=raw_item.pk).update(reason=crash.reason, message=crash.message)
    return True


def raw_item_set_aside(raw_item: RawItem, *, reason: str, message: str) -> None:
    log.error("raw item %s (%s) set aside after %s runs: %s", raw_item.pk, raw_item.origin, raw_item.attempts, message)
    _state(raw_item, status=RawItem.Status.SET_ASIDE, error=IngestError(reason, f"set aside after {raw_item.attempts} runs: {message}"))


def _state(raw_item: RawItem, *, status: str, error: IngestError | None) -> None:
    fields = {
        "status": status,
        "reason": error.reason if error else "",
        "message": error.message if error else "",
        "parsed_at": timezone.now(),
    }
    RawItem.objects.filter(pk=raw_item.pk).update(**fields)
    for name, value in fields.items():
        setattr(raw_item, name, value)
