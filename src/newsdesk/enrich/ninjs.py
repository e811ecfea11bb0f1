"""Entities as ninjs 3.x `people`, `places` and `organisations` (name, rel about/mentions, uri when known)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsdesk.enrich.entity import Entity

NINJS_PROPERTY = {"person": "people", "place": "places", "organisation": "organisations"}


def ninjs_entities(entities: Iterable[Entity]) -> dict[str, list[dict[str, Any]]]:
    """The ninjs properties for these entities, most salient first; properties with no entity are left out."""
    out: dict[str, list[dict[str, Any]]] = {}
    for entity in sorted(entities, key=lambda e: -e.salience):
        item: dict[str, Any] = {"name": entity.name, "rel": entity.rel}
        if entity.uri:
            item["uri"] = entity.uri
        out.setdefault(NINJS_PROPERTY[entity.kind], []).append(item)
    return out
