"""The section a story is filed under, from the label above its headline or its breadcrumb trail.

A news site files a story under a top-level desk (World, Business, Sport)
and often a sub-desk (Americas, Commodities, Cricket); we keep the desk, the
first crumb after "Home", so sections from many sites converge. The spellings
sites use for the same desk ("Sports", "Tech", "Biz") are folded by
``vocab.SECTION_ALIASES``; an unknown section is kept as printed (title case
when the page shouts or whispers it).
"""

from __future__ import annotations

import re

from newsdesk.extract import clutter, vocab
from newsdesk.extract.shape import caps_fix, words

MAX_SECTION_WORDS = 4
# "Politics | UK", "Sport / Cricket", "World › Asia": a desk and its sub-desk on one label.
_SUB_DESK = re.compile(r"\s*(?:\||/|>|›|»|·|•)\s*")
_KEEP_CAPS = vocab.ACRONYMS | frozenset(vocab.AGENCY_NAMES.values())


def section_words_only(text: str) -> bool:
    """True for a label made only of section words ("World", "Middle East", "U.S. News")."""
    tokens = text.lower().replace("|", " ").split()
    return bool(tokens) and len(tokens) <= MAX_SECTION_WORDS and all(t in vocab.SECTION_WORDS for t in tokens)


def section_label(text: str) -> str | None:
    """A short label as a section name ("WORLD" → "World", "Sports | Cricket" → "Sport"); None for kickers, site names and people."""
    label = text.strip(" :|>›»-–—")
    parts = [part for part in _SUB_DESK.split(label) if part]
    label = parts[0] if parts else ""
    key = clutter.line_key(label)
    if not label or len(words(label)) > MAX_SECTION_WORDS or key in vocab.KICKER_LABELS:
        return None
    if not section_words_only(label) and site_name_like(label):
        return None
    return section_canonical(label)


def section_canonical(name: str | None) -> str | None:
    """The section as we store it: a known desk under its one spelling, anything else as printed."""
    if not name:
        return None
    label = " ".join(name.split()).strip(" :|>›»-–—")
    if not label:
        return None
    alias = vocab.SECTION_ALIASES.get(clutter.line_key(label))
    if alias:
        return alias
    if label.islower():
        return " ".join(word[:1].upper() + word[1:] for word in label.split())
    return caps_fix(label, keep=_KEEP_CAPS)


def site_name_like(text: str) -> bool:
    """A site's or an agency's name ("The Morning Ledger", "TECHWIRE AFRICA", "Reuters"), not a desk."""
    for token in clutter.line_key(text).split():
        if token in vocab.BRAND_WORDS or token in vocab.AGENCY_NAMES:
            return True
        if any(token.endswith(brand) and len(token) >= len(brand) + 3 for brand in vocab.BRAND_SUFFIXES):
            return True  # "Techwire", "Newsday", "Startribune"
    return False


def section_from_trail(items: list[str], *, headline: str, site_name: str | None = None) -> str | None:
    """The desk of a breadcrumb trail: its first item after "Home" (and after a generic "News").

    "Home > World > Americas" → "World"; "Home / News / Politics" → "Politics";
    the headline printed as the last crumb and the site's name are skipped.
    """
    skip = {clutter.line_key(headline), clutter.line_key(site_name or "")} | vocab.HOME_CRUMBS
    named = [item for item in items if clutter.line_key(item) not in skip and len(words(item)) <= MAX_SECTION_WORDS]
    named = [item for item in named if not site_name_like(item) or section_words_only(item)]
    specific = [item for item in named if clutter.line_key(item) not in vocab.GENERIC_CRUMBS]
    for item in specific or named:
        label = section_label(item)
        if label:
            return label
    return None


def section_from_crumbs(texts: list[str], *, headline: str) -> str | None:
    """The desk of the breadcrumb trail nearest above the headline, among the lines ``texts``."""
    for text in reversed(texts):
        items = clutter.breadcrumb(text)
        if items:
            found = section_from_trail(items, headline=headline)
            if found:
                return found
    return None
