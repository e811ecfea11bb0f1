"""The source credit: who wrote the copy a page republished ("– CNN", "© AFP", "Source: Kyodo").

Normalisation rule: a known news agency is stored under its short name from
``vocab.AGENCY_NAMES`` ("Agence France-Presse" → "AFP", "The Associated
Press" → "AP", "Thomson Reuters" → "Reuters", "Kyodo News" → "Kyodo"); any
other name is kept as printed, without "©", "Copyright", years, "All rights
reserved" or a final full stop ("– Northwind Wire" → "Northwind Wire").

A copyright line is a wire credit only when it names a news agency or a
wire service (known by how its name ends: "© Northwind Wire"); a copyright
line naming anything else ("© 2025 The Daily Ledger. All rights reserved.")
is the site's own footer. Agency names that are also words ("app", "Pa")
count only in capitals.
"""

from __future__ import annotations

import re

from newsdesk.extract import vocab
from newsdesk.extract.shape import caps_fix

_END = r"[.!?…\"”’')\]]"
_NAME = r"[^\s–—\-()][^–—()]{0,45}?"
_DASH = r"(?:\s*[–—]{1,2}|\s+-{1,2}|^-{1,2})"
_DASH_CREDIT = re.compile(rf"^(?P<rest>.*?{_END})?{_DASH}\s*(?:with\s+)?(?P<name>{_NAME})\s*$", re.DOTALL)
_PAREN_CREDIT = re.compile(rf"^(?P<rest>.*?{_END})?\s*\((?P<name>[^()]{{2,80}})\)\s*$", re.DOTALL)
_INPUTS = re.compile(r"^(?:with\s+)?(?:inputs|input|reporting|files)\s+from\s+(?:the\s+)?(?P<name>.+)$", re.IGNORECASE)
_AGENCY_INPUTS = re.compile(r"^(?:with\s+)?(?:agency|agencies)\s+inputs?$|^agencies$", re.IGNORECASE)
_REUTERS_TAIL = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+(?-i:[A-Z])[^()]*(?:;|\)|editing by)[^()]*\)?\.?$", re.IGNORECASE
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|\s)+", re.IGNORECASE)
_SOURCE = re.compile(r"^(?:source|courtesy|agency|wire)\s*[:–—-]\s*(?P<name>.{2,50})$", re.IGNORECASE)
_AP_NOTICE = re.compile(r"^this material may not be published, broadcast, rewritten,? or redistributed", re.IGNORECASE)
_CONNECTORS = frozenset(("&", "and", "de", "of", "the"))
_AGENCIES = frozenset(vocab.AGENCY_NAMES.values())
_NAME_MAX_WORDS = 5  # "Associated Press of Pakistan"; a longer line is no name alone
_WIRE_ENDINGS = tuple(f" {ending}" for ending in vocab.WIRE_ENDINGS)


def credit_normalise(name: str) -> str:
    """A credit as we store it: the agency's short name, or the name as printed without copyright noise."""
    cleaned = _printed_name(name)
    return vocab.AGENCY_NAMES.get(_key(cleaned), cleaned)


def agency_name(name: str) -> str | None:
    """The short name of a known news agency, else None ("Agence France-Presse" → "AFP").

    Names that are also words ("app", "Pa") count only in capitals ("APP", "PA").
    """
    canonical = credit_normalise(name)
    if canonical not in _AGENCIES:
        return None
    printed = _printed_name(name)
    if _key(printed) in vocab.AGENCY_CAPS_ONLY and not printed.isupper():
        return None
    return canonical


def wire_name(name: str) -> str | None:
    """A wire service's name we do not know, by how it ends ("Northwind Wire", "Gulf News Agency"), else None."""
    printed = _printed_name(name)
    tokens = printed.split()
    if not 2 <= len(tokens) <= 5 or re.search(r"[,;:!?\"“”]|\d", printed):
        return None
    if not all(t[0].isupper() or t.lower() in _CONNECTORS for t in tokens) or not tokens[0][0].isupper():
        return None
    if not _key(printed).endswith(_WIRE_ENDINGS):
        return None
    return caps_fix(printed) if printed.isupper() else printed


def byline_agency(byline: str | None) -> str | None:
    """An agency named by the byline ("Jane Doe, AFP", "Reuters") credits the copy when nothing else does."""
    if not byline:
        return None
    return agency_name(byline) or (agency_name(byline.rsplit(",", 1)[-1]) if "," in byline else None)


def credit_alone(line: str) -> str | None:
    """A line that is nothing but a credit: a credit line, a known agency ("KYODO") or a wire's name ("Northwind Wire")."""
    text = line.strip()
    found = credit_line(text)
    if found:
        return found
    bare = text.strip("()[] .")
    if len(bare.split()) > _NAME_MAX_WORDS:
        return None
    return agency_name(bare) or wire_name(bare)


def _printed_name(name: str) -> str:
    """The name without copyright marks, years, "All rights reserved" and final punctuation, as printed."""
    cleaned = _COPYRIGHT.sub("", name)
    cleaned = re.sub(r"\ball rights reserved\b.*$", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"\b(?:19|20)\d{2}\b", "", cleaned)
    return " ".join(cleaned.split()).strip(" .,;:–—-")


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w&\- ]", " ", name.lower()).split())


def credit_split(paragraph: str) -> tuple[str | None, str]:
    """A credit printed at the very end of a paragraph, and the paragraph without it.

    "… and Beijing.” – CNN" → ("CNN", "… and Beijing.”"); "… said. (AFP)" →
    ("AFP", "… said."). The text before the credit must end a sentence, so a
    dash inside a sentence ("the trio – who had never …") is never a credit.
    """
    text = paragraph.rstrip()
    for pattern, judge in ((_DASH_CREDIT, _dash_name), (_PAREN_CREDIT, _paren_name)):
        match = pattern.match(text)
        if not match:
            continue
        name = judge(match.group("name").strip())
        if name:
            return name, (match.group("rest") or "").strip()
    return None, paragraph


def credit_line(line: str) -> str | None:
    """The credit a whole line gives, else None.

    "© Agence France-Presse", "Source: Kyodo", "(Reporting by …; Editing by …)"
    (Reuters), "Copyright 2025 The Associated Press. All rights reserved." (AP),
    "– CNN", "(With inputs from PTI)". A site's own copyright footer is not one.
    """
    text = line.strip()
    if _REUTERS_TAIL.match(text):
        return "Reuters"
    if _AP_NOTICE.match(text):
        return "AP"
    if _COPYRIGHT.match(text) and not text[:1].isspace():
        holder = re.split(r"(?<=\w)\.\s", _COPYRIGHT.sub("", text))[0]
        return agency_name(holder) or wire_name(holder)  # a site's own footer names neither
    inputs = _INPUTS.match(text.strip("()"))
    if inputs:
        return credit_normalise(inputs.group("name"))
    if _AGENCY_INPUTS.match(text.strip("()")):
        return "Agencies"
    source = _SOURCE.match(text)
    if source:
        return _dash_name(source.group("name").strip())
    name, rest = credit_split(text)
    if name and not rest:
        return name
    if len(text.split()) <= 3:
        return agency_name(text)
    return None


def _dash_name(name: str) -> str | None:
    """Accept what follows a final dash if it is a short name ("CNN", "Northwind Wire"), not words of a sentence."""
    name = name.rstrip(".")
    tokens = name.split()
    if not tokens or len(tokens) > 5 or len(name) > 45 or re.search(r"[,;:!?\"“”]|\d", name):
        return None
    if agency_name(name):
        return agency_name(name)
    if all(t[0].isupper() or t.lower() in _CONNECTORS for t in tokens) and tokens[0][0].isupper():
        return credit_normalise(name)
    return None


def _paren_name(name: str) -> str | None:
    """Accept a final parenthesis that names an agency or says whose inputs the story used."""
    if _REUTERS_TAIL.match(f"({name})"):
        return "Reuters"
    inputs = _INPUTS.match(name)
    if inputs:
        return credit_normalise(inputs.group("name"))
    if _AGENCY_INPUTS.match(name):
        return "Agencies"
    return agency_name(name)
