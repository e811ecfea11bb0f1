"""Direct quotes and who said them (issue 4 point 4).

A quote may run over several paragraphs (each reopens with “, only the last
closes); its speaker may be named before it ("Edward Howell, a lecturer…,
said China is not “angry”…"), after it ("“…,” said Howell"), by a pronoun
("“After all, …” he said": the last person named outside quotes), or in the
sentence before ("Howell said the deal was fragile. “It could collapse.”").
A few words in quotes with nobody saying them are scare quotes, not speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.enrich.entity import Mention, Quote

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|noted|notes|explained|explains|warned|warns|argued|argues|"
    r"insisted|insists|stressed|wrote|writes|asked|asks|replied|declared|announced|claimed|claims|recalled|"
    r"continued|acknowledged|admitted|conceded|predicted|suggested|urged|cautioned|complained|observed|"
    r"remarked|responded|posted|quipped|pointed out|went on|according to|called|calling|saying|adding|telling)\b"
)
# "the Norwegian told reporters", "the 24-year-old said": a description standing for the last person named.
DESCRIBED = re.compile(r"\b[Tt]he (?:[A-Z][\w-]+|\d+-year-old|(?:former |deputy )?(?:minister|president|leader|coach|"
                       r"player|champion|chief executive|official|spokesperson|spokesman|spokeswoman|mayor|governor))\b")
PRONOUN = re.compile(r"\b(?:he|she|they|He|She|They)\b")
SCARE_QUOTE_WORDS = 3  # at most this many words, and nobody said them: a scare quote or a title
# A sentence ends at . ! or ? (perhaps inside a closing quote) before a capital, but not after "Dr." or "J.".
_BOUNDARY = re.compile(
    r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bProf)"
    r"(?<!\bLt)(?<!\bCol)(?<!\bCapt)(?<!\bNo)(?<!\b[A-Z])[.!?][”\"’]?\s+(?=[“\"A-Z])"
)
_OPEN = "“"
_CLOSE = "”"


@dataclass(frozen=True)
class Piece:
    """Part of a quote inside one paragraph: the quoted text lies between `start` and `end`."""

    paragraph: int
    start: int  # index of the opening mark
    end: int  # index of the closing mark (or the paragraph's end when the quote runs on)
    closed: bool


def quotes_find(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> list[Quote]:
    """Every direct quote in the paragraphs with its speaker's canonical name (None when nobody is named)."""
    pieces = [_pieces(i, text) for i, text in enumerate(paragraphs)]
    masked = [_masked(text, ps) for text, ps in zip(paragraphs, pieces)]
    named = [m for m in mentions if m.where == "body" and not _inside(m, pieces)]
    context = _Context(paragraphs, masked, named)
    quotes: list[Quote] = []
    speakers: dict[Piece, str | None] = {}
    for quote in _joined(pieces, paragraphs):
        speaker, direct = context.speaker(quote, speakers)
        for piece in quote:
            speakers[piece] = speaker
        text = " ".join(paragraphs[p.paragraph][p.start + 1 : p.end].strip() for p in quote).strip().rstrip(",").strip()
        if not text:
            continue
        if len(text.split()) <= SCARE_QUOTE_WORDS and not context.spoken(quote[0], speaker, direct):
            continue
        quotes.append(Quote(text=text, speaker=speaker, paragraph=quote[0].paragraph))
    return quotes


class _Context:
    """Finds the speaker of a quote from the text around it."""

    def __init__(self, paragraphs: Sequence[str], masked: Sequence[str], named: Sequence[Mention]) -> None:
        self.paragraphs = paragraphs
        self.masked = masked
        self.named = named

    def speaker(self, quote: list[Piece], earlier: dict[Piece, str | None]) -> tuple[str | None, bool]:
        """(speaker, whether the sentence holding the quote names its source)."""
        first, last = quote[0], quote[-1]
        after = self._after(last)
        said, who = self._attributed(last.paragraph, *after, subject_first=False, before=(first.paragraph, first.start))
        if said:
            return who, True
        before = self._before(first)
        said, who = self._attributed(first.paragraph, *before, subject_first=True, before=(first.paragraph, first.start))
        if said:
            return who, True
        return self._previous_sentence(first, earlier), False

    def spoken(self, piece: Piece, speaker: str | None, direct: bool) -> bool:
        """A few quoted words are speech when a named person said them, or an organisation "called" something so."""
        if not (direct and speaker):
            return False
        if any(m.kind == "person" and m.name == speaker for m in self.named):
            return True
        start, end = self._before(piece)
        lead = self.masked[piece.paragraph][start:end]
        verb = list(SPEECH.finditer(lead))
        return bool(verb) and len(lead[verb[-1].end() :].split()) <= 4  # "called the agreement “long overdue”"

    def _after(self, piece: Piece) -> tuple[int, int]:
        text = self.masked[piece.paragraph]
        start = min(piece.end + 1, len(text))
        stop = _BOUNDARY.search(text, start)
        opening = text.find(_OPEN, start)
        end = min(x for x in (stop.end() if stop else len(text), opening if opening >= 0 else len(text)))
        return start, end

    def _before(self, piece: Piece) -> tuple[int, int]:
        text = self.masked[piece.paragraph]
        starts = [m.end() for m in _BOUNDARY.finditer(text, 0, piece.start)]
        return (starts[-1] if starts else 0), piece.start

    def _attributed(
        self, paragraph: int, start: int, end: int, *, subject_first: bool, before: tuple[int, int]
    ) -> tuple[bool, str | None]:
        """(whether this stretch attributes speech, to whom): "A resident told local television:" is (True, None)."""
        text = self.masked[paragraph][start:end]
        verb = SPEECH.search(text)
        if not verb:
            return False, None
        verb_at = start + verb.start()
        inside = [m for m in self.named if m.paragraph == paragraph and start <= m.start < end]
        people = [m for m in inside if m.kind == "person"]
        if subject_first:
            subjects = [m for m in people if m.start < verb_at]
            if subjects:
                return True, subjects[-1].name
            if people:
                return True, people[0].name  # "said Howell, a lecturer: “…”"
        elif people:
            return True, min(people, key=lambda m: abs(m.start - verb_at)).name
        if PRONOUN.search(text):
            return True, self._last_person(before)
        organisations = [m for m in inside if m.kind == "organisation"]
        described = DESCRIBED.search(text)
        if described and not any(m.start < start + described.end() and start + described.start() < m.end for m in organisations):
            return True, self._last_person(before)  # "the Norwegian told reporters", not "The Lithuanian Confederation…"
        return True, organisations[0].name if organisations else None

    def _last_person(self, before: tuple[int, int]) -> str | None:
        earlier = [m for m in self.named if m.kind == "person" and (m.paragraph, m.start) < before]
        return max(earlier, key=lambda m: (m.paragraph, m.start)).name if earlier else None

    def _previous_sentence(self, piece: Piece, earlier: dict[Piece, str | None]) -> str | None:
        """The sentence before the quote names the speaker, or holds a quote whose speaker is known."""
        paragraph, start = piece.paragraph, piece.start
        text = self.masked[paragraph]
        starts = [m.end() for m in _BOUNDARY.finditer(text, 0, start)]
        if starts:
            sentence_end = starts[-1]
            previous = [0, *starts][-2]
        elif paragraph > 0:
            paragraph -= 1
            text = self.masked[paragraph]
            sentence_end = len(text)
            bounds = [m.end() for m in _BOUNDARY.finditer(text)]
            previous = bounds[-1] if bounds else 0
        else:
            return None
        for quoted, speaker in reversed(list(earlier.items())):
            if quoted.paragraph == paragraph and previous <= quoted.start < sentence_end and speaker:
                return speaker
        return self._attributed(paragraph, previous, sentence_end, subject_first=True, before=(paragraph, previous))[1]


def _pieces(paragraph: int, text: str) -> list[Piece]:
    """The quoted stretches of one paragraph; curly marks, or straight ones by their position."""
    pieces: list[Piece] = []
    opened: int | None = None
    for i, char in enumerate(text):
        opening = char == _OPEN or (char == '"' and opened is None and (i == 0 or not text[i - 1].isalnum()))
        closing = char == _CLOSE or (char == '"' and opened is not None)
        if opening and opened is None:
            opened = i
        elif opening and char == _OPEN:
            pieces.append(Piece(paragraph, opened, i, False))
            opened = i
        elif closing and opened is not None:
            pieces.append(Piece(paragraph, opened, i, True))
            opened = None
    if opened is not None:
        pieces.append(Piece(paragraph, opened, len(text), False))
    return pieces


def _joined(pieces: list[list[Piece]], paragraphs: Sequence[str]) -> list[list[Piece]]:
    """Quotes as lists of pieces: a quote left open at a paragraph's end goes on where the next one reopens."""
    quotes: list[list[Piece]] = []
    running: list[Piece] | None = None
    for index, paragraph_pieces in enumerate(pieces):
        for position, piece in enumerate(paragraph_pieces):
            opens_paragraph = position == 0 and not paragraphs[index][: piece.start].strip()
            if running is not None and opens_paragraph:
                running.append(piece)
            else:
                running = [piece]
                quotes.append(running)
            if piece.closed or position < len(paragraph_pieces) - 1:
                running = None
        if not paragraph_pieces:
            running = None
    return quotes


def _masked(text: str, pieces: list[Piece]) -> str:
    """The paragraph with quoted words blanked (same length): speech verbs and full stops inside quotes do not count.

    A quote's last punctuation is kept, so `“….” He said` still ends a sentence.
    """
    chars = list(text)
    for piece in pieces:
        inner_end = piece.end
        keep = inner_end - 1 if inner_end - 1 > piece.start and text[inner_end - 1] in ".!?," else None
        for i in range(piece.start + 1, inner_end):
            if i != keep:
                chars[i] = "x" if not text[i].isspace() else " "
    return "".join(chars)


def _inside(mention: Mention, pieces: list[list[Piece]]) -> bool:
    if mention.paragraph >= len(pieces):
        return False
    return any(p.start < mention.start < p.end for p in pieces[mention.paragraph])
