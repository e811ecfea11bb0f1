"""Sources: add, pause, resume, remove. The poller reads them; `newsdesk source` and the admin show them."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.newsroom.models import Source
from newsdesk.pipeline.save import section_for

DEFAULT_INTERVAL = timedelta(minutes=15)
MIN_INTERVAL = timedelta(seconds=1)
_INTERVAL = re.compile(r"^(?:(?P<d>\d+)d)?(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?$")
_FEED_HINTS = re.compile(r"(rss|atom|feed|\.xml$|\.json$)", re.IGNORECASE)
_FEED_WORDS = re.compile(r"(rss|atom|feed)", re.IGNORECASE)


class SourceError(ValueError):
    """A source that cannot be added or found; the message says what to do."""


def interval_parse(text: str) -> timedelta:
    """``15m``, ``1h30m``, ``2d``, ``45s`` as a timedelta."""
    match = _INTERVAL.match(text.strip().lower())
    if not text.strip() or not match or not any(match.groupdict().values()):
        raise SourceError(f"not an interval: {text!r} (write e.g. 15m, 1h or 1h30m)")
    units = {name: int(value or 0) for name, value in match.groupdict().items()}
    interval = timedelta(days=units["d"], hours=units["h"], minutes=units["m"], seconds=units["s"])
    if interval < MIN_INTERVAL:
        raise SourceError(f"the interval must be at least {MIN_INTERVAL.total_seconds():.0f} s")
    return interval


def source_kind_guess(url: str) -> str:
    """A folder for a local directory, a feed for a URL that looks like one, else an article page."""
    if "://" not in url:
        return Source.Kind.FOLDER
    parts = urlsplit(url)
    return Source.Kind.FEED if _FEED_HINTS.search(parts.path) or _FEED_WORDS.search(parts.query) else Source.Kind.PAGE


def source_add(
    *,
    url: str,
    name: str,
    credit: str = "",
    section: str | None = None,
    auto_publish: bool = False,
    interval: timedelta = DEFAULT_INTERVAL,
    kind: str | None = None,
) -> Source:
    """A new source, due for its first poll now. Raises SourceError for a bad URL, folder or a name in use."""
    kind = kind or source_kind_guess(url)
    url = _location_check(url, kind)
    slug = slugify(name)[:200]
    if not name.strip() or not slug:
        raise SourceError("a source needs a name with letters or digits in it")
    try:
        with transaction.atomic():
            return Source.objects.create(
                name=name.strip(), slug=slug, kind=kind, url=url, credit=credit.strip(),
                section=section_for(section), auto_publish=auto_publish, interval=interval,
                next_poll_at=timezone.now() if kind in Source.POLLED_KINDS else None,
            )
    except IntegrityError:
        raise SourceError(f"a source named {name!r} exists already (choose another --name)") from None


def source_pause(*, name: str) -> Source:
    """Stop polling the source; its health and articles stay."""
    source = source_get(name=name)
    Source.objects.filter(pk=source.pk).update(paused=True)
    source.refresh_from_db()
    return source


def source_resume(*, name: str) -> Source:
    """Poll again, starting now, with the back-off forgotten."""
    source = source_get(name=name)
    Source.objects.filter(pk=source.pk).update(paused=False, next_poll_at=timezone.now(), consecutive_failures=0)
    source.refresh_from_db()
    return source


def source_remove(*, name: str) -> str:
    """Delete the source; its articles and raw items stay (without a source). Returns the name removed."""
    source = source_get(name=name)
    source.delete()
    return source.name


def source_get(*, name: str) -> Source:
    source = Source.objects.filter(name=name).first() or Source.objects.filter(slug=slugify(name)).first()
    if source is None:
        raise SourceError(f"no source named {name!r} (see `newsdesk source list`)")
    return source


def _location_check(url: str, kind: str) -> str:
    url = url.strip()
    if kind == Source.Kind.FOLDER:
        folder = Path(url).expanduser().resolve()
        if not folder.is_dir():
            raise SourceError(f"{url}: not a folder (a watched folder must exist; a feed or page needs an http(s) URL)")
        return str(folder)
    if kind in (Source.Kind.FEED, Source.Kind.PAGE):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError(f"{url}: not an http(s) URL")
    return url
