"""Merge the names found in one article into entities: one person, however many ways the article names them.

The news layer over the recogniser (issue 4 point 3): surnames resolve to
the full name used elsewhere in the article ("Kim" -> "Kim Jong Un"); a
name the model labels differently in different sentences gets the kind most
of the article (and its cues) give it; a surname the model tagged as an
organisation is still the person ("Howell noted"); a capital standing for
its government ("Moscow’s assistance") is still a place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from newsdesk.enrich.entity import EntityKind, Mention
from newsdesk.enrich.gazetteer import Place
from newsdesk.enrich.names import acronym, is_acronym, merge_key, name_tokens
from newsdesk.enrich.spans import Found


@dataclass
class Group:
    """The names that turned out to be one entity."""

    kind: EntityKind
    name: str
    found: list[Found] = field(default_factory=list)
    place: Place | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        seen = {merge_key(self.name)}
        aliases = []
        for item in self.found:
            if merge_key(item.name) not in seen:
                seen.add(merge_key(item.name))
                aliases.append(item.name)
        return tuple(aliases)

    @property
    def description(self) -> str | None:
        descriptions = [f.description for f in self.found if f.description]
        appositives = [d for d in descriptions if d.split()[0].casefold() in ("a", "an", "the", "former")]
        return (appositives or descriptions or [None])[0]


def groups_of(found: list[Found], *, body: str = "") -> list[Group]:
    """Merge names into entities, in order of first mention."""
    found = [f for f in found if not _common_word(f, body)]
    _vote(found)
    _reclassify(found)
    groups: dict[tuple[EntityKind, str], Group] = {}
    canonical = {"person": _person_names(found), "organisation": _organisation_names(found), "place": _place_names(found)}
    for item in sorted(found, key=_order):
        name = canonical[item.kind][id(item)]
        group = groups.setdefault((item.kind, merge_key(name)), Group(item.kind, name))
        group.found.append(item)
        group.place = group.place or (item.place if item.kind == "place" else None)
    return list(groups.values())


def mentions_of(groups: list[Group]) -> list[Mention]:
    return [Mention(g.kind, g.name, f.name, f.where, f.paragraph, f.start, f.end) for g in groups for f in g.found if f.end > f.start]


def _order(item: Found) -> tuple[int, int, int]:
    return ({"headline": 0, "dateline": 1, "body": 2, "credit": 3}[item.where], item.paragraph, item.start)


def _common_word(item: Found, body: str) -> bool:
    """"Cranes stood still…": a capitalised first word that the article also writes in lower case is no name."""
    if not item.initial or " " in item.name or item.vote > 1:
        return False
    return re.search(rf"\b{re.escape(item.name.lower())}\b", body) is not None


def _vote(found: list[Found]) -> None:
    """Every mention of one name gets the kind with most votes: the model's labels and the cues in the text."""
    votes: dict[str, dict[EntityKind, float]] = defaultdict(lambda: defaultdict(float))
    for item in found:
        votes[merge_key(item.name)][item.kind] += item.vote
    for item in found:
        tally = votes[merge_key(item.name)]
        item.kind = max(tally, key=lambda kind: (tally[kind], kind == "place"))


def _reclassify(found: list[Found]) -> None:
    """Fix the kinds of lone names from the article's other names and the gazetteer."""
    person_tokens = {t for f in found if f.kind == "person" and len(name_tokens(f.name)) > 1 for t in name_tokens(f.name)}
    org_heads = {f.name.split()[0] for f in found if f.kind == "organisation" and len(f.name.split()) > 1}
    place_names = [f.name for f in found if f.kind == "place" and f.place is None and len(f.name.split()) > 1]
    for item in found:
        if item.kind != "place" and item.place is None and any(p.endswith(" " + item.name) for p in place_names):
            item.kind = "place"  # "Phi Phi" after "Koh Phi Phi"
            continue
        single = len(item.name.split()) == 1
        lone_surname = single and item.name in person_tokens
        if item.kind != "place" and item.place is not None and not lone_surname and item.vote <= 1:
            if item.place.prominent or item.kind == "person":
                item.kind = "place"  # "Pyongyang said", "Moscow’s assistance", "visit Darwin": the place
                continue
        if lone_surname and item.kind != "person" and not is_acronym(item.name):
            item.kind = "person"  # "Howell noted", tagged as an organisation
        elif single and item.name in org_heads and item.kind != "organisation" and item.place is None:
            item.kind = "organisation"  # "Kiyomi" after "Kiyomi Electronics"


def _person_names(found: list[Found]) -> dict[int, str]:
    """Each person mention's canonical name: the fullest form, and a lone surname resolved to it."""
    people = sorted((f for f in found if f.kind == "person"), key=_order)
    full = [f for f in people if len(name_tokens(f.name)) > 1]
    longest: dict[str, str] = {}
    for item in full:
        # "Jong Un" inside "Kim Jong Un", "Carmo Silva" inside "Maria do Carmo Silva": the longer name.
        containing = [o.name for o in full if f" {item.name} " in f" {o.name} " and len(o.name) > len(item.name)]
        longest[item.name] = max(containing, key=len) if containing else item.name
    names: dict[int, str] = {}
    for item in people:
        names[id(item)] = longest.get(item.name) or _surname_owner(item, full, longest) or item.name
    return names


def _surname_owner(item: Found, full: list[Found], longest: dict[str, str]) -> str | None:
    """The full name a lone name belongs to: last name first ("Putin"), then first token ("Kim", "Xi")."""
    tokens = item.name.split()
    for position in (-1, 0, None):
        owners = [f for f in full if _owns(f.name, tokens, position)]
        if owners:
            before = [f for f in owners if _order(f) <= _order(item)]
            chosen = before[-1] if before else owners[0]
            return longest[chosen.name]
    return None


def _owns(full_name: str, tokens: list[str], position: int | None) -> bool:
    """"de Wit" is the end of "Pieter de Wit"; "Xi" the start of "Xi Jinping"."""
    words = full_name.split()
    if len(tokens) >= len(words):
        return False
    if position == -1:
        return words[-len(tokens):] == tokens
    if position == 0:
        return words[: len(tokens)] == tokens
    return len(tokens) == 1 and tokens[0] in words


def _organisation_names(found: list[Found]) -> dict[int, str]:
    """Organisations: one name per merge key; an acronym joins the name it abbreviates; "Kiyomi" its full name."""
    orgs = sorted((f for f in found if f.kind == "organisation"), key=_order)
    full = [f.name for f in orgs if not is_acronym(f.name)]
    expansions = {acronym(name): name for name in full if len(name.split()) > 1}
    expansions.update({f.name: f.expands for f in orgs if f.expands})
    heads = {}
    for name in full:
        if len(name.split()) > 1:
            heads.setdefault(name.split()[0], name)
    names: dict[int, str] = {}
    for item in orgs:
        key = item.name.replace(".", "")
        if is_acronym(item.name) and key in expansions:
            names[id(item)] = expansions[key]
        elif " " not in item.name and item.name in heads:
            names[id(item)] = heads[item.name]
        else:
            names[id(item)] = item.name
    return names


def _place_names(found: list[Found]) -> dict[int, str]:
    """Places: the gazetteer's name when it knows the place; "Phi Phi" joins "Koh Phi Phi"."""
    places = [f for f in found if f.kind == "place"]
    longer = {f.name for f in places if f.place is None and len(f.name.split()) > 1}
    names: dict[int, str] = {}
    for item in places:
        if item.place is not None:
            names[id(item)] = item.place.name
            continue
        owners = sorted(n for n in longer if n != item.name and n.endswith(" " + item.name))
        names[id(item)] = owners[0] if owners else item.name
    return names
