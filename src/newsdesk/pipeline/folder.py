"""A watched folder: an agency drops files, each new file is ingested once.

"New" is decided by content: a file whose bytes are already a raw item is
skipped (its sha256 is the raw item's unique key), so a file scanned twice,
copied again or renamed goes in once. To avoid reading every file on every
scan, a file is not read again while it is unchanged since we stored it
(same path, same size, not modified after we received it). A file modified
in the last ``SETTLE_SECONDS`` may still be being written: it waits for the
next scan.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone as dt_timezone
from pathlib import Path

from django.db import transaction

from newsdesk.core.errors import IngestError
from newsdesk.newsroom.models import RawItem, Source
from newsdesk.pipeline import jobs
from newsdesk.pipeline.store import raw_item_store

SETTLE_SECONDS = 2.0


def folder_files(folder: Path) -> list[Path]:
    """The files under ``folder`` in a stable order; hidden files (and partial uploads named so) are skipped."""
    if not folder.is_dir():
        raise IngestError("not_found", f"the watched folder {folder} does not exist or is not a folder")
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def folder_scan(source: Source, *, max_bytes: int, settle_seconds: float = SETTLE_SECONDS) -> int:
    """Store each new file as a raw item and queue it; returns how many were new."""
    files = folder_files(Path(source.url))
    seen = _seen(source, [str(path) for path in files])
    settled_before = time.time() - settle_seconds
    new = 0
    for path in files:
        stat = path.stat()
        if stat.st_mtime > settled_before or stat.st_size > max_bytes or _unchanged(seen.get(str(path)), stat):
            continue
        try:
            payload = path.read_bytes()
        except OSError:
            continue  # gone or unreadable between listing and reading: the next scan sees it again
        with transaction.atomic():
            raw_item, stored = raw_item_store(origin=str(path), payload=payload, source=source)
            if stored:
                jobs.job_enqueue(jobs.RAW_ITEM_PROCESS, raw_item_id=raw_item.pk)
                new += 1
    return new


def _seen(source: Source, paths: list[str]) -> dict[str, tuple[datetime, int]]:
    """For each path already stored from this source: when we last received it, and its size then."""
    seen: dict[str, tuple[datetime, int]] = {}
    for start in range(0, len(paths), 500):
        rows = RawItem.objects.filter(source=source, origin__in=paths[start : start + 500]).values_list("origin", "received_at", "size")
        for origin, received_at, size in rows:
            if origin not in seen or received_at > seen[origin][0]:
                seen[origin] = (received_at, size)
    return seen


def _unchanged(stored: tuple[datetime, int] | None, stat) -> bool:
    if stored is None:
        return False
    received_at, size = stored
    modified = datetime.fromtimestamp(stat.st_mtime, tz=dt_timezone.utc)
    return size == stat.st_size and modified < received_at
