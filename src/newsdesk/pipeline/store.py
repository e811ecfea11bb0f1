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
    RawItem.objects.bulk_create(
        [RawItem(origin=origin, sha256=digest, payload=payload, size=len(payload), source=source, content_type=content_type, entry_of=entry_of)],
        ignore_conflicts=True,
    )
    return items.get(sha256=digest), True
