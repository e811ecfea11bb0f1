"""The section a story is filed under, from the label above its headline or its breadcrumb trail."""

from __future__ import annotations

from newsdesk.extract import clutter, vocab
from newsdesk.extract.shape import caps_fix, words

MAX_SECTION_WORDS = 4


def section_words_only(text: str) -> bool:
    """True for a label made only of section words ("World", "Middle East", "U.S. News")."""
    tokens = text.lower().replace("|", " ").split()
    return bool(tokens) and len(tokens) <= MAX_SECTION_WORDS and all(t in vocab.SECTION_WORDS for t in tokens)


def section_label(text: str) -> str | None:
    """A short label as a section name ("WORLD" → "World"); None for kickers, site names and people."""
    label = text.strip(" :|>›»-–—")
    key = clutter.line_key(label)
    if not label or len(words(label)) > MAX_SECTION_WORDS or key in vocab.KICKER_LABELS:
        return None
    tokens = key.split()
    if not section_words_only(label) and any(t in vocab.BRAND_WORDS or t in vocab.AGENCY_NAMES for t in tokens):
        return None
    return caps_fix(label, keep=vocab.ACRONYMS | frozenset(vocab.AGENCY_NAMES.values()))


def section_from_crumbs(texts: list[str], *, headline: str) -> str | None:
    """The deepest item of the last breadcrumb trail that is not "Home" or the headline itself."""
    for text in reversed(texts):
        items = clutter.breadcrumb(text)
        if not items:
            continue
        for item in reversed(items):
            key = clutter.line_key(item)
            if key not in ("home", clutter.line_key(headline)) and len(words(item)) <= MAX_SECTION_WORDS:
                return section_label(item)
    return None
