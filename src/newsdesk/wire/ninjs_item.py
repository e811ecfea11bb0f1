"""A ninjs item of any version (1.x, 2.x, 3.x) decoded into one small struct.

The versions say the same things with different names: 1.x has
``headline``/``body_xhtml``/``byline``/``versioncreated`` and objects keyed by
name; 2.x has ``headlines``/``bodies``/``by`` arrays in lower case; 3.x
spells them in camelCase (``versionCreated``, ``infoSources``) and lists
``associations`` and ``renditions`` as arrays. ``ninjs_item_decode`` reads
any of them; the mapping to a Draft is ``ninjs_draft``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsdesk.wire.newsml_markup import when

_FORMAT_SUFFIXES = ("text", "html", "xhtml")


@dataclass(frozen=True)
class Part:
    """One headline, body or description: its role, its content type and its value."""

    role: str
    content_type: str
    value: str


@dataclass(frozen=True)
class Subject:
    name: str
    rel: str = ""
    code: str = ""


@dataclass(frozen=True)
class Rendition:
    href: str
    content_type: str = ""
    width: int = 0


@dataclass(frozen=True)
class Association:
    """An associated item (the lead photo of a story, a logo, a video): what a Picture is made of."""

    name: str
    type: str
    uri: str
    headline: str
    descriptions: tuple[Part, ...]
    renditions: tuple[Rendition, ...]
    byline: str
    copyright_holder: str


@dataclass(frozen=True)
class NinjsItem:
    uri: str
    type: str
    version: str
    language: str
    pub_status: str
    headlines: tuple[Part, ...]
    title: str
    bodies: tuple[Part, ...]
    descriptions: tuple[Part, ...]
    first_created: datetime | None
    version_created: datetime | None
    located: str
    byline: str
    info_sources: tuple[str, ...]
    copyright_holder: str
    subjects: tuple[Subject, ...]
    associations: tuple[Association, ...]
    is_event: bool
    is_planning: bool


def ninjs_item_decode(item: dict[str, Any]) -> NinjsItem:
    """Read the fields newsdesk uses from a schema-valid ninjs item of any version."""
    return NinjsItem(
        uri=_string(item.get("uri")),
        type=_string(item.get("type")).lower(),
        version=_string(item.get("version")),
        language=_string(item.get("language")),
        pub_status=_string(_get(item, "pubStatus", "pubstatus")).lower(),
        headlines=_parts(item, "headlines", "headline"),
        title=_string(item.get("title")),
        bodies=_parts(item, "bodies", "body"),
        descriptions=_parts(item, "descriptions", "description"),
        first_created=when(_string(_get(item, "firstCreated", "firstcreated")) or None),
        version_created=when(_string(_get(item, "versionCreated", "versioncreated")) or None),
        located=_string(item.get("located")),
        byline=_string(_get(item, "by", "byline")),
        info_sources=tuple(_names(_get(item, "infoSources", "infosources", "infosource"))),
        copyright_holder=_string(_get(item, "copyrightHolder", "copyrightholder")),
        subjects=tuple(_subjects(_get(item, "subjects", "subject"))),
        associations=tuple(_associations(item.get("associations"))),
        is_event=any(k in item for k in ("eventDetails", "eventdetails", "events")),
        is_planning=any(k in item for k in ("plannedCoverage", "planningDetails", "planning")),
    )


def _parts(item: dict[str, Any], plural: str, singular: str) -> tuple[Part, ...]:
    """2.x/3.x arrays of {role, contentType, value}; 1.x ``headline``/``body_xhtml``/``description_caption_text`` names."""
    found: list[Part] = []
    entries = item.get(plural)
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("value"), str):
            content_type = _string(_get(entry, "contentType", "contenttype"))
            found.append(Part(_string(entry.get("role")), content_type or _guess_type(entry["value"]), entry["value"]))
    if isinstance(item.get(singular), str):
        found.append(Part("main", "text/plain", item[singular]))
    for key, value in item.items():
        if key.startswith(singular + "_") and isinstance(value, str):
            found.append(_suffixed_part(key[len(singular) + 1 :], value))
    return tuple(found)


def _suffixed_part(suffix: str, value: str) -> Part:
    """1.x ``body_xhtml`` → (main, html); ``description_caption_xhtml`` → (caption, html); ``body_new`` → (new, guessed)."""
    words = suffix.lower().split("_")
    if words[-1] in _FORMAT_SUFFIXES:
        role = "_".join(words[:-1]) or "main"
        content_type = "text/plain" if words[-1] == "text" else "text/html"
    else:
        role, content_type = suffix.lower(), _guess_type(value)
    return Part(role, content_type, value)


def _associations(value: Any) -> list[Association]:
    """1.x/2.0 write associations as an object keyed by name, 2.1 and 3.x as an array of items with a name."""
    if isinstance(value, dict):
        pairs = [(name, entry) for name, entry in value.items() if isinstance(entry, dict)]
    elif isinstance(value, list):
        pairs = [(_string(entry.get("name")), entry) for entry in value if isinstance(entry, dict)]
    else:
        pairs = []
    return [
        Association(
            name=name,
            type=_string(entry.get("type")).lower(),
            uri=_string(entry.get("uri")),
            headline=next((p.value for p in _parts(entry, "headlines", "headline")), ""),
            descriptions=_parts(entry, "descriptions", "description"),
            renditions=tuple(_renditions(entry.get("renditions"))),
            byline=_string(_get(entry, "by", "byline")),
            copyright_holder=_string(_get(entry, "copyrightHolder", "copyrightholder")),
        )
        for name, entry in pairs
    ]


def _renditions(value: Any) -> list[Rendition]:
    entries = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
    found = []
    for entry in entries:
        if isinstance(entry, dict) and _string(entry.get("href")):
            width = entry.get("width")
            found.append(
                Rendition(
                    href=_string(entry.get("href")),
                    content_type=_string(_get(entry, "contentType", "contenttype", "mimetype")).lower(),
                    width=width if isinstance(width, int) and not isinstance(width, bool) else 0,
                )
            )
    return found


def _subjects(value: Any) -> list[Subject]:
    found = []
    for entry in value if isinstance(value, list) else []:
        if isinstance(entry, dict) and _string(entry.get("name")):
            code = _string(entry.get("uri")) or _string(entry.get("code")) or _string(entry.get("literal"))
            found.append(Subject(_string(entry.get("name")), _string(entry.get("rel")).lower(), code))
    return found


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    return [_string(e.get("name")) for e in value if isinstance(e, dict) and _string(e.get("name"))] if isinstance(value, list) else []


def _get(holder: dict[str, Any], *names: str) -> Any:
    return next((holder[name] for name in names if holder.get(name) not in (None, "", [], {})), None)


def _string(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _guess_type(value: str) -> str:
    return "text/html" if re.search(r"<[a-zA-Z][^>]*>", value) else "text/plain"
