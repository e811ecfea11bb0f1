"""Keep every payload, with its sha256, before anything parses it (insert-on-conflict on the hash)."""

from __future__ import annotations

import hashlib

from newsdesk.newsroom.models import RawItem, Source


def raw_item_store(
    *, origin: str, payload: bytes, source: Source | None = None, content_type: str = "", entry_of: RawItem | None = None
) -> tuple[RawItem, bool]:
    """The raw item for ``payload`` and whether it is new (False: the same bytes came before).

    Two workers storing the same new bytes at once both get True; the
    duplicate run that follows is harmless, because saving is idempotent.
    """
    digest = hashlib.sha256(payload).hexdigest()
    items = RawItem.objects.select_related("source", "source__section")
    known = items.filter(sha256=digest).first()
    if known is not None:
        return known, False
    item = RawItem(origin=origin, sha256=digest, payload=payload, size=len(payload), source=source, content_type=content_type, entry_of=entry_of)
    RawItem.objects.bulk_create([item], ignore_conflicts=True)
    # Only the id is read back: the row is what we just wrote (or, after a race, the same bytes another worker
    # wrote), and reading a page's 100 KB back cost a query's worth of time per page (bench/ingest).
    item.pk = RawItem.objects.filter(sha256=digest).values_list("pk", flat=True).get()
    item.status, item.attempts = RawItem.Status.PENDING, 0
    return item, True
