"""From the recogniser's spans to cleaned names with a kind, before the article's names are merged.

Where the small model errs in a way news text lets us see (DESIGN.md,
Decisions: named entities), the span is repaired here: "Natural History
Museum" + "of" + "Hamburg" is one organisation, "Maria" + "do" +
"Carmo Silva" one person, "French" + "Guiana" one place, "Ireland’s
Office of the Data Regulator" a place and an organisation; "company
Zippa" and "Maasvlakte Terminals" are organisations whatever the model said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.enrich.entity import EntityKind, Where
from newsdesk.enrich.gazetteer import Gazetteer, Place
from newsdesk.enrich.names import clean_name, is_name
from newsdesk.enrich.recognizer import Span
from newsdesk.enrich.titles import appositive_after, title_before, title_split

KINDS: dict[str, EntityKind] = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
MODEL_VOTE = 1.0  # the model's label
CUE_VOTE = 3.0  # a cue in the text ("the company X", "X Terminals", a dateline, a title before a name)
# Last words that make a name an organisation.
ORG_SUFFIXES = frozenset(
    """Agency Airline Airlines Air Alliance Association Authority Bank Biologics Board Bureau Centre Center Club
    Coalition Commission Committee Company Confederation Corp Corporation Council Court Department Electronics
    Federation Foundation Fund Group Holdings Inc Institute International Link Ltd Markt Media Ministry Museum News
    Observatory Office Organisation Organization Pacific Partners Party Press Service Services Society Systems
    Terminals Times Trust Union University Wire""".split()
)
# Common nouns that introduce an organisation's name: "ride-hailing company Zippa", "Supermarket chain Alpina Markt".
ORG_DESCRIPTORS = frozenset(
    """airline app bank broadcaster carrier chain charity chipmaker company conglomerate firm group insurer lender
    maker manufacturer newspaper operator platform regulator retailer startup supermarket union website""".split()
)
_PARTICLES = frozenset({"do", "da", "de", "dos", "das", "van", "von", "der", "bin", "al", "el", "la", "del", "di", "du", "le"})
# Names of events, not of places or organisations: "Berlin Marathon", "Typhoon Wutip".
EVENT_LAST_WORDS = frozenset("Marathon Olympics Games Cup Championship Championships Festival Summit Expo Prize Awards".split())
EVENT_FIRST_WORDS = frozenset("Typhoon Hurricane Cyclone Storm Tropical".split())
# "toward Monchique", "in Kourou": after these words a name the model took for a person is a place.
PLACE_PREPOSITIONS = frozenset("in near toward towards outside across around throughout".split())
_ACRONYM_AFTER = re.compile(r"^\s*\(([A-Z][A-Za-z.&]{1,9})\)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][”\"’)]?\s+|[“\"]\s*)$")


@dataclass
class Found:
    """One cleaned name in the text; ``vote`` is how sure we are of ``kind``; ``expands`` is what an acronym stands for."""

    kind: EntityKind
    name: str
    where: Where
    paragraph: int
    start: int
    end: int
    description: str | None = None
    place: Place | None = None
    vote: float = MODEL_VOTE
    initial: bool = False  # first word of a sentence: a capital proves nothing
    expands: str | None = None


def found_in(texts: Sequence[tuple[Where, int, str]], spans: Sequence[Sequence[Span]], places: Gazetteer) -> list[Found]:
    """The recogniser's spans as cleaned names, with the title or appositive that describes each person."""
    found: list[Found] = []
    for (where, paragraph, text), paragraph_spans in zip(texts, spans):
        for span in _repaired(text, sorted(paragraph_spans, key=lambda s: s.start), places):
            found += _from_span(text, span, where, paragraph, places)
    return found


def _repaired(text: str, spans: list[Span], places: Gazetteer) -> list[Span]:
    """Join spans the model cut in two; extend a place to the word before it when that makes a known place."""
    out: list[Span] = []
    for span in spans:
        if out:
            last = out[-1]
            between = text[last.end:span.start]
            if last.label in ("ORG", "FAC") and between == " of ":
                out[-1] = Span(text[last.start:span.end], last.label, last.start, span.end)
                continue
            particle = between.strip() in _PARTICLES or (between == " " and last.text.split()[-1] in _PARTICLES)
            if last.label == "PERSON" and span.label == "PERSON" and particle and between.startswith(" "):
                out[-1] = Span(text[last.start:span.end], "PERSON", last.start, span.end)
                continue
        word = re.search(r"([A-Z][\w’'-]*) $", text[max(0, span.start - 30):span.start])
        if word and span.label != "ORG":
            longer = f"{word.group(1)} {span.text}"
            if places.lookup(longer) is not None:
                start = span.start - len(word.group(0))
                if out and out[-1].end > start:
                    out.pop()
                out.append(Span(longer, "GPE", start, span.end))
                continue
        out.append(span)
    return out


def _from_span(text: str, span: Span, where: Where, paragraph: int, places: Gazetteer) -> list[Found]:
    kind = KINDS.get(span.label)
    if kind is None:
        return []
    found: list[Found] = []
    raw, start = span.text, span.start
    if "(" in raw:  # "International Chess Federation (FIDE": the name before, the acronym kept apart
        raw = raw[: raw.index("(")]
    for mark in ("’s ", "'s "):
        head, sep, tail = raw.partition(mark)
        if sep and tail[:1].isupper() and places.lookup(head) is not None:  # "Ireland’s Office of the Data Regulator"
            place = places.lookup(head)
            found.append(Found("place", place.name, where, paragraph, start, start + len(head), place=place, vote=CUE_VOTE))
            raw, start = tail, start + len(head) + len(sep)
            break
    words = raw.split()
    while len(words) > 1 and words[0].casefold() in ORG_DESCRIPTORS and words[1][:1].isupper():
        kind = "organisation"  # "Airline Harbour Air Pacific" at the start of a sentence
        start += text[start:].find(words[1])
        words = words[1:]
    name = clean_name(" ".join(words))
    title = None
    if kind == "person":
        title, name = title_split(name)
    if not is_name(name) or name.split()[0] in EVENT_FIRST_WORDS or name.split()[-1] in EVENT_LAST_WORDS:
        return found
    at = text.find(name, start)
    start = at if 0 <= at < span.end else start
    end = start + len(name)
    item = Found(kind, name, where, paragraph, start, end, place=places.lookup(name))
    item.initial = bool(_SENTENCE_START.search(text[:start]))
    _cue(item, text, title)
    if item.kind == "person":
        item.description = appositive_after(text, end) or title_before(text, start) or title
    found.append(item)
    acronym = _ACRONYM_AFTER.match(text[end:]) or _ACRONYM_AFTER.match(span.text[span.text.find("(") :] if "(" in span.text else "")
    if acronym and item.kind == "organisation":
        found.append(Found("organisation", acronym.group(1), where, paragraph, end, end, vote=CUE_VOTE, expands=name))
    return found


def _cue(item: Found, text: str, title: str | None) -> None:
    """Set the kind from the words around the name when they say more than the model's label."""
    words = item.name.split()
    before = text[: item.start].split()[-1:] or [""]
    if words[-1] in ORG_SUFFIXES and len(words) > 1 or before[0] in ORG_DESCRIPTORS:
        item.kind, item.vote = "organisation", CUE_VOTE
    elif item.kind == "organisation" and 2 <= len(words) <= 3 and (title or title_before(text, item.start)):
        item.kind, item.vote = "person", CUE_VOTE  # "chief executive Ingrid Smeets" tagged as an organisation
    elif item.kind == "person" and len(words) == 1 and before[0] in PLACE_PREPOSITIONS:
        item.kind, item.vote = "place", 1.5
