"""The baked folder: atomic writes with compressed siblings, deletions, locks, and what the folder was baked for.

Every change to a file is a write to a temporary file and a rename, so a
reader (our WSGI front, nginx) sees the old file or the new one, never half
of one. ``page.html.gz`` and ``page.html.br`` are written first and carry the
page's exact mtime, so a reader can tell they belong to the page beside them.

Whoever renders a page for the folder holds that page's lock from before the
render until after the write (``page_lock``). Invalidation runs after its
transaction commits and takes the same lock, so the last write of any page
always comes from a render that saw every commit before it: a render that
started before an unpublish can never land after the unpublish removed the
page. The locks are ``flock`` files beside the folder, so processes on one
machine (or sharing the folder over NFS) respect them.

The folder belongs to one database and one deploy: ``.state.json`` says
which, and a folder baked for another database (the test suite sharing
``NEWSDESK_HOME`` with a demo site) is left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import json
import os
import shutil
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import brotli
from django.conf import settings
from django.db import connection

STATE_FILE = ".state.json"
LOCK_STRIPES = 64
COMPRESSED = (("gzip", ".gz"), ("br", ".br"))


def root() -> Path:
    return Path(settings.BAKED_DIR)


def _locks_dir() -> Path:
    return root().with_name(root().name + ".locks")


def database_identity() -> str:
    """Which database the pages were rendered from (the test suite's is never the site's)."""
    db = connection.settings_dict
    return f"{connection.vendor}:{db.get('HOST') or ''}:{db.get('PORT') or ''}:{db.get('NAME')}"


def state_read() -> dict:
    try:
        return json.loads((root() / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}


def state_write(state: dict) -> None:
    _atomic_write(root() / STATE_FILE, json.dumps(state, sort_keys=True).encode(), mtime_ns=None)


def active() -> bool:
    """Is there a baked folder for this database? Invalidation has nothing to do without one."""
    return settings.BAKE and (root() / STATE_FILE).exists() and state_read().get("database") == database_identity()


@contextlib.contextmanager
def page_lock(file: str) -> Iterator[None]:
    """Hold the lock of ``file`` (one of ``LOCK_STRIPES``) across a render and its write."""
    stripe = zlib.crc32(file.encode()) % LOCK_STRIPES
    with _flock(stripe):
        yield


@contextlib.contextmanager
def all_locks() -> Iterator[None]:
    """Every page lock, taken in order (so never a deadlock with a page baker): nothing is being baked."""
    with contextlib.ExitStack() as stack:
        for stripe in range(LOCK_STRIPES):
            stack.enter_context(_flock(stripe))
        yield


@contextlib.contextmanager
def _flock(stripe: int) -> Iterator[None]:
    # flock belongs to the open file, so threads of one process exclude each other too.
    folder = _locks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f"{stripe:02d}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def read(file: str) -> bytes | None:
    try:
        return (root() / file).read_bytes()
    except FileNotFoundError:
        return None


def exists(file: str) -> bool:
    return (root() / file).is_file()


def write(file: str, content: bytes) -> bool:
    """Put ``content`` at ``file`` with its compressed siblings; False (and nothing touched) if it is already there."""
    if read(file) == content:
        return False
    path = root() / file
    path.parent.mkdir(parents=True, exist_ok=True)
    mtime_ns = time.time_ns()
    _atomic_write(path.with_name(path.name + ".gz"), gzip.compress(content, compresslevel=9, mtime=0), mtime_ns=mtime_ns)
    _atomic_write(path.with_name(path.name + ".br"), brotli.compress(content, quality=5), mtime_ns=mtime_ns)
    _atomic_write(path, content, mtime_ns=mtime_ns)
    return True


def remove(file: str) -> bool:
    """Delete a baked page (the page first, so a reader never finds siblings without it); True if it was there."""
    path = root() / file
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    finally:
        for _, suffix in COMPRESSED:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    return True


def remove_tree(folder: str) -> list[str]:
    """Delete every page under ``folder``; returns the pages deleted."""
    base = root() / folder
    pages = sorted(str(p.relative_to(root())) for p in base.rglob("*") if p.is_file() and not p.name.endswith((".gz", ".br")))
    for page in pages:
        remove(page)
    shutil.rmtree(base, ignore_errors=True)
    return pages


def pages() -> list[str]:
    """Every baked page (not the compressed siblings, not the state file)."""
    if not root().exists():
        return []
    return sorted(
        str(p.relative_to(root()))
        for p in root().rglob("*")
        if p.is_file() and not p.name.endswith((".gz", ".br", ".tmp")) and p.name != STATE_FILE
    )


def clear(state: dict) -> None:
    """Start an empty folder for ``state``: the old one is renamed aside in one step, then deleted.

    Callers hold ``all_locks`` so nothing rendered for the old folder lands in the new one.
    """
    folder = root()
    folder.parent.mkdir(parents=True, exist_ok=True)
    if folder.exists():
        aside = folder.with_name(f"{folder.name}.old-{os.getpid()}-{time.time_ns()}")
        folder.rename(aside)
        shutil.rmtree(aside, ignore_errors=True)
    folder.mkdir()
    state_write(state)


def content_hash(content: bytes) -> str:
    """The ETag Django's ConditionalGetMiddleware would give the same bytes."""
    return hashlib.md5(content, usedforsecurity=False).hexdigest()


def _atomic_write(path: Path, content: bytes, *, mtime_ns: int | None) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temp, 0o644)
        if mtime_ns is not None:
            os.utime(temp, ns=(mtime_ns, mtime_ns))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
