"""What the enrich stage hands on: entities with canonical names, where they were named, quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EntityKind = Literal["person", "organisation", "place"]
Where = Literal["headline", "dateline", "body", "credit"]
ABOUT_SALIENCE = 0.5  # at or above: the article is about the entity (ninjs rel "about"), below: it mentions it


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place named in one article.

    ``name`` is canonical ("Xi Jinping"); ``aliases`` are the other names the
    article used ("Xi"); ``description`` is a title or role the article gave
    ("Chinese leader"), never part of the name; ``salience`` runs from 0 to 1;
    ``uri`` identifies the entity when known (Wikidata, else GeoNames).
    """

    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    salience: float = 0.0
    uri: str | None = None

    @property
    def rel(self) -> str:
        return "about" if self.salience >= ABOUT_SALIENCE else "mentions"


@dataclass(frozen=True)
class Mention:
    """One place an entity was named: ``text`` as written, offsets in paragraph ``paragraph`` of ``where``."""

    kind: EntityKind
    name: str
    text: str
    where: Where
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """Direct speech and who said it (``speaker`` is a canonical name, or None when nobody is named)."""

    text: str
    speaker: str | None
    paragraph: int


@dataclass(frozen=True)
class Enrichment:
    """Everything the enrich stage found in one article; ``model`` names the recogniser used."""

    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...]
    model: str

    def of_kind(self, kind: EntityKind) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]
