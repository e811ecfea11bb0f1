"""View counts buffered in Redis (with ``REDIS_URL``): one atomic HINCRBY per view, flushed to the database in batches.

Several web processes on several machines count into the same hashes, so
nothing is lost and the database takes one write per article per flush
instead of one per view. A flush renames the pending hashes to a batch (one
atomic Lua script), adds the batch to the database in one transaction that
also records the batch id, then deletes it; a flush that dies half-way leaves
the batch listed and the next flush finishes it, and the recorded id keeps it
from being added twice (``readership.views_flush``).

All keys share the hash tag ``{newsdesk:views}`` so the script also works on
a Redis Cluster.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from datetime import datetime

from django.conf import settings

log = logging.getLogger(__name__)

PREFIX = "{newsdesk:views}"
PENDING = f"{PREFIX}:pending"  # article id -> views not yet in the database
PENDING_HOURS = f"{PREFIX}:pending-hours"  # "<article id>:<hour as epoch seconds>" -> views
BATCHES = f"{PREFIX}:batches"  # ids of batches taken but not yet known to be in the database

# Move whatever is pending into the batch's keys and list the batch, in one step.
_TAKE = """
local moved = 0
if redis.call('exists', KEYS[1]) == 1 then redis.call('rename', KEYS[1], KEYS[3]); moved = 1 end
if redis.call('exists', KEYS[2]) == 1 then redis.call('rename', KEYS[2], KEYS[4]); moved = 1 end
if moved == 1 then redis.call('sadd', KEYS[5], ARGV[1]) end
return moved
"""

_client_lock = threading.Lock()
_client: tuple[int, str, object] | None = None  # (pid, url, client): a forked worker makes its own


def enabled() -> bool:
    return bool(getattr(settings, "REDIS_URL", None))


def client():
    """The process's Redis client for ``REDIS_URL`` (thread-safe; made again after a fork)."""
    global _client
    import redis

    url = settings.REDIS_URL
    with _client_lock:
        if _client is None or _client[0] != os.getpid() or _client[1] != url:
            _client = (os.getpid(), url, redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2))
        return _client[2]


def batch_keys(batch: str) -> tuple[str, str]:
    return f"{PREFIX}:batch:{batch}:totals", f"{PREFIX}:batch:{batch}:hours"


def view_add(*, article_id: int, hour: datetime) -> int:
    """Count one view in Redis; returns the article's views not yet flushed, this one included."""
    pipe = client().pipeline(transaction=True)
    pipe.hincrby(PENDING, str(article_id), 1)
    pipe.hincrby(PENDING_HOURS, f"{article_id}:{int(hour.timestamp())}", 1)
    pending, _ = pipe.execute()
    return int(pending)


def pending_total(*, article_id: int) -> int:
    """Views of one article waiting in Redis (0 without Redis, or when Redis cannot be reached)."""
    if not enabled():
        return 0
    import redis

    try:
        return int(client().hget(PENDING, str(article_id)) or 0)
    except redis.RedisError as error:
        log.warning("views: Redis unreachable, showing the database's count only: %s", error)
        return 0


def pending_since(since: datetime) -> dict[int, int]:
    """Views per article waiting in Redis for the hours from ``since`` on."""
    if not enabled():
        return {}
    import redis

    try:
        entries = client().hgetall(PENDING_HOURS)
    except redis.RedisError as error:
        log.warning("views: Redis unreachable, most read from the database only: %s", error)
        return {}
    floor = since.timestamp()
    counts: dict[int, int] = {}
    for (article_id, hour), views in _hour_entries(entries):
        if hour >= floor:
            counts[article_id] = counts.get(article_id, 0) + views
    return counts


def batches_take() -> list[str]:
    """Move the pending counts into a new batch; return every batch waiting to be flushed, oldest leftovers too."""
    redis_client = client()
    batch = uuid.uuid4().hex
    redis_client.eval(_TAKE, 5, PENDING, PENDING_HOURS, *batch_keys(batch), BATCHES, batch)
    return sorted(member.decode() for member in redis_client.smembers(BATCHES))


def batch_read(batch: str) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """A batch's totals (article id -> views) and hours ((article id, epoch hour) -> views)."""
    totals_key, hours_key = batch_keys(batch)
    pipe = client().pipeline(transaction=False)
    pipe.hgetall(totals_key)
    pipe.hgetall(hours_key)
    totals, hours = pipe.execute()
    return {int(k): int(v) for k, v in totals.items()}, dict(_hour_entries(hours))


def batch_done(batch: str) -> None:
    """The batch is in the database: forget it."""
    pipe = client().pipeline(transaction=True)
    pipe.delete(*batch_keys(batch))
    pipe.srem(BATCHES, batch)
    pipe.execute()


def _hour_entries(entries: dict[bytes, bytes]):
    for field, views in entries.items():
        article_id, _, hour = field.decode().partition(":")
        yield (int(article_id), int(hour)), int(views)
