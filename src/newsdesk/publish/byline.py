"""Who a story is by, as machines want it: people from the byline, else the credited organisation.

The page prints the byline as the wire gave it ("By Ana Ribeiro and Tomás
Vidal"); feeds and schema.org want one name per author, and a story with no
byline is by its source ("CNN"), an organisation, not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsdesk.newsroom.models import Article
from newsdesk.publish.article import credit_for

_PREFIX = re.compile(r"^\s*(?:written\s+)?by\b\s*:?\s*", re.IGNORECASE)
# "A and B", "A, B and C", "A & B"; a comma also separates a name from its agency ("Jane Doe, AFP").
_SEPARATORS = re.compile(r"\s*(?:,|;|\s&\s|\sand\s)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Author:
    name: str
    kind: Literal["Person", "Organization"]


def byline_text(byline: str) -> str:
    """The byline without its "By": "Ana Ribeiro and Tomás Vidal"."""
    return _PREFIX.sub("", byline).strip()


def byline_names(byline: str, *, credit: str = "") -> list[str]:
    """One name per person: "By A and B" → ["A", "B"]; the credit ("Jane Doe, CNN") is not a person."""
    not_people = {credit.strip().casefold()} if credit.strip() else set()
    names = []
    for part in _SEPARATORS.split(byline_text(byline)):
        name = part.strip(" .")
        if name and name.casefold() not in not_people and name not in names:
            names.append(name)
    return names


def article_authors(article: Article) -> list[Author]:
    """The people in the byline; with no byline, the credited source as an organisation; else nobody."""
    credit = credit_for(article)
    people = byline_names(article.byline, credit=credit)
    if people:
        return [Author(name=name, kind="Person") for name in people]
    return [Author(name=credit, kind="Organization")] if credit else []
