"""A text page capture (a news page as copied, site chrome and all) → Draft.

Reads top to bottom like the steps: lines classified, body found, header
read, dateline and credit moved out of the body, chrome left behind,
sanitising last. Pure: no Django, no settings, no network.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsdesk.core.draft import Draft, Picture
from newsdesk.core.errors import IngestError
from newsdesk.extract import clutter, vocab
from newsdesk.extract.body import body_anchor, body_read
from newsdesk.extract.byline import author_bio, byline_parse
from newsdesk.extract.credit import byline_agency, credit_alone, credit_split
from newsdesk.extract.dateline import dateline_split
from newsdesk.extract.dates import date_stamps
from newsdesk.extract.header import Header, body_caption, header_read
from newsdesk.extract.lines import Line, capture_lines, lines_classify
from newsdesk.extract.sanitise import paragraphs_to_html, plain_text
from newsdesk.extract.shape import words

MIN_PARAGRAPHS = 2
MIN_BODY_WORDS = 30
MAX_KEYWORDS = 20
HEADLINE_MAX_WORDS = 25
_SEGMENTS = re.compile(r"\s*[|•·]\s*")


def draft_from_capture(text: str, *, url: str | None = None) -> Draft:
    """The article in a page capture. Raises IngestError("no_article", …) when it holds none."""
    lines = lines_classify(capture_lines(text))
    anchor, header = _story_find(lines)
    body = body_read(lines, anchor)
    tail = lines[body.end:]
    if header.caption is None:
        header.caption, header.picture_credit = body_caption(lines[anchor:body.end])
    place, dateline_agency, paragraphs = _dateline_moved([line.text for line in body.paragraphs])
    credit, paragraphs = _credit_moved(paragraphs, tail)
    byline = header.byline or _tail_byline(tail)
    if paragraphs and author_bio(paragraphs[-1], byline):
        paragraphs = paragraphs[:-1]
    _check_enough(paragraphs)
    headline = plain_text(header.headline or "")
    if not headline:  # a line of markup-like text ("<A,0,0") is no headline once read as a field
        raise IngestError("no_article", "No headline found above the article text. Copy the page from above its headline.")
    return Draft(
        headline=headline,
        body_html=paragraphs_to_html(paragraphs),
        section=header.section,
        published=header.published or _tail_date(tail, "published"),
        updated=header.updated,
        dateline=place,
        byline=byline,
        credit=credit or dateline_agency or header.credit or byline_agency(header.byline),
        original_url=url,
        picture=_picture(header),
        summary=plain_text(header.summary) if header.summary else None,
        source_view_count=_view_count(lines),
        keywords=_keywords(tail),
    )


def _story_find(lines: list[Line]) -> tuple[int, Header]:
    """Where the body starts and what the header above it says; IngestError when either is missing."""
    anchor = body_anchor(lines)
    if anchor is None:
        raise IngestError(
            "no_article",
            "No article found in the capture: it has fewer than two paragraphs of prose. "
            "Copy the whole article page, from the headline to the last paragraph.",
        )
    header = header_read(lines[:anchor])
    if header.headline is None and len(words(lines[anchor].text)) <= HEADLINE_MAX_WORDS:
        # A headline written as a sentence ("Council keeps the pool open.") opened the first block of prose.
        anchor = body_anchor(lines, start=anchor + 1) or anchor
        header = header_read(lines[:anchor])
    if header.headline is None:
        raise IngestError("no_article", "No headline found above the article text. Copy the page from above its headline.")
    return anchor, header


def _dateline_moved(paragraphs: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The dateline taken out of the first paragraph: (place, agency, paragraphs)."""
    if not paragraphs:
        return None, None, paragraphs
    place, agency, rest = dateline_split(paragraphs[0])
    if place is None and agency is None:
        return None, None, paragraphs
    return place, agency, [rest, *paragraphs[1:]]


def _credit_moved(paragraphs: list[str], tail: list[Line]) -> tuple[str | None, list[str]]:
    """The credit at the end of the last paragraph, else the first credit line after the body.

    A credit line printed below the rails ("© Northwind Wire" in the footer,
    after the related stories) still credits the story when none stands
    right under it.
    """
    if paragraphs:
        credit, rest = credit_split(paragraphs[-1])
        if credit:
            return credit, [*paragraphs[:-1], rest] if rest else paragraphs[:-1]
    below_rails = None
    railed = False
    for line in tail:
        railed = railed or line.kind in ("rail", "terminal")
        if line.kind != "credit":
            continue
        if not railed:
            return credit_alone(line.text), paragraphs
        below_rails = below_rails or credit_alone(line.text)
    return below_rails, paragraphs


def _check_enough(paragraphs: list[str]) -> None:
    count = sum(len(words(p)) for p in paragraphs)
    if len(paragraphs) < MIN_PARAGRAPHS or count < MIN_BODY_WORDS:
        raise IngestError(
            "no_article",
            f"Too little article text in the capture ({len(paragraphs)} paragraphs, {count} words): "
            "copy the whole article, not just its headline or a teaser.",
        )


def _picture(header: Header) -> Picture | None:
    if not header.caption:
        return None
    return Picture(url=None, caption=plain_text(header.caption), credit=header.picture_credit)


def _view_count(lines: list[Line]) -> int | None:
    """The source page's own view counter ("40 views", or "… | 2,451 views" on the byline): metadata, never ours."""
    for line in lines:
        if line.kind in ("views", "meta", "clutter"):
            for segment in _SEGMENTS.split(line.text):
                count = clutter.view_count(segment)
                if count is not None:
                    return count
    return None


def _keywords(tail: list[Line]) -> tuple[str, ...]:
    """The story's tags: a "Tags: a, b" line, or the labels listed under a "Topics" heading."""
    for pos, line in enumerate(tail):
        if line.kind == "tags":
            return clutter.tag_list(line.text) or ()
        if line.kind == "rail" and line.key in vocab.TAG_HEADINGS:
            items = []
            for item in tail[pos + 1:]:
                if item.kind not in ("label", "title") or len(items) >= MAX_KEYWORDS:
                    break
                items.append(item.text)
            if items:
                return tuple(items)
    return ()


def _tail_date(tail: list[Line], kind: str) -> datetime | None:
    """A date printed only below the article ("Published on …" in a footer)."""
    for line in tail:
        for found, when in (date_stamps(line.text) or []) if line.kind == "meta" else []:
            if found == kind:
                return when
    return None


def _tail_byline(tail: list[Line]) -> str | None:
    """A "By …" line printed below the article, before any rail."""
    for line in tail:
        if line.kind in ("rail", "terminal"):
            return None
        if line.kind == "meta" and line.text.lower().startswith(("by ", "written by", "author")):
            return byline_parse(line.text)
    return None

