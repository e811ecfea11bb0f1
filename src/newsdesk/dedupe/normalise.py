"""Wire copy reduced to what stays the same when a site republishes it: the words of the body.

Republishers change the clutter, the dateline style, the quote marks and the
spacing; the words do not change. Shingles are runs of SHINGLE_WORDS words.
"""

from __future__ import annotations

import re
import unicodedata

SHINGLE_WORDS = 5
# "ROTTERDAM, Netherlands (Northwind Wire) — ", "Rotterdam, March 2 (Reuters) - ", "BEIJING – ".
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*[A-Z][\w.'’ ]{1,30}?)*\s*(?:\([^)]{1,40}\))?\s*(?:[–—:]|-{1,2})\s+"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def normalise(text: str) -> str:
    """Lower case, one space between words, no punctuation, no leading dateline, straight apostrophes."""
    text = unicodedata.normalize("NFKC", text)
    lines = [line for line in (l.strip() for l in text.splitlines()) if line]
    if lines:
        lines = [_DATELINE.sub("", line, count=1) if i < 3 else line for i, line in enumerate(lines)]
    words = _WORD.findall(" ".join(lines).casefold().replace("’", "'"))
    return " ".join(words)


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word runs of the normalised text (the whole text when it is shorter)."""
    words = normalise(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
