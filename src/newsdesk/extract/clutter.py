"""Is this line site chrome? Matches lines against the tables in ``vocab`` plus a few line shapes.

Chrome never becomes body: counters, share bars, menus, breadcrumbs, rail
headings and their relative times, newsletter and cookie boxes, footers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.extract import vocab

_APOSTROPHES = re.compile(r"['’‘`]")
_NON_WORD = re.compile(r"[^\w&]+", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

_RELATIVE = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:about|over|almost)\s+)?"
    r"(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?"
    r"|y|yrs?|years?)(?:\s+ago)?|just now|moments ago|yesterday|today|now)$",
    re.IGNORECASE,
)
_NUMBER = r"\d[\d,.]*\s*[km]?\+?"
_COUNTER = re.compile(
    rf"^(?:{_NUMBER}\s*(?:views?|reads?|comments?|shares?|likes?|reactions?|replies|responses)"
    rf"|(?:views?|comments?|shares?|reads?|replies)\s*[:(]?\s*{_NUMBER}\)?)$",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(
    rf"^(?:{_NUMBER}\s*(?:comments?|responses?|replies)(?:\s+(?:to|on)\b.*)?|comments?\s*\(\s*{_NUMBER}\s*\))$", re.IGNORECASE
)
_VIEWS = re.compile(
    rf"^(?:(?P<a>{_NUMBER})\s*views?|views?\s*[:(]?\s*(?P<b>{_NUMBER})\)?|viewed\s+(?P<c>{_NUMBER})\s+times)$", re.IGNORECASE
)
_READ_TIME = re.compile(
    r"^(?:reading time\s*:?\s*)?\d+\s*(?:-\s*\d+\s*)?(?:m|mins?|minutes?)\.?\s*(?:read|reading|listen)?(?:\s*time)?$",
    re.IGNORECASE,
)
_FOOTER = re.compile(r"^(?:©|\(c\)\s|copyright\b)|all rights reserved", re.IGNORECASE)
_CRUMB_SPLIT = re.compile(r"\s+(?:>|/|\\|\|)\s+|\s*[›»→]\s*")
_CRUMB_MARKS = (">", "/", "\\", "|", "›", "»", "→")
_NAV_SPLIT = re.compile(r"\s*[|•·]\s*")
_BARE = re.compile(
    r"^[\W\d_]{0,4}$|^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^@\w+$|^(?:image|photo|picture|slide)?\s*\d+\s*(?:/|of)\s*\d+$",
    re.UNICODE | re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"^follow\b.{0,80}\bon (?:twitter|facebook|instagram|x|tiktok|linkedin|youtube|threads|bluesky)\b", re.IGNORECASE
)
# Built once: these run on every line of every capture and every block of every page.
_PREFIXES = tuple(prefix.translate(_QUOTES) for prefix in vocab.CLUTTER_PREFIXES)
_PAYWALL = re.compile("|".join(re.escape(phrase) for phrase in vocab.PAYWALL_PHRASES))
_PAYWALL_WORDS = ("subscri", "reached", "unlock", "free articles")
_PHRASES = re.compile("|".join(re.escape(phrase.translate(_QUOTES)) for phrase in vocab.CLUTTER_PHRASES))
# An agency's desk code closing a story: "str-ho/rsc", "bur-jj/fg", "sst/dhc" (AFP's sign-offs).
_DESK_CODE = re.compile(r"^[a-z]{2,6}(?:-[a-z]{2,6})*(?:\s?/\s?[a-z]{2,6}(?:-[a-z]{2,6})*)+$")
LONG_LINE = 300  # characters: past this a line is a paragraph, never a menu, trail or share bar
FOOTER_MAX_WORDS = 40
_SHARE_FILLERS = frozenset(("article", "on", "the", "this", "story", "via"))


@lru_cache(maxsize=4096)
def line_key(line: str) -> str:
    """A line folded for table look-ups: lower case, apostrophes dropped, other punctuation as spaces.

    Cached: the classifiers ask for the same line's key several times in a row.
    """
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", line.lower())).split())


@lru_cache(maxsize=4096)
def is_clutter(line: str) -> bool:
    """Site chrome wherever it appears: the vocabularies, counters, share bars, menus, breadcrumbs, footers.

    Cached: a line is judged by the classifier and again as a byline segment.
    """
    key = line_key(line)
    text = line.strip()
    if not key or key in vocab.CLUTTER_LINES or _BARE.match(text) or _DESK_CODE.match(text):
        return True
    folded = text.lower().translate(_QUOTES)
    if folded.startswith(_PREFIXES):
        return True
    count = key.count(" ") + 1
    if count <= vocab.CLUTTER_PHRASE_MAX_WORDS and (key.startswith(vocab.CLUTTER_KEY_PREFIXES) or _PHRASES.search(folded)):
        return True
    if _RELATIVE.match(text) or _COUNTER.match(text) or _READ_TIME.match(text) or _FOLLOW.match(text):
        return True
    if _FOOTER.search(text) and count <= FOOTER_MAX_WORDS:
        return True
    if len(text) > LONG_LINE:
        return False
    return is_share_bar(key) or is_nav_line(text) or breadcrumb(text) is not None


def is_rail_heading(line: str) -> bool:
    """The heading of a rail of other stories ("HIGHLIGHTS", "Most read", "More from World")."""
    key = line_key(line)
    return key in vocab.RAIL_HEADINGS or (len(key.split()) <= 5 and key.startswith(vocab.RAIL_PREFIXES))


def is_terminal_heading(line: str) -> bool:
    """A rail after which nothing is article again: readers' comments ("34 Comments", "Leave a reply"), paid links, a paywall."""
    key = line_key(line)
    if key in vocab.TERMINAL_HEADINGS or (len(key.split()) <= 6 and key.startswith(vocab.TERMINAL_PREFIXES)):
        return True
    if is_paywall(line):
        return True
    return bool(_COMMENT_COUNT.match(line.strip(" []")))


def is_paywall(line: str) -> bool:
    """The line where a paywall cuts the story off ("Subscribe to continue reading")."""
    lowered = line.lower()
    if not any(word in lowered for word in _PAYWALL_WORDS):
        return False  # every paywall phrase has one of these; most lines are spared the fold and the search
    key = line_key(line)
    return key.count(" ") < vocab.CLUTTER_PHRASE_MAX_WORDS and _PAYWALL.search(key) is not None


def relative_time(line: str) -> bool:
    """"7 hours ago", "2h", "Yesterday": a rail item's age."""
    return bool(_RELATIVE.match(line.strip()))


def view_count(line: str) -> int | None:
    """The number in a view counter line ("40 views", "Views: 1.2K"), else None."""
    match = _VIEWS.match(line.strip())
    if not match:
        return None
    raw = (match.group("a") or match.group("b") or match.group("c")).lower().replace(",", "").replace("+", "").strip()
    scale = 1000 if raw.endswith("k") else 1_000_000 if raw.endswith("m") else 1
    try:
        return int(float(raw.rstrip("km").strip()) * scale)
    except ValueError:
        return None


def is_share_bar(key: str) -> bool:
    """A line made only of network names and share actions ("Facebook Twitter WhatsApp Email")."""
    tokens = key.split()
    return bool(tokens) and all(t in vocab.SHARE_WORDS or t in _SHARE_FILLERS for t in tokens) and any(
        t in vocab.SHARE_WORDS for t in tokens
    )


def is_nav_line(line: str) -> bool:
    """A menu printed on one line: "News | Sport | Business" or "News Sport Business Opinion"."""
    if line.rstrip().endswith("."):
        return False  # a sentence; menu items never end with a full stop
    items = [i for i in _NAV_SPLIT.split(line) if i]
    if len(items) >= 3 and all(len(i.split()) <= 3 and not i.endswith(".") for i in items):
        return True
    tokens = line.lower().split()
    return len(tokens) >= 4 and all(t in vocab.SECTION_WORDS for t in tokens)


def breadcrumb(line: str) -> list[str] | None:
    """The items of a breadcrumb trail ("Home > World > Asia" → [Home, World, Asia]), else None."""
    if line.rstrip()[-1:] in ".!?," or not any(mark in line for mark in _CRUMB_MARKS):
        return None  # a sentence, or no separator at all
    items = [i.strip() for i in _CRUMB_SPLIT.split(line.strip())]
    if len(items) < 2 or not all(items):
        return None
    if any(len(i.split()) > 5 or i[-1] in ".!?," or ":" in i or not i[0].isupper() for i in items):
        return None
    if "/" in line and " / " not in line:
        return None
    if "|" in line and line_key(items[0]) != "home":
        return None  # "Jane Doe | AFP" is a byline, not a trail
    return items


def tag_list(line: str) -> tuple[str, ...] | None:
    """The tags of a "Tags: a, b, c" line, else None."""
    match = re.match(r"^\s*(?:tags|topics|keywords|filed under)\s*:\s*(.+)$", line, re.IGNORECASE)
    if not match:
        return None
    tags = (t.strip(" .") for t in re.split(r"\s*[,;|•·]\s*", match.group(1)))
    return tuple(t for t in tags if t)
