"""Where the article body starts and ends in a capture, and which lines inside it are paragraphs.

The body starts at the strongest block of prose paragraphs. From there,
chrome lines (ads, "Read more: …", share bars) are dropped; a rail heading
("Related stories", "HIGHLIGHTS"), a date or a credit line suspends it, and
only a run of prose resumes it, so rail items, teasers and footers stay out.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.extract import vocab
from newsdesk.extract.dateline import dateline_split
from newsdesk.extract.lines import Line
from newsdesk.extract.shape import is_bullet, is_strong_prose

# Lines a reader's eye skips when looking for the next paragraph.
PASSING = frozenset(("caption", "clutter", "other", "photo_credit", "views"))
RUN_LOOKAHEAD = 3  # how many paragraphs of a block may precede the one with the dateline
MIN_BLOCK_PARAGRAPHS = 2
MAX_BLOCK_GAP = 3  # short lines (sub-headings, boxes) a block may hold between two paragraphs
DATELINE_BONUS = 2.0
HEADED_BONUS = 1.5  # a date or byline line just above: the story's own header
HEADED_DISTANCE = 6
RAIL_PENALTY = 0.5
PULL_QUOTE_MIN_WORDS = 5
RAIL_DISTANCE = 20  # how far above a block we look for the header or rail it belongs to


@dataclass(frozen=True)
class Body:
    """The body paragraphs (as lines) and where the capture goes on after the last one."""

    paragraphs: list[Line]
    end: int  # position of the first line after the last paragraph


def body_anchor(lines: list[Line], start: int = 0) -> int | None:
    """Position of the first body paragraph: the start of the strongest block of prose.

    A block is prose paragraphs with at most a few short lines between them
    (a sub-heading, a "Read more" box); a date or byline line ends it. The
    article is the block with the most words, favoured when a date or byline
    stands right above it or its first paragraph opens with a dateline, so a
    rail of teasers above the story does not win. Blocks after readers'
    comments begin are not candidates.
    """
    blocks = _blocks(lines, start)
    if not blocks:
        return None
    best = max(blocks, key=lambda block: _block_score(lines, block))
    if dateline_split(lines[best[0]].text)[0] is None:
        for later in best[1:RUN_LOOKAHEAD]:
            if dateline_split(lines[later].text)[0] is not None:
                return later
    return best[0]


def _blocks(lines: list[Line], start: int) -> list[list[int]]:
    """Blocks of prose positions (two paragraphs or more), in reading order."""
    blocks: list[list[int]] = []
    current: list[int] = []
    gap = 0
    for pos in range(start, len(lines)):
        kind = lines[pos].kind
        if kind == "prose":
            current.append(pos)
            gap = 0
            continue
        if kind in PASSING:
            continue
        gap += 1
        if kind in ("meta", "terminal", "credit") or gap > MAX_BLOCK_GAP:
            blocks, current = _close(blocks, current), []
            if kind == "terminal" and blocks:
                return blocks
    return _close(blocks, current)


def _close(blocks: list[list[int]], current: list[int]) -> list[list[int]]:
    return [*blocks, current] if len(current) >= MIN_BLOCK_PARAGRAPHS else blocks


def _block_score(lines: list[Line], block: list[int]) -> float:
    score = float(sum(len(lines[pos].text.split()) for pos in block))
    if any(dateline_split(lines[pos].text)[0] for pos in block[:RUN_LOOKAHEAD]):
        score *= DATELINE_BONUS
    for pos in range(block[0] - 1, max(-1, block[0] - RAIL_DISTANCE), -1):
        if lines[pos].kind == "meta":
            score *= HEADED_BONUS if block[0] - pos <= HEADED_DISTANCE else 1.0
            break
        if lines[pos].kind == "rail":
            score *= RAIL_PENALTY  # teasers under "Most read" or "Related", not the story
            break
    return score


def body_read(lines: list[Line], anchor: int) -> Body:
    """The body paragraphs from ``anchor`` on, with rails, chrome and echoed lines left out.

    After the last paragraph we count the lines the story does not own
    (``strays``: rail headings, rail headlines, labels). One stray (a link,
    a label) does not end the story; after more, or after a date, credit or
    tag line, only a full paragraph followed by more prose resumes it.
    """
    paragraphs: list[tuple[int, Line]] = []
    strays, closed = 0, False
    seen: set[str] = set()
    for pos in range(anchor, len(lines)):
        line = lines[pos]
        if line.kind == "terminal":
            break
        if line.kind in ("credit", "tags", "meta"):
            closed = True
        elif line.kind == "prose":
            if (strays > 1 or closed) and not _resumes(lines, pos):
                strays += 1
                continue
            strays, closed = 0, False
            if line.key not in seen:
                paragraphs.append((pos, line))
                seen.add(line.key)
        elif line.kind in ("title", "label", "rail"):
            if not strays and not closed and line.kind != "rail" and _kept_display_line(lines, pos, paragraphs):
                paragraphs.append((pos, line))
            else:
                strays += 1 if line.kind != "rail" else 2
    while paragraphs and paragraphs[-1][1].kind != "prose" and not is_bullet(paragraphs[-1][1].text):
        paragraphs.pop()
    end = paragraphs[-1][0] + 1 if paragraphs else anchor
    return Body([line for _, line in paragraphs], end)


def _next_kind(lines: list[Line], pos: int) -> str | None:
    nxt = _next(lines, pos)
    return lines[nxt].kind if nxt is not None else None


def _next(lines: list[Line], pos: int) -> int | None:
    """Position of the next line that is not passing chrome."""
    for later in range(pos + 1, len(lines)):
        if lines[later].kind not in PASSING:
            return later
    return None


def _previous(lines: list[Line], pos: int) -> int | None:
    for earlier in range(pos - 1, -1, -1):
        if lines[earlier].kind not in PASSING:
            return earlier
    return None


def _resumes(lines: list[Line], pos: int) -> bool:
    """After a rail, the story goes on only with a full paragraph followed by prose or a credit.

    A rail's teasers alternate with headlines, so they never qualify.
    """
    return is_strong_prose(lines[pos].text) and _next_kind(lines, pos) in ("prose", "credit")


def _kept_display_line(lines: list[Line], pos: int, paragraphs: list[tuple[int, Line]]) -> bool:
    """A list item or a sub-heading inside the body; anything else short is chrome or a rail item."""
    if is_bullet(lines[pos].text) and paragraphs:
        after = _next(lines, pos)
        return after is not None and (lines[after].kind == "prose" or is_bullet(lines[after].text))
    return _crosshead(lines, pos, paragraphs)


def _crosshead(lines: list[Line], pos: int, paragraphs: list[tuple[int, Line]]) -> bool:
    """A sub-heading between two paragraphs ("What happens next"), not a section label or a rail item."""
    line = lines[pos]
    if line.repeats > 1 or set(line.text.lower().split()) <= vocab.SECTION_WORDS:
        return False
    if len(line.key.split()) >= PULL_QUOTE_MIN_WORDS and any(line.key in o.key for o in lines if o.kind == "prose"):
        return False  # a pull quote: words of a paragraph printed again as a display line
    if line.text.lower().strip(" :") in vocab.KICKER_LABELS or set(line.key.split()) & vocab.CALL_TO_ACTION_WORDS:
        return False
    before, after = _previous(lines, pos), _next(lines, pos)
    if not paragraphs or before != paragraphs[-1][0] or after is None:
        return False
    return lines[after].kind == "prose" or is_bullet(lines[after].text)
