"""The background jobs the pipeline hands on, by name.

The pipeline sits below the interfaces, so it cannot import the Task objects
in ``newsdesk.tasks``; that package registers one Task per job name here when
Django starts (``TasksConfig.ready``), and the pipeline enqueues by name. The
enqueue happens inside the caller's transaction: with the database queue the
job is stored atomically with the state that asked for it, so a crash can
lose neither alone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

SOURCE_REFRESH = "source_refresh"
RAW_ITEM_PROCESS = "raw_item_process"
ENTRY_FULLTEXT = "entry_fulltext"
ARTICLE_ENRICH = "article_enrich"
JOBS = (SOURCE_REFRESH, RAW_ITEM_PROCESS, ENTRY_FULLTEXT, ARTICLE_ENRICH)


class Enqueueable(Protocol):
    """What a Django Task offers: ``using(run_after=…)`` and ``enqueue(**kwargs)``."""

    def using(self, **options: Any) -> "Enqueueable": ...

    def enqueue(self, *args: Any, **kwargs: Any) -> Any: ...


_registry: dict[str, Enqueueable] = {}


def job_register(name: str, task: Enqueueable) -> None:
    if name not in JOBS:
        raise ValueError(f"unknown job {name!r}: the pipeline hands on only {', '.join(JOBS)}")
    _registry[name] = task


def job_enqueue(name: str, *, run_after: datetime | None = None, **kwargs: Any) -> None:
    """Queue job ``name`` with keyword arguments (JSON values), now or after ``run_after``."""
    try:
        task = _registry[name]
    except KeyError:
        raise RuntimeError(f"no task registered for job {name!r}: is 'newsdesk.tasks' in INSTALLED_APPS?") from None
    if run_after is not None:
        task = task.using(run_after=run_after)
    task.enqueue(**kwargs)
