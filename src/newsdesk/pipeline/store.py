"""Keep every payload, with its sha256, before anything parses it (insert-on-conflict on the hash)."""

from __future__ import annotations

import hashlib

from django.utils import timezone

from newsdesk.newsroom.models import RawItem, Source


def raw_item_store(
    *, origin: str, payload: bytes, source: Source | None = None, content_type: str = "", entry_of: RawItem | None = None,
    counted: bool = False,
) -> tuple[RawItem, bool]:
    """The raw item for ``payload`` and whether it is new (False: the same bytes came before).

    Two workers storing the same new bytes at once both get True; the
    duplicate run that follows is harmless, because saving is idempotent.
    ``counted``: a new item is stored with its first run already counted
    (what `attempt_begin` would write next, in the same statement: one write
    transaction less for a page the caller runs at once).
    """
    digest = hashlib.sha256(payload).hexdigest()
    items = RawItem.objects.select_related("source", "source__section")
    known = items.filter(sha256=digest).first()
    if known is not None:
        return known, False
    item = RawItem(origin=origin, sha256=digest, payload=payload, size=len(payload), source=source, content_type=content_type, entry_of=entry_of)
    if counted:
        item.attempts, item.last_attempt_at = 1, timezone.now()
    RawItem.objects.bulk_create([item], ignore_conflicts=True)
    # Only the id is read back: the row is what we just wrote (or, after a race, the same bytes another worker
    # wrote), and reading a page's 100 KB back cost a query's worth of time per page (bench/ingest).
    item.pk, item.attempts = RawItem.objects.filter(sha256=digest).values_list("pk", "attempts").get()
    item.status = RawItem.Status.PENDING
    return item, True
