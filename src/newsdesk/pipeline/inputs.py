"""Turn the names given to `newsdesk ingest` (files, folders, URLs) into payloads."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from newsdesk.core.errors import IngestError
from newsdesk.wire.fetch import FetchPolicy, fetch

Payload = tuple[str, bytes, str]  # origin, bytes, content type


def inputs_expand(names: list[str]) -> list[str]:
    """Folders become the files under them (sorted, hidden files skipped); files and URLs stay."""
    expanded: list[str] = []
    for name in names:
        path = Path(name)
        if not name.startswith(("http://", "https://")) and path.is_dir():
            expanded += [str(p) for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")]
        else:
            expanded.append(name)
    return expanded


def input_read(name: str, *, max_bytes: int) -> Payload:
    """Read a file or fetch a URL; refuse anything over ``max_bytes`` before reading it whole."""
    if name.startswith(("http://", "https://")):
        fetched = fetch(name, policy=_fetch_policy(max_bytes))
        return (fetched.url, fetched.payload, fetched.content_type)
    return _file_read(Path(name), max_bytes=max_bytes)


def _fetch_policy(max_bytes: int) -> FetchPolicy:
    """Settings into the fetch policy: the private hosts the operator named (NEWSDESK_ALLOW_PRIVATE_HOSTS, parsed at start-up)."""
    return FetchPolicy(
        max_bytes=max_bytes,
        allow_private_hosts=settings.ALLOW_PRIVATE_HOSTS,
        allow_private=settings.ALLOW_PRIVATE_FETCH,
    )


def _file_read(path: Path, *, max_bytes: int) -> Payload:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError("too_large", f"too large: {size / 1e6:.1f} MB over the {max_bytes / 1e6:.0f} MB limit")
        return (str(path), path.read_bytes(), "")
    except FileNotFoundError as error:
        raise IngestError("not_found", "no such file") from error
    except IsADirectoryError as error:
        raise IngestError("not_found", "is a directory") from error
    except PermissionError as error:
        raise IngestError("unreadable", "permission denied") from error
