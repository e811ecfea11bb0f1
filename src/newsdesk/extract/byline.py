"""Who wrote the story: "By Jane Doe", "Jane Doe | AFP", "Written By: Jane Doe" → the byline without "By".

Normalisation: the "By"/"Written by" prefix goes; parts a page separates
with "|", "•" or "·" are joined with ", " ("Jane Doe | AFP" → "Jane Doe,
AFP"); dates and editor credits on the same line are dropped; ALL-CAPS names
become title case ("By JANE DOE" → "Jane Doe") but agency names keep their
spelling.
"""

from __future__ import annotations

import re

from newsdesk.extract import clutter, vocab
from newsdesk.extract.credit import agency_name
from newsdesk.extract.dates import date_stamps
from newsdesk.extract.shape import is_all_caps

_SEGMENTS = re.compile(r"\s*[|•·]\s*")
_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(vocab.BYLINE_PREFIXES, key=len, reverse=True)) + r")\s*:?\s+",
    re.IGNORECASE,
)
_CONNECTORS = frozenset(("&", "al", "and", "bin", "da", "de", "del", "der", "di", "du", "el", "in", "la", "le", "van",
                         "von", "with"))
ROLE_WORDS = frozenset(("analyst", "bureau", "chief", "columnist", "contributor", "correspondent", "desk", "editor",
                         "news", "reporter", "staff", "team", "writer"))
# "Last updated 11:48 GMT", "Posted 9:30 a.m.": a time without a date beside the name.
_TIME_ONLY = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{1,5})?$",
    re.IGNORECASE,
)
_MAC = re.compile(r"^(?:Mc|Mac)(?=[A-Z])")
MAX_NAME_WORDS = 12
MAX_PART_WORDS = 6
MAX_BIO_WORDS = 60
MAX_BYLINE_CHARS = 240  # several names, roles and a date fit; a paragraph is never a byline


def byline_parse(line: str, *, bare: bool = False) -> str | None:
    """The byline a line gives, else None.

    Without "By", a line is a byline only when a name comes with an agency, a
    role or a date ("Jane Doe | AFP"), or when the caller knows the line sits
    where bylines sit (``bare=True``, e.g. a lone name right above the date).
    """
    if len(line) > MAX_BYLINE_CHARS:
        return None
    if not bare and not _PREFIX.match(line.strip()) and not _SEGMENTS.search(line):
        return None  # neither "By …" nor "Name | Agency": the evidence a byline needs is missing
    segments = [s for s in _SEGMENTS.split(line.strip()) if s]
    parts: list[str] = []
    prefixed = evidence = False
    for segment in segments:
        if date_stamps(segment) or clutter.relative_time(segment) or _TIME_ONLY.match(segment):
            evidence = True
            continue
        if clutter.is_clutter(segment):
            continue
        if segment.lower().startswith(vocab.NOT_AUTHOR_PREFIXES):
            continue
        stripped = _PREFIX.sub("", segment, count=1)
        if stripped != segment:
            prefixed = True
        names = _names(stripped, first=not parts)
        if names is None:
            return None
        evidence = evidence or (bool(parts) and _credential(stripped))
        parts.append(names)
    if not parts or not (prefixed or evidence or bare):
        return None
    if not prefixed and not _person(parts[0]):
        return None
    return ", ".join(parts)


def _names(text: str, *, first: bool) -> str | None:
    """Validated names ("Jane Doe and John Roe, Reuters"), with dates cut off; None if it reads like a sentence."""
    pieces = [p.strip() for p in text.split(",")]
    pieces = [p for p in pieces if p and not re.search(r"\d", p)]
    pieces = [*_agency_apart(pieces[0]), *pieces[1:]] if pieces else pieces
    if not pieces or re.search(r"[.!?]\s*$", pieces[-1]) and not re.search(r"\b[A-Z]\.$", pieces[-1]):
        return None
    tokens = pieces[0].split()
    if first and not (1 <= len(tokens) <= MAX_NAME_WORDS and tokens[0][:1].isupper()):
        return None
    if first and not all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens):
        return None
    if any(len(p.split()) > MAX_PART_WORDS or re.search(r"[:;!?\"“”]", p) for p in pieces[1:]):
        return None
    return ", ".join(_decapitalise(p) for p in pieces)


def _agency_apart(piece: str) -> list[str]:
    """"HANNAH PRICE-JONES Associated Press" → [name, agency]: an agency printed after the name without a comma."""
    tokens = piece.split()
    for size in range(min(4, len(tokens) - 2), 0, -1):
        if agency_name(" ".join(tokens[-size:])):
            return [" ".join(tokens[:-size]), " ".join(tokens[-size:])]
    return [piece]


def _credential(text: str) -> bool:
    """An agency or a job title: what makes "Jane Doe | AFP" a byline."""
    words = {w.lower().strip(".,") for w in text.split()}
    return bool(agency_name(text) or words & ROLE_WORDS)


def _person(text: str) -> bool:
    """Two to four capitalised words that are not a section, a menu or a site's name."""
    name = text.split(",")[0]
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or not all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens):
        return False
    lowered = {t.lower() for t in tokens}
    return not (lowered <= vocab.SECTION_WORDS or lowered & vocab.BRAND_WORDS or agency_name(name))


def _decapitalise(part: str) -> str:
    """ALL-CAPS names in title case ("FIONA McLEISH" → "Fiona McLeish"); agency names and short acronyms as printed."""
    tokens = part.split()
    if agency_name(part) or not all(_shouted(t) for t in tokens if t.lower() not in _CONNECTORS):
        return part
    return " ".join(t if agency_name(t) or t.lower() in _CONNECTORS else _title(t) for t in tokens)


def _shouted(token: str) -> bool:
    """A name token in capitals; "McLEISH" and "MacDONALD" keep their small c and a."""
    return is_all_caps(token) or bool(_MAC.match(token)) and is_all_caps(token[_MAC.match(token).end():])


def _title(token: str) -> str:
    mac = _MAC.match(token)
    if mac and not is_all_caps(token):
        return mac.group(0) + _title(token[mac.end():])
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), token.lower())


def author_bio(paragraph: str, byline: str | None) -> bool:
    """True for the closing note about the writer ("Jane Doe is the Herald's political editor …")."""
    if not byline:
        return False
    name = re.split(r",| and | in | with ", byline)[0].strip()
    if len(name.split()) < 2:
        return False
    return bool(re.match(rf"{re.escape(name)}\s+(?:is|was|has|writes|covers|reports)\b", paragraph)) and len(
        paragraph.split()
    ) <= MAX_BIO_WORDS
