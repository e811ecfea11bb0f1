"""The dateline at the head of a story's first paragraph ("BEIJING –", "PARIS (AFP) —").

Wire style prints the place in capitals, optionally a region ("LEEDS,
England"), a date ("WASHINGTON, Sept 4") and the agency in brackets, then a
dash or colon. Title-case places ("New Delhi:") are accepted only in the same
tight shape, so a paragraph that merely starts with a capitalised word ("US
officials – …", "WASHINGTON is …") is never cut.
"""

from __future__ import annotations

import re

from newsdesk.extract.credit import credit_normalise

# Latin capitals and small letters beyond ASCII (À-Þ, Ø, Å, Ñ, Ł, Ş …): places are printed with their accents
# ("SÃO PAULO", "ZÜRICH", "ANDØYA"), and Python's re has no \p{Lu}.
_LATIN = [chr(code) for code in range(0xC0, 0x250)]
_UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
_LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}.'’\-]*[{_UPPER}.]"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+(?:{_CAPS_WORD}|de|da|du|del|la|el|al))*"
_TITLE_WORD = rf"[{_UPPER}][{_LOWER}'’\-]+"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}}"
_REGION = rf"(?!{_MONTH}\s*\d){_TITLE_WORD}\.?(?:\s+{_TITLE_WORD}\.?){{0,2}}|[A-Z]\.(?:[A-Z]\.)+"
_AGENCY = r"\((?P<agency>[A-Za-z][\w&.'’ /-]{0,30})\)"
_SEPARATOR = r"(?:\s*[–—―‒]{1,2}|\s+-{1,2}|\s*--|:)\s+|[–—]"
_TAIL = rf"(?:,\s*(?P<region>{_REGION}))?(?:,?\s*(?P<date>{_DATE}))?\s*(?:{_AGENCY})?(?:{_SEPARATOR})(?P<rest>\S.*)$"
_CAPS_DATELINE = re.compile(rf"^\s*(?P<place>{_CAPS_PLACE}){_TAIL}", re.DOTALL)
_TITLE_DATELINE = re.compile(rf"^\s*(?P<place>{_TITLE_PLACE}){_TAIL}", re.DOTALL)
_AGENCY_ONLY = re.compile(rf"^\s*{_AGENCY}(?:{_SEPARATOR})(?P<rest>\S.*)$", re.DOTALL)

# Capitalised openings that are labels, not places ("UPDATE: …", "Breaking – …").
NOT_PLACES = frozenset(
    (
        "additionally", "advertisement", "also", "analysis", "breaking", "correction", "developing", "earlier",
        "editor's note", "editors note", "elsewhere", "exclusive", "explainer", "file", "finally", "first", "however",
        "instead", "later", "live", "meanwhile", "moreover", "nevertheless", "note", "now", "opinion", "overall",
        "photo", "read more", "second", "separately", "still", "summary", "then", "today", "update", "updated", "video",
        "warning", "watch", "yesterday",
    )
)
_MIN_PLACE_LETTERS = 3


def dateline_split(paragraph: str) -> tuple[str | None, str | None, str]:
    """(place, agency, rest) for a paragraph that opens with a dateline, else (None, None, paragraph).

    "LEEDS, England (AP) — The …" → ("LEEDS, England", "AP", "The …");
    "WASHINGTON, Sept 4 (Reuters) - The …" → ("WASHINGTON", "Reuters", "The …");
    "(Reuters) - The …" → (None, "Reuters", "The …").
    """
    match = _AGENCY_ONLY.match(paragraph)
    if match and _opens_sentence(match.group("rest")):
        return None, credit_normalise(match.group("agency")), match.group("rest").strip()
    for pattern, strict in ((_CAPS_DATELINE, False), (_TITLE_DATELINE, True)):
        match = pattern.match(paragraph)
        if match and _plausible(match, strict=strict):
            place = match.group("place")
            if match.group("region"):
                place = f"{place}, {match.group('region')}"
            agency = match.group("agency")
            return place, credit_normalise(agency) if agency else None, match.group("rest").strip()
    return None, None, paragraph


def _plausible(match: re.Match[str], *, strict: bool) -> bool:
    """A place name, not a label, followed by the start of a sentence."""
    place = match.group("place")
    if place.lower().strip(".") in NOT_PLACES or sum(c.isalpha() for c in place) < _MIN_PLACE_LETTERS:
        return False
    if not _opens_sentence(match.group("rest")):
        return False
    if strict and not (match.group("agency") or match.group("date") or match.group("region")):
        return _bare_title_place(match)
    return True


def _bare_title_place(match: re.Match[str]) -> bool:
    """"New Delhi: The …" is a dateline; "Meanwhile – The …" is not: only a colon or dash right after, rest a sentence."""
    text = match.group(0)
    sep_at = len(match.group("place")) + (len(text) - len(text.lstrip()))
    separator = text[sep_at:sep_at + 3].strip()
    return separator[:1] in ":–—" and len(match.group("rest").split()) >= 6


def _opens_sentence(rest: str) -> bool:
    first = rest.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in "\"“‘'(")
