"""The page generation: changes whenever anything a public page shows may have changed.

What a process keeps between requests to render a page faster (an article's
rendered parts, the masthead's sections, the highlights; ``site.kept``) is
stored with the generation it was read under and used only while the
generation is the same, so an edit, publish or unpublish shows on the next
request — baking on or off. It is bumped by the same hooks that keep the baked
folder exact (``invalidation``, ``coverage``), and has two parts:

- a stamp file in ``NEWSDESK_HOME`` that gets one byte appended after every
  commit that changed something: every process on the machine ``stat``s it
  on each request (inode, size and modification time; ~3 µs). Appending
  costs a microsecond; replacing a file by rename, as it once did, cost
  ~2 ms on ext4 (the rename flushes the new file), twice per ingested item
  (bench/ingest). Past ``ROLL_AT`` bytes the file is replaced by an empty
  one: a new inode, so no reader can mistake it for an older state;
- with ``REDIS_URL``, a counter in Redis too, incremented after the same
  commits and read on each request, so web processes on other machines (a
  worker publishing elsewhere, ``NEWSDESK_BAKE=0`` web hosts sharing only the
  database) see the change; while Redis cannot be reached nothing is kept;
- a counter in this process, bumped as soon as a change is noted, before its
  commit too, so the process making a change (and a test inside one
  transaction, whose commit hooks never run) never uses what it kept before.

A request reads the generation *before* its queries: whatever it keeps was
read no earlier than the generation it is stored under.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.test.signals import setting_changed

from newsdesk.publish import readership_redis

STAMP = "page-generation"
REDIS_KEY = "newsdesk:page-generation"
ROLL_AT = 1 << 20  # bytes: a million commits
log = logging.getLogger(__name__)

_lock = threading.Lock()
_counter = 0


def _stamp() -> Path:
    return Path(settings.HOME) / STAMP


def current() -> tuple[tuple[int, int, int] | None, object, int]:
    """The generation now: (the machine's stamp, the Redis counter, this process's counter)."""
    try:
        seen = os.stat(_stamp())
        token: tuple[int, int, int] | None = (seen.st_ino, seen.st_size, seen.st_mtime_ns)
    except FileNotFoundError:
        token = None
    return token, _shared_counter(), _counter


def _shared_counter() -> object:
    if not readership_redis.enabled():
        return None
    import redis

    try:
        return readership_redis.client().get(REDIS_KEY)
    except redis.RedisError:
        return object()  # equal to nothing kept: every request renders afresh until Redis answers again


def changed() -> None:
    """A change was noted in this process (maybe not committed yet): forget what this process keeps."""
    global _counter
    with _lock:
        _counter += 1


def committed() -> None:
    """A change was committed: every process on the machine forgets what it keeps."""
    changed()
    stamp = _stamp()
    try:
        fd = os.open(stamp, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, b".")  # O_APPEND: writers on the machine never overwrite each other; the size only grows
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        if size >= ROLL_AT:
            fd, temporary = tempfile.mkstemp(prefix=f".{STAMP}.", dir=stamp.parent)
            os.close(fd)
            os.replace(temporary, stamp)
    except OSError:  # logged, and the commit's other hooks still run
        log.exception("could not write the page generation stamp %s: other processes may show the old page", stamp)
    if readership_redis.enabled():
        import redis

        try:
            readership_redis.client().incr(REDIS_KEY)
        except redis.RedisError:
            log.exception("could not bump the page generation in Redis: other machines may show the old page")


def _setting_changed(**kwargs) -> None:
    changed()  # a test's override_settings (SITE_NAME, the time zone…) changes what pages show


def connect() -> None:
    setting_changed.connect(_setting_changed, dispatch_uid="newsdesk.bake.generation.setting_changed")
