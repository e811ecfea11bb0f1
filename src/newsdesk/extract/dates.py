"""Publication dates as pages print them, into timezone-aware datetimes.

Pages print dates in many ways ("September 04, 2025", "4 Sep 2025 10.32 BST",
"Sep 4, 2025 10:32 AM EDT", "2025-09-04T10:32:00Z", "Published 04/09/2025").
We find the date, the time and the zone with explicit patterns rather than
dateutil's fuzzy mode, which invents dates out of stray numbers ("40 views");
dateutil supplies ISO parsing and the zone database. A date without a time
is midnight UTC; numeric dates are read day first unless a US zone says
otherwise or the numbers only fit month first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from dateutil import parser as dateutil_parser
from dateutil import tz as dateutil_tz

from newsdesk.extract import vocab

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DATE_PATTERNS = (
    re.compile(r"(?<![\d-])(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?![\d-])"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<year>\d{{4}})\s+{_MONTH}\s+(?P<day>\d{{1,2}})\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})\b"),
    re.compile(r"(?<![\d.:/])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d:/])"),
)
_TIME = re.compile(
    r"(?<![\d:./-])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\b\.?)?(?![\d:/]|\.\d)",
    re.IGNORECASE,
)
_ZONE = re.compile(r"\s*\(?(?P<name>[A-Z]{1,5})?\b\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?\)?")
_WEEKDAYS = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b\.?", re.I)
_FILLERS = frozenset(("at", "on", "the", "of", "hrs", "hours", "local", "time"))
_KEYWORDS = re.compile(
    r"(?:^|(?<=[\s|•·,]))(?P<word>" + "|".join(sorted(vocab.UPDATED_WORDS + vocab.PUBLISHED_WORDS, key=len, reverse=True))
    + r")\b(?:\s+on\b)?\s*:?",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"\s*[|•·]\s*")
_DIGIT = re.compile(r"\d")  # every date has one: lines without are skipped before the patterns run
MIN_YEAR, MAX_YEAR = 1990, 2100
DATE_LINE_MAX_CHARS = 240  # the longest date line ("Published … | Updated …") is far shorter; paragraphs skip the parse


@dataclass(frozen=True)
class Stamp:
    """A date found in text, and how much of the text it used (to tell date lines from sentences)."""

    when: datetime
    spans: tuple[tuple[int, int], ...]
    timed: bool = False


def date_parse(text: str) -> datetime | None:
    """The first full date (day, month, year) in ``text`` as an aware datetime, else None."""
    stamp = _stamp(text)
    return stamp.when if stamp else None


def date_stamps(line: str) -> list[tuple[str, datetime]] | None:
    """The dates a date line holds, each as ("published" | "updated", when); None if it is not a date line.

    A date line is mostly date: "Updated: Sep 4, 2025 10:32 AM EDT",
    "14:32, 4 Sep 2025 Updated 16:05, 4 Sep 2025", "New Delhi | Published 04/09/2025".
    A sentence that mentions a date is not one.
    """
    if len(line) > DATE_LINE_MAX_CHARS or not _DIGIT.search(line):
        return None
    stamps: list[tuple[str, datetime]] = []
    timed = False
    for segment in _split_segments(line):
        kind, rest = _kind_of(segment)
        stamp = _stamp(rest)
        if stamp is None:
            if stamps and not timed and (later := _time_added(stamps[-1][1], rest)):
                stamps[-1], timed = (stamps[-1][0], later), True  # "Sep 4, 2025 | 10:32 JST"
            elif len(segment.split()) > 10 or segment.endswith("."):
                return None
            continue
        if _leftover_words(rest, stamp) > 2:
            return None
        stamps.append((kind, stamp.when))
        timed = stamp.timed
    return stamps or None


def _time_added(day: datetime, text: str) -> datetime | None:
    """The date ``day`` at the time of day a segment holds on its own ("10:32 JST"), else None."""
    clock = _clock(text, exclude=(0, 0))
    if clock is None:
        return None
    (hour, minute, second), span = clock
    zone, zone_span = _zone(text, span[1])
    if _leftover_words(text, Stamp(day, (span, zone_span) if zone_span else (span,))) > 0:
        return None
    return _localise(datetime(day.year, day.month, day.day, hour, minute, second), zone)


def _split_segments(line: str) -> list[str]:
    """Cut a line at separators and before each "Published"/"Updated" keyword."""
    segments: list[str] = []
    for part in _SEGMENTS.split(line):
        starts = [m.start("word") for m in _KEYWORDS.finditer(part)] or [0]
        bounds = sorted({0, *starts}) + [len(part)]
        segments.extend(part[a:b].strip(" ,;-–—") for a, b in zip(bounds, bounds[1:]))
    return [s for s in segments if s]


def _kind_of(segment: str) -> tuple[str, str]:
    match = _KEYWORDS.match(segment)
    if not match:
        return "published", segment
    kind = "updated" if match.group("word").lower() in vocab.UPDATED_WORDS else "published"
    return kind, segment[match.end():]


def _leftover_words(text: str, stamp: Stamp) -> int:
    """Words left once the date, time and zone are taken out (weekdays and "at" do not count)."""
    pieces, last = [], 0
    for start, end in sorted(stamp.spans):
        pieces.append(text[last:start])
        last = max(last, end)
    pieces.append(text[last:])
    rest = _WEEKDAYS.sub(" ", " ".join(pieces))
    return sum(1 for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in _FILLERS)


def _stamp(text: str) -> Stamp | None:
    found = _first_date(text)
    if found is None:
        return None
    match, day = found
    if match.groupdict().get("iso"):
        return _iso_stamp(match)
    spans = [match.span()]
    clock = _clock(text, exclude=match.span())
    if clock is None:
        return Stamp(datetime(day[0], day[1], day[2], tzinfo=timezone.utc), tuple(spans))
    (hour, minute, second), span = clock
    spans.append(span)
    zone, zone_span = _zone(text, span[1])
    if zone_span:
        spans.append(zone_span)
    naive = datetime(day[0], day[1], day[2], hour, minute, second)
    return Stamp(_localise(naive, zone), tuple(spans), timed=True)


def _first_date(text: str) -> tuple[re.Match[str], tuple[int, int, int]] | None:
    """The earliest date match in the text with its (year, month, day), dropping impossible ones."""
    candidates = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            ymd = _ymd(match, text)
            if ymd is not None:
                candidates.append((match.start(), match, ymd))
                break
    if not candidates:
        return None
    _, match, ymd = min(candidates, key=lambda c: c[0])
    return match, ymd


def _ymd(match: re.Match[str], text: str) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    if groups.get("iso"):
        year, month, day = int(groups["iso"][:4]), int(groups["iso"][5:7]), int(groups["iso"][8:10])
    elif groups.get("month"):
        year, month, day = int(groups["year"]), _MONTHS[groups["month"][:3].lower()], int(groups["day"])
    elif groups.get("mnum"):
        year, month, day = int(groups["year"]), int(groups["mnum"]), int(groups["day"])
    else:
        first, second = int(groups["a"]), int(groups["b"])
        year = int(groups["year"]) + (2000 if len(groups["year"]) == 2 else 0)
        month_first = second > 12 or (first <= 12 and _month_first_zone(text))
        month, day = (first, second) if month_first else (second, first)
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return (year, month, day) if MIN_YEAR <= year <= MAX_YEAR else None


def _month_first_zone(text: str) -> bool:
    return any(name in vocab.MONTH_FIRST_ZONES for name in re.findall(r"\b[A-Z]{2,4}\b", text))


def _clock(text: str, *, exclude: tuple[int, int]) -> tuple[tuple[int, int, int], tuple[int, int]] | None:
    """The first time of day outside the date ("10:32 AM", "14.32", "4pm")."""
    for match in _TIME.finditer(text):
        if exclude[0] <= match.start() < exclude[1] or not (match.group("minute") or match.group("ampm")):
            continue
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        second = int(match.group("second") or 0)
        ampm = (match.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return (hour, minute, second), (match.start(), match.end())
    return None


def _zone(text: str, start: int) -> tuple[object | None, tuple[int, int] | None]:
    """The zone printed right after a time: an abbreviation ("EDT"), "GMT+8" or an offset ("+09:00")."""
    match = _ZONE.match(text, start)
    if not match or not (match.group("name") or match.group("offset")):
        return None, None
    name, offset = match.group("name"), match.group("offset")
    if name and name not in vocab.TZ_OFFSETS and name not in vocab.TZ_REGIONS:
        return None, None
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        base = vocab.TZ_OFFSETS.get(name or "UTC", 0)
        return timezone(timedelta(hours=base) + sign * timedelta(hours=hours, minutes=minutes)), match.span()
    if name in vocab.TZ_REGIONS:
        return dateutil_tz.gettz(vocab.TZ_REGIONS[name]) or timezone(timedelta(hours=-5)), match.span()
    return timezone(timedelta(hours=vocab.TZ_OFFSETS[name])), match.span()


def _localise(naive: datetime, zone: object | None) -> datetime:
    if zone is None:
        return naive.replace(tzinfo=timezone.utc)
    return naive.replace(tzinfo=zone)  # type: ignore[arg-type]


def _iso_stamp(match: re.Match[str]) -> Stamp | None:
    try:
        when = dateutil_parser.isoparse(match.group("iso"))
    except (ValueError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return Stamp(when, (match.span(),), timed=len(match.group("iso")) > 10)
