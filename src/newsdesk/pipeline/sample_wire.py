"""The sample wire shipped in the package: stories dated relative to "now" when loaded.

Every date in ``newsdesk/sample_wire/`` is a placeholder so that a fresh demo
always looks current. The token is ``{{ago:DURATION[@OFFSET][|FORMAT]}}``:

- ``DURATION`` is how long before "now" the date lies: ``45m``, ``3h``,
  ``2d5h``, ``1d2h30m`` (days, hours, minutes; in that order).
- ``OFFSET`` (optional) shows the time in another zone, e.g. ``@+09:00`` for a
  Japanese site's local time; without it times are UTC.
- ``FORMAT`` (optional) is ``iso`` (the default: ``2025-06-03T10:42:00Z``, for
  HTML and XML attributes), ``rfc822`` (``Tue, 03 Jun 2025 10:42:00 GMT``, for
  RSS ``pubDate``) or any ``strftime`` pattern for human text; ``%-d``,
  ``%-m``, ``%-H``, ``%-I`` and ``%-M`` print without the leading zero on
  every platform.

Images are the small SVGs shipped in ``site/static/site/sample/``; the
files name them as ``{{images}}/NAME.svg`` and rendering writes the absolute
address the demo serves them at (``images_base``), as a real wire would.

Rendering is pure (file and "now" in, bytes out); loading sends each rendered
file through ``item_process`` like any other input.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from django.db import transaction

import newsdesk
from newsdesk.core import clock
from newsdesk.newsroom.models import Article, RawItem
from newsdesk.pipeline.ingest import IngestResult, item_process

SAMPLE_WIRE_DIR = Path(newsdesk.__file__).resolve().parent / "sample_wire"

# Which files are wire input, and the content type each kind arrives with.
_KINDS = {".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8", ".xml": "application/rss+xml"}

AGO_TOKEN = re.compile(
    r"\{\{\s*ago:(?P<duration>[0-9dhm]+)(?:@(?P<offset>[+-]\d{2}:?\d{2}))?(?:\|(?P<format>[^}]*))?\s*\}\}"
)
_DURATION = re.compile(r"^(?:(?P<d>\d+)d)?(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?$")
_UNPADDED = re.compile(r"%-([dmHIM])")


def sample_wire_files() -> list[Path]:
    """Every sample wire file (captures, article pages, feeds), in a stable order."""
    return sorted(path for path in SAMPLE_WIRE_DIR.rglob("*") if path.is_file() and path.suffix in _KINDS)


IMAGES_BASE = "http://127.0.0.1:8000/static/site/sample"
ORIGIN_PREFIX = "sample-wire:"


def sample_wire_render(path: Path, *, now: datetime, images_base: str = IMAGES_BASE) -> bytes:
    """The file with every ``{{ago:…}}`` token replaced by a date before ``now``, images at ``images_base``."""
    now = _minute(now)
    text = path.read_text(encoding="utf-8").replace("{{images}}", images_base.rstrip("/"))
    rendered = AGO_TOKEN.sub(lambda match: _token_render(match, now=now), text)
    if "{{" in rendered:
        line = rendered[: rendered.index("{{")].count("\n") + 1
        raise ValueError(f"{path.name}:{line}: a date placeholder is not of the form {{{{ago:3h|FORMAT}}}}")
    return rendered.encode("utf-8")


def sample_wire_load(
    *, now: datetime | None = None, max_bytes: int = 15_000_000, images_base: str = IMAGES_BASE
) -> list[IngestResult]:
    """Render every sample file for ``now`` and ingest it; one result per article (or failure)."""
    now = now or clock.now()
    results: list[IngestResult] = []
    for path in sample_wire_files():
        results.extend(
            item_process(
                origin=f"{ORIGIN_PREFIX}{path.relative_to(SAMPLE_WIRE_DIR).as_posix()}",
                payload=sample_wire_render(path, now=now, images_base=images_base),
                content_type=_KINDS[path.suffix],
                max_bytes=max_bytes,
            )
        )
    return results


def ago_parse(duration: str) -> timedelta:
    """``2d5h30m`` as a timedelta; a zero or malformed duration is an error (dates must be in the past)."""
    match = _DURATION.match(duration)
    if not match or not any(match.groupdict().values()):
        raise ValueError(f"not a duration: {duration!r} (write e.g. 45m, 3h or 2d5h)")
    days, hours, minutes = (int(match.group(unit) or 0) for unit in "dhm")
    delta = timedelta(days=days, hours=hours, minutes=minutes)
    if not delta:
        raise ValueError(f"a sample date must lie before now, not at it: {duration!r}")
    return delta


def _token_render(match: re.Match[str], *, now: datetime) -> str:
    when = now - ago_parse(match.group("duration"))
    offset = match.group("offset")
    if offset:
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = int(offset[1:3]), int(offset[-2:])
        when = when.astimezone(timezone(sign * timedelta(hours=hours, minutes=minutes)))
    return _format(when, (match.group("format") or "iso").strip())


def _format(when: datetime, pattern: str) -> str:
    if pattern == "iso":
        return when.isoformat().replace("+00:00", "Z")
    if pattern == "rfc822":
        return format_datetime(when, usegmt=when.utcoffset() == timedelta(0))
    pattern = _UNPADDED.sub(lambda m: str(int(when.strftime("%" + m.group(1)))).replace("%", "%%"), pattern)
    return when.strftime(pattern)


def _minute(now: datetime) -> datetime:
    """``now`` as an aware UTC time to the minute (a naive value is taken to be UTC)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc).replace(second=0, microsecond=0)



def sample_wire_loaded() -> bool:
    return RawItem.objects.filter(origin__startswith=ORIGIN_PREFIX).exists()


def sample_wire_unload() -> int:
    """Remove the sample articles and their raw items, so a reload dates them from a new "now"."""
    with transaction.atomic():
        deleted, _ = Article.objects.filter(raw_item__origin__startswith=ORIGIN_PREFIX).delete()
        RawItem.objects.filter(origin__startswith=ORIGIN_PREFIX).delete()
    return deleted
