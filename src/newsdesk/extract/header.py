"""What sits above the body: headline, section, dates, byline, lead caption, standfirst.

Pages stack these in a few familiar orders (section, headline, standfirst,
byline, date, share bar, photo and caption), after menus and breadcrumbs.
The headline is the first headline-shaped line after the menus; the rest is
read relative to it and to the date and byline lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.extract import clutter, vocab
from newsdesk.extract.byline import ROLE_WORDS, byline_parse
from newsdesk.extract.caption import caption_like, caption_split, photo_credit_only
from newsdesk.extract.credit import credit_alone
from newsdesk.extract.dates import date_stamps
from newsdesk.extract.lines import Line
from newsdesk.extract.section import section_from_crumbs, section_from_trail, section_label, section_words_only
from newsdesk.extract.shape import is_all_caps, is_prose, words

HEADLINE_MIN_WORDS = 4
_SEGMENTS = re.compile(r"\s*[|•·]\s*")
NAV_RUN = 3  # this many labels in a row are a menu


@dataclass
class Header:
    """The news fields found above the body."""

    headline: str | None = None
    section: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    byline: str | None = None
    caption: str | None = None
    picture_credit: str | None = None
    summary: str | None = None
    credit: str | None = None
    used: set[int] = field(default_factory=set)


def header_read(head: list[Line]) -> Header:
    """The header fields of the lines above the body (``head``)."""
    header = Header()
    at = headline_index(head)
    if at is None:
        return header
    header.headline = head[at].text
    header.used.update(pos for pos in (at, at + 1) if pos < len(head) and head[pos].key == head[at].key)
    header.section = _section(head, at)
    _meta_read(head, at, header)
    _caption_read(head, at, header)
    _leftovers_read(head, at, header)
    return header


def headline_index(head: list[Line]) -> int | None:
    """Position of the headline: the first headline-shaped line after menus, breadcrumbs and section labels."""
    keys = Counter(line.key for line in head)
    candidates = [pos for pos, line in enumerate(head) if _headline_shaped(head, pos, keys)]
    first_meta = next((pos for pos, line in enumerate(head) if line.kind == "meta"), len(head))
    if not any(pos < first_meta for pos in candidates):
        echoed = _echoed_title(head, first_meta)
        if echoed is not None:
            return echoed
    if not candidates:
        return None
    start = _after_navigation(head)
    for pool in (
        [p for p in candidates if p >= start and len(words(head[p].text)) >= HEADLINE_MIN_WORDS],
        [p for p in candidates if p >= start],
        [p for p in candidates if len(words(head[p].text)) >= HEADLINE_MIN_WORDS],
    ):
        if pool:
            return pool[0]
    return candidates[0]


def _echoed_title(head: list[Line], first_meta: int) -> int | None:
    """A headline printed twice in a row above the date (taken for a caption echo when it stands alone)."""
    for pos in range(min(first_meta, len(head)) - 1):
        line = head[pos]
        if line.kind == "caption" and head[pos + 1].key == line.key and caption_split(line.text) is None:
            return pos
    return None


def _headline_shaped(head: list[Line], pos: int, keys: Counter[str]) -> bool:
    line = head[pos]
    if line.kind not in ("title", "prose", "label") or len(words(line.text)) < 2 or _brand(line.text):
        return False
    if line.kind == "label" and (section_words_only(line.text) or len(words(line.text)) < 3):
        return False
    return not _page_title(line, keys)


def _brand(text: str) -> bool:
    """A site's name ("The Morning Ledger", "example.com", "AP NEWS") rather than a headline."""
    tokens = [t.lower().strip(".,:") for t in text.split()]
    if len(tokens) > 4:
        return False
    return any(t in vocab.BRAND_WORDS or t in vocab.AGENCY_NAMES or "." in t[1:-1] for t in tokens)


def _page_title(line: Line, keys: Counter[str]) -> bool:
    """"Headline | Site" printed above the headline itself (a browser title); ``keys`` counts the head's line keys."""
    for separator in (" | ", " - ", " – ", " — "):
        if separator in line.text:
            left = clutter.line_key(line.text.rsplit(separator, 1)[0])
            if keys[left] > (left == line.key):
                return True
    return False


def _after_navigation(head: list[Line]) -> int:
    """Position just after the last menu, breadcrumb or section label that precedes the first date or byline."""
    first_meta = next((pos for pos, line in enumerate(head) if line.kind == "meta"), len(head))
    start = 0
    for pos in range(first_meta):
        text = head[pos].text
        if clutter.breadcrumb(text) or clutter.is_nav_line(text) or section_words_only(text):
            start = pos + 1
    return start


def _section(head: list[Line], at: int) -> str | None:
    """The nearest label or breadcrumb trail above the headline, skipping dates and chrome.

    A menu line ends the walk up: what stands above the menu is the site's
    masthead ("TECHWIRE AFRICA"), never the section.
    """
    menus = _menu_positions(head)
    for pos in range(at - 1, -1, -1):
        line = head[pos]
        if line.kind == "meta":
            label = _section_in_meta(line.text)
            if label:
                return label
            continue
        trail = clutter.breadcrumb(line.text)
        if trail:
            label = section_from_trail(trail, headline=head[at].text)
            if label:
                return label
            continue
        if clutter.is_nav_line(line.text):
            break
        if line.kind in ("clutter", "other", "views", "caption", "photo_credit", "rail"):
            continue
        if _label_like(line) and (pos not in menus or line.repeats > 1):
            label = section_label(line.text)
            if label:
                return label
            continue  # a kicker ("EXCLUSIVE") or the site's name: the section may sit above it
        break
    return section_from_crumbs([line.text for line in head[:at]], headline=head[at].text)


def _label_like(line: Line) -> bool:
    """A label, or an ALL-CAPS title of a few words ("NEW YORK NEWS")."""
    return line.kind == "label" or (line.kind == "title" and is_all_caps(line.text) and len(words(line.text)) <= 4)


def _section_in_meta(text: str) -> str | None:
    """"World | Sep 4, 2025": a section printed on the date line."""
    for segment in _SEGMENTS.split(text):
        if section_words_only(segment):
            return section_label(segment)
    return None


def _menu_positions(head: list[Line]) -> set[int]:
    """Positions of labels in runs of several labels in a row (a menu printed one item a line)."""
    menus: set[int] = set()
    run: list[int] = []
    for pos, line in enumerate([*head, None]):
        if line is not None and line.kind == "label":
            run.append(pos)
            continue
        if len(run) >= NAV_RUN:
            menus.update(run)
        run = []
    return menus


def _meta_read(head: list[Line], at: int, header: Header) -> None:
    """Dates and byline from the date/byline lines; a lone name next to a date is a byline too."""
    for pos, line in enumerate(head):
        if line.kind == "meta":
            header.used.add(pos)
            for kind, when in date_stamps(line.text) or []:
                if kind == "updated" and header.updated is None:
                    header.updated = when
                elif kind == "published" and header.published is None:
                    header.published = when
            header.byline = header.byline or byline_parse(line.text)
        elif line.kind == "credit":
            header.used.add(pos)
            header.credit = header.credit or credit_alone(line.text)
    if header.byline is None:
        _bare_byline_read(head, at, header)


def _bare_byline_read(head: list[Line], at: int, header: Header) -> None:
    """A name without "By" below the headline, next to the date or above a job title ("Science correspondent")."""
    for pos in range(at + 1, len(head)):
        line = head[pos]
        if line.kind != "label" or pos in header.used:
            continue
        role = pos + 1 if pos + 1 < len(head) and _role(head[pos + 1]) else None
        if role is None and not _beside_date(head, pos):
            continue
        text = f"{line.text} | {head[role].text}" if role else line.text
        header.byline = byline_parse(text, bare=True)
        if header.byline:
            header.used.update({pos, role} if role else {pos})
            return


def _role(line: Line) -> bool:
    return line.kind == "label" and bool(set(line.key.split()) & ROLE_WORDS)


def _beside_date(head: list[Line], pos: int) -> bool:
    """True when the nearest non-chrome line above or below holds a date."""
    for step in (-1, 1):
        near = pos + step
        while 0 <= near < len(head) and head[near].kind in ("clutter", "other"):
            near += step
        if 0 <= near < len(head) and head[near].kind == "meta" and date_stamps(head[near].text):
            return True
    return False


def _caption_read(head: list[Line], at: int, header: Header) -> None:
    """The first marked or echoed caption in the header, with its photo credit."""
    for pos, line in enumerate(head):
        if pos in header.used:
            continue
        split = None
        if line.kind in ("caption", "photo_credit"):
            split = caption_split(line.text) or caption_split(line.text, loose=True) or (line.text, None)
        elif line.kind in ("title", "prose") and pos > at:
            split = caption_split(line.text, loose=True)
        if split is None:
            continue
        header.used.add(pos)
        text, credit = split
        if text and header.caption is None:
            header.caption = text
            header.picture_credit = header.picture_credit or credit or _credit_beside(head, pos, header)
        elif text and clutter.line_key(text) == clutter.line_key(header.caption or ""):
            header.picture_credit = header.picture_credit or credit
        elif not text and header.picture_credit is None:
            header.picture_credit = credit


def _credit_beside(head: list[Line], pos: int, header: Header) -> str | None:
    """A bare photo credit on the line after a caption ("Getty Images", "Reuters/Jane Doe")."""
    nxt = pos + 1
    if nxt < len(head) and nxt not in header.used and head[nxt].kind not in ("prose", "meta", "caption"):
        credit = photo_credit_only(head[nxt].text)
        if credit:
            header.used.add(nxt)
            return credit
    return None


def _leftovers_read(head: list[Line], at: int, header: Header) -> None:
    """Unmarked lines below the headline: a standfirst above the date and byline, a caption below them."""
    metas = [pos for pos, line in enumerate(head) if line.kind == "meta" and pos > at]
    summary: list[str] = []
    for pos in range(at + 1, len(head)):
        line = head[pos]
        if pos in header.used or line.kind not in ("title", "prose"):
            continue
        after_meta = bool(metas) and pos > metas[-1]
        if header.caption is None and (after_meta or (not metas and caption_like(line.text))):
            header.caption = line.text
            header.picture_credit = header.picture_credit or _credit_beside(head, pos, header)
        elif not metas or pos < metas[0] or is_prose(line.text):
            summary.append(line.text)
    header.summary = " ".join(summary) or None


def body_caption(lines: list[Line]) -> tuple[str | None, str | None]:
    """The first caption printed inside the body (a lead photo placed after the first paragraph), with its credit."""
    for pos, line in enumerate(lines):
        if line.kind != "caption":
            continue
        text, credit = caption_split(line.text) or (line.text, None)
        if credit is None and pos + 1 < len(lines) and lines[pos + 1].kind == "photo_credit":
            credit = photo_credit_only(lines[pos + 1].text)
        return text or None, credit
    return None, None
