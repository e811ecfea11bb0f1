"""Clean the names a recogniser returns: no "’s", no leading "the", no trailing words that are not names.

The small English model puts "North Korea’s" and "the Great Hall of the
People on" into its spans (DESIGN.md, Decisions: named entities); names are
cut back to what a reader would call the thing.
"""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n.,;:!?\"“”‘’()[]{}–—-"
_LOWER_CONNECTORS = frozenset({"of", "the", "for", "and", "de", "da", "do", "dos", "del", "di", "van", "von", "der", "bin", "al", "el", "la", "le", "du", "&"})
# Compass words alone are directions or blocs ("against the West"), not places a page can be about.
NOT_PLACES = frozenset({"west", "east", "north", "south", "western", "eastern", "northern", "southern", "midwest", "earth", "world"})


def clean_name(text: str) -> str:
    """A recognised span reduced to the name: "the Great Hall of the People on" -> "Great Hall of the People"."""
    name = " ".join(text.split()).strip(_EDGE_PUNCT)
    name = _POSSESSIVE.sub("", name).strip(_EDGE_PUNCT)
    words = name.split()
    while words and words[0].casefold() in ("the", "a", "an"):
        words.pop(0)
    while words and (words[-1][:1].islower() or words[-1] in ("&",)):
        words.pop()
    return " ".join(words).strip(_EDGE_PUNCT)


def is_name(name: str) -> bool:
    """Worth keeping: starts with a capital or digit, has a letter, and is not a lone compass word."""
    if not name or not any(c.isalpha() for c in name) or len(name) < 2:
        return False
    words = name.split()
    particle = len(words) > 1 and words[0] in _LOWER_CONNECTORS and words[1][:1].isupper()  # "de Wit"
    if not (name[0].isupper() or name[0].isdigit() or particle):
        return False
    return name.casefold() not in NOT_PLACES


def merge_key(name: str) -> str:
    """How two spellings of one name compare: no accents, case, punctuation or "of the"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[\w]+", folded.replace("’", "'").replace("'", ""))
    return " ".join(w for w in words if w not in _LOWER_CONNECTORS)


def name_tokens(name: str) -> list[str]:
    """The capitalised words of a person's name: "Kim Jong Un" -> ["Kim", "Jong", "Un"]; hyphens kept."""
    return [w for w in re.split(r"\s+", name) if w and w[0].isupper()]


def acronym(name: str) -> str:
    """The initials of an organisation's name: "World Health Organization" -> "WHO"."""
    return "".join(w[0] for w in re.findall(r"[\w’']+", name) if w[0].isupper())


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
