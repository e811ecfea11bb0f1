"""The reader's text as search terms: words (all must match), "quoted phrases" and -exclusions.

Whatever is typed — stray quotes, FTS5 or tsquery operators, brackets,
control characters, 10 KB of it — becomes a list of terms made only of
letters and digits, which each backend writes out in its own syntax with
every word quoted. No user character ever reaches a query parser as an
operator, so a query can fail to match but never fail to run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT = 2000  # characters read; the rest of a pasted page is ignored
MAX_TERMS = 10  # words or phrases that must match
MAX_EXCLUDED = 5
MAX_PHRASE_WORDS = 8
MAX_WORD = 64  # characters; a longer "word" is cut (and then matches nothing, as it should)

# A phrase in quotes (the closing quote may be missing), or a run of anything but space and quotes;
# either may be preceded by "-" to exclude it.
_PIECE = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')
_WORD = re.compile(r"[^\W_]+")  # what both tokenizers call a word: letters and digits


@dataclass(frozen=True)
class Term:
    """Words that must stand together (one word, or a phrase); ``excluded`` ones must not appear."""

    words: tuple[str, ...]
    excluded: bool = False


@dataclass(frozen=True)
class Terms:
    wanted: tuple[Term, ...]
    excluded: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        """Nothing to look for: exclusions alone find nothing (both engines need something to match).

        Nor does a term both wanted and excluded (``ferry -ferry``), which
        would otherwise be looked for through the whole archive.
        """
        return not self.wanted or bool({t.words for t in self.wanted} & {t.words for t in self.excluded})

    @property
    def marked(self) -> Terms:
        """The terms to mark in a hit: the wanted ones (an excluded word is in no hit, and dropping it spares a lookup)."""
        return Terms(wanted=self.wanted, excluded=())

    def fts5(self) -> str:
        """SQLite FTS5 syntax: ``("ferry" AND "port strike") NOT "cargo"``."""
        query = "(" + " AND ".join(_quoted(term) for term in self.wanted) + ")"
        return query + "".join(f" NOT {_quoted(term)}" for term in self.excluded)

    def websearch(self) -> str:
        """``websearch_to_tsquery`` syntax with every word quoted, so "or" is a word, not an operator."""
        return " ".join([_quoted(term) for term in self.wanted] + ["-" + _quoted(term) for term in self.excluded])


def terms_of(text: str) -> Terms:
    """The terms of ``text``; NUL finds nothing (no stored text can hold one, and PostgreSQL refuses it)."""
    if "\x00" in text:
        return Terms(wanted=(), excluded=())
    wanted: list[Term] = []
    excluded: list[Term] = []
    for minus, phrase, bare in _PIECE.findall(text[:MAX_TEXT]):
        words = tuple(word[:MAX_WORD] for word in _WORD.findall((phrase or bare).lower()))[:MAX_PHRASE_WORDS]
        if not words:
            continue
        # A bare "word" with punctuation inside ("AT&T", "covid-19") is one phrase: its parts stand together.
        term = Term(words=words, excluded=bool(minus))
        chosen, cap = (excluded, MAX_EXCLUDED) if term.excluded else (wanted, MAX_TERMS)
        if len(chosen) < cap and term not in chosen:
            chosen.append(term)
    return Terms(wanted=tuple(wanted), excluded=tuple(excluded))


def _quoted(term: Term) -> str:
    return '"' + " ".join(term.words) + '"'  # words hold letters and digits only: nothing to escape
