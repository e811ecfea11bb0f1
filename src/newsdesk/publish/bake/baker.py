"""Baking: render pages into the baked folder, refresh the ones a change touches, rebuild it all.

Every page is rendered and written while its lock is held (``store``), a
page that no longer answers 200 is deleted, and a file whose bytes did not
change is left as it is (its mtime, Last-Modified and ETag stay).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template import engines

from newsdesk.publish.bake import pages, store
from newsdesk.publish.bake.paths import BakedPage, article_folder
from newsdesk.publish.bake.render import render

log = logging.getLogger(__name__)


@dataclass
class Refresh:
    """What a bake did: pages written (new or changed), left as they were, deleted."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: Refresh) -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed


def page_bake(page: BakedPage, *, only_missing: bool = False) -> Refresh:
    """Render ``page`` and put it in the folder (or take it out if it no longer answers 200).

    ``only_missing``: leave a file that is already there (it is current: any
    change since it was written has refreshed or deleted it).
    """
    done = Refresh()
    file = page.file
    with store.page_lock(file):
        if only_missing and store.exists(file):
            done.unchanged.append(file)
            return done
        rendered = render(page)
        if rendered.status != 200:
            if store.remove(file):
                done.removed.append(file)
        elif store.write(file, rendered.content):
            done.written.append(file)
        else:
            done.unchanged.append(file)
    return done


def page_remove(page_file: str) -> bool:
    with store.page_lock(page_file):
        return store.remove(page_file)


def pages_bake(pages_to_bake: Iterable[BakedPage]) -> Refresh:
    done = Refresh()
    started = time.monotonic()
    for page in pages_to_bake:
        done.add(page_bake(page))
    done.seconds = time.monotonic() - started
    return done


def refresh(*, before: pages.ArticleState | None, after: pages.ArticleState | None) -> Refresh:
    """Bring the folder up to date after an article went from ``before`` to ``after`` (committed)."""
    started = time.monotonic()
    if store.state_read().get("site_wide") != site_wide_signature():
        return site_changed()
    showing = pages.pages_showing(before, after)
    done = Refresh()
    article_id = (after or before).pk if (after or before) else None
    current = f"article/{after.pk}/{after.slug}/index.html" if after is not None and after.published else None
    if article_id is not None:
        done.removed += [f for f in _article_files(article_id) if f != current and page_remove(f)]
    if before is not None and before.published and not (after is not None and after.published):
        # Taken off the site: no page may show it a moment longer than it takes to delete them.
        done.removed += [page.file for page in showing if page_remove(page.file)]
    done.add(pages_bake(showing))
    done.seconds = time.monotonic() - started
    log.info("baked %d page(s), %d unchanged, %d deleted in %.2fs", len(done.written), len(done.unchanged), len(done.removed), done.seconds)
    return done


def _article_files(article_id: int) -> list[str]:
    folder = store.root() / article_folder(article_id)
    if not folder.exists():
        return []
    return [str(p.relative_to(store.root())) for p in folder.rglob("index.html")]


def site_changed() -> Refresh:
    """Something every page shows changed (the masthead): empty the folder; pages bake again as they are asked for."""
    with store.all_locks():
        store.clear(state_wanted())
    done = page_bake(pages.HOME)
    log.info("baked pages: the site-wide parts changed; the folder was emptied")
    return done


def bake_all() -> Refresh:
    """``newsdesk bake``: bake every public page, in place, and delete files for pages that no longer exist."""
    started = time.monotonic()
    state_ensure()
    done = Refresh()
    wanted: set[str] = set()
    for page in pages.pages_all():
        wanted.add(page.file)
        done.add(page_bake(page))
    for file in store.pages():
        if file not in wanted and page_remove(file):
            done.removed.append(file)
    done.seconds = time.monotonic() - started
    return done


# What the folder was baked for.


def site_wide_signature() -> str:
    return hashlib.sha256(repr(pages.SHAPE.site_wide()).encode()).hexdigest()[:16]


def deploy_signature() -> str:
    """What every page depends on besides the data: settings, templates and static file names.

    A deploy that changes any of them makes every baked page out of date.
    """
    digest = hashlib.sha256()
    for name in ("SITE_URL", "SITE_NAME", "SITE_LANGUAGE", "TIME_ZONE", "LANGUAGE_CODE", "STATIC_URL"):
        digest.update(f"{name}={getattr(settings, name, '')}\n".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    for template in sorted(_template_files()):
        info = template.stat()
        digest.update(f"{template}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _template_files() -> list[Path]:
    folders = [Path(folder) for engine in engines.all() for folder in getattr(engine, "template_dirs", ())]
    return [path for folder in folders if folder.is_dir() for path in folder.rglob("*") if path.is_file()]


def state_wanted() -> dict:
    return {
        "database": store.database_identity(),
        "deploy": deploy_signature(),
        "site_wide": site_wide_signature(),
        "site_url": settings.SITE_URL,
    }


def state_ensure() -> bool:
    """Make sure the folder is baked for this database and deploy; empty it if not. True if it was emptied."""
    wanted = state_wanted()
    current = store.state_read()
    if current == wanted:
        return False
    with store.all_locks():
        if store.state_read() == wanted:  # another process got here first
            return False
        store.clear(wanted)
    log.info("baked pages: the folder was baked for another database or deploy; emptied")
    return True
