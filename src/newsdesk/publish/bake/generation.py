"""The page generation: changes whenever anything a public page shows may have changed.

What a process keeps between requests to render a page faster (an article's
rendered parts, the masthead's sections, the highlights; ``site.kept``) is
stored with the generation it was read under and used only while the
generation is the same, so an edit, publish or unpublish shows on the next
request — baking on or off. It is bumped by the same hooks that keep the baked
folder exact (``invalidation``, ``coverage``), and has two parts:

- a stamp file in ``NEWSDESK_HOME`` holding a random token, replaced
  (atomically) after every commit that changed something: every process on
  the machine reads it on each request (one small read, a few microseconds);
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
log = logging.getLogger(__name__)

_lock = threading.Lock()
_counter = 0


def _stamp() -> Path:
    return Path(settings.HOME) / STAMP


def current() -> tuple[bytes, object, int]:
    """The generation now: (the machine's stamp, the Redis counter, this process's counter)."""
    try:
        with open(_stamp(), "rb") as file:
            token = file.read()
    except FileNotFoundError:
        token = b""
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
        fd, temporary = tempfile.mkstemp(prefix=f".{STAMP}.", dir=stamp.parent)
        with os.fdopen(fd, "wb") as file:
            file.write(os.urandom(12).hex().encode())
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
