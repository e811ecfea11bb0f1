"""The API's query and path parameters: parsed strictly, refused with a 400 that names the parameter.

Each parser accepts exactly what the OpenAPI document declares for it, so a
client that follows the document is never refused and one that does not is
told why. Out-of-range page sizes are clamped, not refused (issue 5: "page
sizes clamped"), and ``page_size`` is declared without bounds accordingly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from newsdesk.api.errors import ApiError, bad_parameter

PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 100
SEARCH_TEXT_MAX = 200
ID_MAX = 2**63 - 1  # the largest id a database's 64-bit key can hold
_HUGE_DIGITS = 30  # a number longer than this is only ever "too big"
_WHOLE = re.compile(r"[0-9]+")
_INTEGER = re.compile(r"-?[0-9]+")
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
# RFC 3339 section 5.6 date-time: the offset is required, "T" and "Z" may be lower case.
_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))"
)
_SHOWN = 40  # how much of a bad value an error message repeats


@dataclass(frozen=True)
class PageRequest:
    """Which page of a listing, and how many items a page holds (already clamped to 1..100)."""

    number: int
    size: int


def page_request(query: Mapping[str, str]) -> PageRequest:
    return PageRequest(number=_page_number(query.get("page")), size=_page_size(query.get("page_size")))


def _page_number(value: str | None) -> int:
    if value is None:
        return 1
    if not _WHOLE.fullmatch(value) or _integer(value) < 1:
        raise bad_parameter("page", f"must be a whole number from 1 up, not {_shown(value)}")
    return _integer(value)


def _page_size(value: str | None) -> int:
    if value is None:
        return PAGE_SIZE_DEFAULT
    if not _INTEGER.fullmatch(value):
        raise bad_parameter("page_size", f"must be a whole number (1 to {PAGE_SIZE_MAX}), not {_shown(value)}")
    return min(max(_integer(value), 1), PAGE_SIZE_MAX)


def article_id(value: str) -> int:
    """The ``{id}`` of ``/articles/{id}``: 1 up to the largest 64-bit key."""
    if not _WHOLE.fullmatch(value) or not 1 <= _integer(value) <= ID_MAX:
        raise bad_parameter("id", f"must be a whole number from 1 to {ID_MAX}, not {_shown(value)}")
    return _integer(value)


def section_slug(value: str) -> str:
    """A section's slug as given; 404 for one that no section can have (it is not asked of the database)."""
    if not _SLUG.fullmatch(value):
        raise ApiError(404, "not_found", f"no section {_shown(value)}")
    return value


def entity_slug(value: str) -> str:
    """An entity's slug as given; 404 for one that no entity can have."""
    if not _SLUG.fullmatch(value):
        raise ApiError(404, "not_found", f"no person, place or organisation {_shown(value)}")
    return value


def search_text(query: Mapping[str, str]) -> str:
    value = query.get("q")
    if value is None:
        raise bad_parameter("q", "is required: the words to search for")
    if not 1 <= len(value) <= SEARCH_TEXT_MAX:
        raise bad_parameter("q", f"must be 1 to {SEARCH_TEXT_MAX} characters long, not {len(value)}")
    return value


def date_time(query: Mapping[str, str], name: str) -> datetime | None:
    """An RFC 3339 date-time (``2025-09-04T09:30:00Z``, ``2025-09-04T11:30:00+02:00``) in UTC; None when absent."""
    value = query.get(name)
    if value is None:
        return None
    match = _DATE_TIME.fullmatch(value)
    moment = _moment(match) if match else None
    if moment is None:
        raise bad_parameter(name, f"must be an RFC 3339 date-time such as 2025-09-04T09:30:00Z, not {_shown(value)}")
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:  # year 1 or 9999 moved past the calendar's end by the offset: as far as it goes
        return datetime.min.replace(tzinfo=timezone.utc) if moment.year == 1 else datetime.max.replace(tzinfo=timezone.utc)


def _moment(match: re.Match[str]) -> datetime | None:
    year, month, day, hour, minute, second, fraction, zulu, sign, offset_hours, offset_minutes = match.groups()
    if not zulu and (int(offset_hours) > 23 or int(offset_minutes) > 59):
        return None
    offset = timedelta(0) if zulu else (1 if sign == "+" else -1) * timedelta(hours=int(offset_hours), minutes=int(offset_minutes))
    microsecond = int((fraction or ".")[1:7].ljust(6, "0"))
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute),
            min(int(second), 59),  # a leap second (":60") counts as the second before it
            microsecond, tzinfo=timezone(offset),
        )
    except ValueError:  # month 13, February 30, hour 24…
        return None


def _integer(digits: str) -> int:
    """The number, or ±10^30 for one too long to matter (Python refuses to convert 4,300+ digits)."""
    if len(digits.lstrip("-").lstrip("0")) > _HUGE_DIGITS:
        return -(10**_HUGE_DIGITS) if digits.startswith("-") else 10**_HUGE_DIGITS
    return int(digits)


def _shown(value: str) -> str:
    return repr(value if len(value) <= _SHOWN else value[:_SHOWN] + "…")
