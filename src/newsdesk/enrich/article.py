"""The text the enrich stage reads: headline, paragraphs, dateline and credit, from a Draft or plain text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from newsdesk.core.draft import Draft

_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# An all-caps dateline opening the first paragraph, as wires write it:
# "BEIJING – ", "KYIV, Ukraine (AP) — ", "WASHINGTON, D.C. - ", "LISBON (Northwind Wire) -- ".
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_](?:[^\W\d_]|[.'’ -]){1,40}?[^\W\d_.]\.?)"
    r"(?:,\s*(?P<region>[^\W\d_][\w.'’ -]{0,40}?))?"
    r"\s*(?:\((?P<credit>[^)]{1,40})\))?"
    r"\s*(?:[–—]|-{1,2})\s+"
)


@dataclass(frozen=True)
class ArticleText:
    """One article as plain text: the headline, body paragraphs, and the dateline and credit kept apart."""

    headline: str
    paragraphs: tuple[str, ...]
    dateline: str | None = None
    region: str | None = None
    credit: str | None = None


def article_text_from_draft(draft: Draft) -> ArticleText:
    """The Draft's text: one entry per `<p>`, tags stripped and entities decoded."""
    paragraphs = [_plain(p) for p in _PARAGRAPH.findall(draft.body_html)] or [_plain(draft.body_html)]
    return article_text(draft.headline, [p for p in paragraphs if p], dateline=draft.dateline, credit=draft.credit)


def article_text(headline: str, paragraphs: list[str], *, dateline: str | None = None, credit: str | None = None) -> ArticleText:
    """An ArticleText; an all-caps dateline still at the start of the first paragraph is moved out of it."""
    paragraphs = [" ".join(p.split()) for p in paragraphs]
    region = None
    if paragraphs:
        match = _DATELINE.match(paragraphs[0])
        if match and _looks_like_dateline(match.group("place")):
            dateline = dateline or match.group("place").strip()
            region = match.group("region")
            credit = credit or match.group("credit")
            paragraphs[0] = paragraphs[0][match.end():]
    return ArticleText(" ".join(headline.split()), tuple(paragraphs), dateline, region, credit)


def _looks_like_dateline(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())
