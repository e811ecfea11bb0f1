"""The shape of a line (prose, title, label), judged by signals that hold on any site.

Body paragraphs are sentences: several words, lower-case words among them,
ending in sentence punctuation. Headlines and rail items are titles: a few
words without a full stop. Sections, kickers and menu items are labels: one
to four words. Nothing here knows any site.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?", re.UNICODE)
SENTENCE_END = frozenset(".!?…")
CLOSERS = frozenset("\"”’')]»")
MAX_TITLE_WORDS = 40


@lru_cache(maxsize=4096)
def words(line: str) -> tuple[str, ...]:
    """The words of a line, punctuation dropped (initials and "U.S." kept whole); cached, as every classifier asks."""
    return tuple(WORD.findall(line))


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence: . ! ? … or a closing quote after one (or a colon before a quote)."""
    text = line.rstrip()
    while text and text[-1] in CLOSERS:
        text = text[:-1].rstrip()
        if text and text[-1] in SENTENCE_END | {",", ":"}:
            return True
    return bool(text) and (text[-1] in SENTENCE_END or text[-1] == ":")


def lower_share(line: str) -> float:
    """Share of words starting lower case: sentences have many, Title Case headlines and labels few."""
    tokens = [w for w in words(line) if w[0].isalpha()]
    if not tokens:
        return 0.0
    return sum(1 for w in tokens if w[0].islower()) / len(tokens)


def is_prose(line: str) -> bool:
    """A sentence-shaped line: a body paragraph, a standfirst or a caption written as a sentence."""
    count = len(words(line))
    if count < 3 or lower_share(line) < 0.2:
        return False
    if ends_sentence(line):
        return count >= 8 or line.rstrip().rstrip("".join(CLOSERS)).endswith(".")
    return count >= 25


def is_strong_prose(line: str) -> bool:
    """Prose long enough that no menu, rail or label looks like it."""
    return is_prose(line) and len(words(line)) >= 10 and ends_sentence(line)


def is_title(line: str) -> bool:
    """Headline-shaped: three to forty words that are not a sentence-shaped paragraph."""
    count = len(words(line))
    return 3 <= count <= MAX_TITLE_WORDS and len(line) <= 300 and not is_prose(line)


def is_label(line: str) -> bool:
    """A short label (section, kicker, menu item, name): one to four words, no full stop."""
    count = len(words(line))
    return 1 <= count <= 4 and len(line) <= 40 and not line.rstrip().endswith(".") and not is_prose(line)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def caps_fix(text: str, keep: frozenset[str] = frozenset()) -> str:
    """An ALL-CAPS label in title case ("WORLD NEWS" → "World News"); acronyms in ``keep`` and "U.S." stay."""
    if not is_all_caps(text):
        return text
    return " ".join(w if w.strip(".,") in keep or "." in w.strip(".,") else w.capitalize() for w in text.split())


BULLETS = ("• ", "· ", "▪ ", "◦ ", "* ", "- ", "– ", "— ")


def is_bullet(line: str) -> bool:
    """A list item inside a story ("• Fares rise by 4%"): kept as a paragraph though it is no sentence."""
    return line.lstrip().startswith(BULLETS) and len(words(line)) >= 3
