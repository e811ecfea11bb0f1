"""Photo captions and photo credits as captures print them.

A caption is recognised by its credit ("Photo: Jane Doe/Reuters", "(Image:
Supplied)", "(AP Photo/Jane Doe)", "Jane Doe/AFP via Getty Images") or by its
label ("Image caption, …"); a caption printed twice is found by the caller,
which sees the repetition. ``loose`` also accepts a bare agency in brackets
or after a separator ("… in Beijing (Reuters)"), which only a line above the
body can safely mean as a photo credit.
"""

from __future__ import annotations

import re

from newsdesk.extract.credit import agency_name

_LABEL = r"photo(?:graph)?s?|picture|pic|image|images|credit|photo credit|image credit|illustration|foto|file photo"
_LABELLED = re.compile(
    rf"^(?P<caption>.*?)(?:^|(?<=[.!?”\"’)])\s*|\s*[(\[|]\s*|\s+[–—-]\s+|\s+)(?:{_LABEL})\s*:\s*"
    r"(?P<credit>[^()\[\]]{2,80}?)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_BY_LABEL = re.compile(
    r"^(?P<caption>.*?)(?:^|(?<=[.!?”\"’])\s+|\s*\(\s*|\s+[|–—-]\s+)(?:photo(?:graph)?|picture|image)s?\s+by\s+"
    r"(?P<credit>[A-Z][^()]{1,60}?)\)?\s*$",
    re.IGNORECASE,
)
_PHOTO_SCENE = re.compile(
    r"\b(?:pictured|file photo|in this photo|seen here|pose|poses|posing)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\W*$",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(r"^(?:image|photo|picture|video)\s+source\s*[:,]\s*(?P<credit>.{2,80})$", re.IGNORECASE)
_CAPTION_LABEL = re.compile(r"^(?:image caption|caption|photo caption)\s*[:,]\s*(?P<caption>.+)$", re.IGNORECASE)
_PAREN = re.compile(r"^(?P<caption>.*?)\s*[(\[](?P<credit>[^()\[\]]{2,60})[)\]]\s*$")
_PHOTO_WORDS = re.compile(
    r"\b(?:photo|photograph|getty|shutterstock|alamy|epa|supplied|handout|file|afp via|pool|courtesy)\b", re.IGNORECASE
)
_SLASH = re.compile(r"^(?P<caption>.*?[.!?”\"’)])?\s*(?P<credit>[A-Z][\w.'’ -]{1,40}/\s?[A-Z][\w.'’ /-]{1,40})$")
_VIA_GETTY = re.compile(r"^(?P<caption>.*?[.!?”\"’)])?\s*(?P<credit>(?:[A-Z][\w.'’/ -]{0,40}\s)?via Getty Images|Getty Images)$")
_SEPARATED = re.compile(r"^(?P<caption>.+?)\s+(?:[|–—]|-)\s+(?P<credit>[^|–—]{2,40})$")
_TRAILING = re.compile(r"^(?P<caption>.+[.!?”\"’)])\s+(?P<credit>[A-Z][\w&.'’ -]{1,40})$")  # "… a warehouse. REUTERS"
MAX_CREDIT_WORDS = 10
CAPTION_MAX_CHARS = 700  # a caption is a sentence or two; a longer line is a paragraph


def caption_split(line: str, *, loose: bool = False) -> tuple[str, str | None] | None:
    """(caption, photo credit) when the line is marked as a caption or a photo credit, else None.

    The caption is "" for a credit-only line ("Photo: Reuters"); the credit is
    None for a labelled caption without one ("Image caption, Xi and Kim …").
    """
    text = line.strip()
    if len(text) > CAPTION_MAX_CHARS:
        return None
    if not loose and not _marked(text):
        return None
    labelled = _CAPTION_LABEL.match(text)
    if labelled:
        return labelled.group("caption").strip(), None
    source = _SOURCE_LABEL.match(text)
    if source:
        return "", source.group("credit").strip()
    for pattern in (_LABELLED, _BY_LABEL, _VIA_GETTY):
        match = pattern.match(text)
        if match and _credit_ok(match.group("credit")):
            return _tidy(match.group("caption") or ""), match.group("credit").strip()
    match = _PAREN.match(text)
    if match and _credit_ok(match.group("credit")):
        credit = match.group("credit").strip()
        if _PHOTO_WORDS.search(credit) or (loose and agency_name(credit)):
            return _tidy(match.group("caption")), credit
    return _loose_split(text) if loose else None


def _marked(text: str) -> bool:
    """What every strict pattern needs: a label's colon, "… by", Getty, a closing bracket or "caption"/"source"."""
    lowered = text.lower()
    return ":" in text or text[-1:] in ")]" or any(word in lowered for word in (" by ", "getty", "caption", "source"))


def _loose_split(text: str) -> tuple[str, str | None] | None:
    """Credits only a line known to be a caption can carry: "… Jane Doe/Reuters", "… | AFP", "… a warehouse. REUTERS"."""
    match = _SLASH.match(text)
    if match and _credit_ok(match.group("credit")):
        return _tidy(match.group("caption") or ""), match.group("credit").strip()
    for pattern in (_SEPARATED, _TRAILING):
        match = pattern.match(text)
        if match and agency_name(match.group("credit")):
            return _tidy(match.group("caption")), match.group("credit").strip()
    return None


def photo_credit_only(line: str) -> str | None:
    """A line that is nothing but a photo credit ("Getty Images", "Reuters/Jane Doe", "Photo: AFP")."""
    split = caption_split(line, loose=True)
    if split is not None:
        return split[1] if not split[0] else None
    text = line.strip()
    if len(text.split()) <= 6 and (_PHOTO_WORDS.search(text) or re.search(r"\w/\s?[A-Z]", text)) and not text.endswith("."):
        return text
    return None


def _credit_ok(credit: str) -> bool:
    credit = credit.strip()
    return 0 < len(credit.split()) <= MAX_CREDIT_WORDS and not re.search(r"[.!?]$", credit.rstrip(".")) and not (
        credit.endswith(".") and len(credit.split()) > 3
    )


def _tidy(caption: str) -> str:
    """The caption without the separator that stood before its credit."""
    return caption.strip().rstrip("|–—-/(").strip()


def caption_like(text: str) -> bool:
    """Words photo captions use ("pictured", "file photo", a closing date "… on September 3, 2025")."""
    return bool(_PHOTO_SCENE.search(text))
