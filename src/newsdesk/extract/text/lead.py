"""The top of the body: headline, byline and date lines are fields, not body.

trafilatura often starts the body with the page's headline, the author line
and the publication date. newsdesk keeps those as the Draft's headline,
byline and dates, so here they are dropped from the text - but only near the
top (or, for dates and bylines, as bare lines), where they cannot be a
sentence of the story. Captions the page prints under pictures are dropped
wherever trafilatura let them into the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.extract.text.blocks import Block
from newsdesk.extract.text.hints import PageHints, fold

_TOP = 2  # how many blocks from the top a repeated headline may sit
_BYLINE = re.compile(
    r"^(?:by|von|por|par|di|door|autor(?:in)?:?|author:?|written by|text:?|texto:?)\s+"
    r"[\w.'’-]+(?:\s+[\w.'’-]+){0,6}\s*(?:[,|/-].{0,60})?$",
    re.IGNORECASE,
)
_MONTHS = (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october "
    "november december januar februar märz mai juni juli oktober dezember enero febrero marzo abril mayo junio julio agosto "
    "septiembre setiembre octubre noviembre diciembre janvier février mars avril juin juillet août septembre octobre novembre "
    "décembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro gennaio febbraio aprile maggio giugno "
    "luglio settembre ottobre dicembre stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia"
)
_DAYS = (
    "mon tue tues wed thu thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi "
    "vendredi samedi dimanche segunda terça quarta quinta sexta feira sábado"
)
_FILLER = "am pm uhr de del of à às a.m p.m h um et est gmt utc cet cest edt pst pdt bst the at le el la o"
_DATE_WORDS = frozenset((_MONTHS + " " + _DAYS + " " + _FILLER).split())
_TOKEN = re.compile(r"\w+")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")


def is_date_line(text: str) -> bool:
    """A line that is only a date or a time ("Tue., Nov. 19, 2019", "23.10.2018 - 19:49")."""
    if len(text) > 60 or not any(c.isdigit() for c in text):
        return False
    tokens = _TOKEN.findall(text.casefold())
    named = sum(t in _DATE_WORDS for t in tokens)
    dated = named + sum(t.isdigit() for t in tokens)
    shaped = named or _NUMERIC_DATE.search(text)
    return bool(shaped) and dated >= len(tokens) - 1 and dated / len(tokens) >= 0.75


def drop_lead_fields(blocks: list[Block], hints: PageHints, explain: Callable[[Block, str], None] | None = None) -> list[Block]:
    """``blocks`` without the repeated headline, bylines, date lines and captions."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        reason = _reason(block, index, hints)
        if reason is None:
            kept.append(block)
        elif explain:
            explain(block, reason)  # for tuning: which rule dropped what
    return kept


def _reason(block: Block, index: int, hints: PageHints) -> str | None:
    text = block.text
    if len(text) > 600:
        return None
    folded = fold(text)
    if index < _TOP and folded in hints.titles:
        return "headline"
    if folded in hints.captions:
        return "caption"
    if len(text) <= 80 and _BYLINE.match(text):
        return "byline"
    if is_date_line(text):
        return "date"
    return None
