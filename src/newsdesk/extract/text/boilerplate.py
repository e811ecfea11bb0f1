"""Blocks trafilatura keeps that are not the story.

Each rule looks at one block (or one line of a ``<br>``-split paragraph) and
says why it is boilerplate, or nothing. The rules are about news pages in
general - "Read more:" links, newsletter and share prompts, copyright and
picture credits, reporter credit lines, tag and comment labels, lists of
links under a "Related" heading - never about one site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from newsdesk.extract.text import phrases as P
from newsdesk.extract.text.blocks import Block

_READ_MORE_LEAD = P.starts_with(P.READ_MORE)
_READ_MORE_LINE = P.whole_line(P.READ_MORE)
_LABEL_LINE = P.whole_line(P.LABEL)
_LABEL_LEAD = P.starts_with(P.TAG_LABEL)
_RELATED_HEADING = P.whole_line(P.RELATED_HEADING)
_SOURCE_LEAD = P.starts_with(P.SOURCE_LINE)
_STAMP_LINE = re.compile(r"^\W{0,3}(?:" + "|".join(P.STAMP) + r")$", re.IGNORECASE)
_CALL = P.Guarded(P.CALL_TO_ACTION_WORDS, P.CALL_TO_ACTION)
_RIGHTS = P.Guarded(P.RIGHTS_WORDS, P.RIGHTS)
_CREDIT = re.compile(r"^\W{0,3}(?:" + "|".join(P.PICTURE_CREDIT) + ")", re.IGNORECASE)
_REPORTING = P.Guarded(P.REPORTING_CREDIT_WORDS, P.REPORTING_CREDIT)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]\s*$")

SHORT = 250  # a call to action or a rights notice is a line or two, never a paragraph of reporting


def line_reason(text: str) -> str | None:
    """Why one line is boilerplate wherever it appears, or None."""
    if len(text) <= 200 and _READ_MORE_LEAD.search(text):
        return "read-more"
    if len(text) <= 60 and (_READ_MORE_LINE.search(text) or _LABEL_LINE.search(text)):
        return "label"
    if len(text) <= 100 and _LABEL_LEAD.search(text):
        return "label"
    if len(text) <= 100 and _STAMP_LINE.search(text):
        return "stamp"
    if len(text) <= 150 and _CREDIT.search(text):
        return "picture-credit"
    if len(text) <= 80 and _SOURCE_LEAD.search(text):
        return "source"
    return None


def block_reason(block: Block) -> str | None:
    """Why a whole block is boilerplate, or None."""
    text = block.text
    if len(text) <= SHORT and _CALL.search(text):
        return "call-to-action"
    if len(text) <= SHORT and _RIGHTS.search(text):
        return "rights"
    if len(text) <= 400 and _REPORTING.search(text):
        return "reporting-credit"
    if block.link_ratio > 0.5 and len(text) > 15 and text.isupper():
        return "promo-link"  # a headline in capitals linking elsewhere: a promotion, not a subhead
    return None


Explain = Callable[[Block, str], None] | None


def drop_boilerplate(blocks: list[Block], explain: Explain = None) -> list[Block]:
    """``blocks`` without boilerplate; ``explain(block, reason)`` hears about each drop (for tuning)."""
    kept: list[Block] = []
    for block in _drop_related_sections(blocks, explain):
        block = _without_boilerplate_lines(block, explain)
        if block is None:
            continue
        reason = block_reason(block)
        if reason:
            _note(explain, block, reason)
        else:
            kept.append(block)
    return _drop_link_runs(kept, explain)


def _note(explain: Explain, block: Block, reason: str) -> None:
    if explain:
        explain(block, reason)


def _drop_related_sections(blocks: list[Block], explain: Explain) -> list[Block]:
    """A "More stories" heading and the list under it, up to the next paragraph of prose."""
    kept: list[Block] = []
    in_related = False
    for block in blocks:
        if len(block.text) <= 80 and _RELATED_HEADING.search(block.text):
            in_related = True
            _note(explain, block, "related-heading")
        elif in_related and not _is_prose(block):
            _note(explain, block, "related-list")
        else:
            in_related = False
            kept.append(block)
    return kept


def _without_boilerplate_lines(block: Block, explain: Explain) -> Block | None:
    """The block without its boilerplate lines (a ``<br>``-split paragraph may hold several)."""
    lines = block.text.split("\n")
    kept = []
    for line in lines:
        reason = line_reason(line)
        if reason:
            _note(explain, replace(block, text=line), reason)
        else:
            kept.append(line)
    if not kept:
        return None
    if len(kept) == len(lines):
        return block
    text = "\n".join(kept)
    return replace(block, text=text, link_chars=min(block.link_chars, len(text)))


def _is_prose(block: Block) -> bool:
    """A paragraph of the story rather than an entry in a list of links."""
    if block.kind == "item" or block.link_ratio > 0.5:
        return False
    if block.kind == "head":
        return not _RELATED_HEADING.search(block.text)
    return len(block.text) > 120 or (len(block.text) > 50 and block.link_ratio < 0.2 and _SENTENCE_END.search(block.text) is not None)


def _is_link_line(block: Block) -> bool:
    return block.link_ratio >= 0.7 and len(block.text) <= 200


def _drop_link_runs(blocks: list[Block], explain: Explain) -> list[Block]:
    """Runs of two or more blocks that are mostly link text are lists of other stories."""
    kept: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and _is_link_line(block):
            run.append(block)
            continue
        if len(run) >= 2:
            for dropped in run:
                _note(explain, dropped, "link-list")
        else:
            kept.extend(run)
        run = []
        if block is not None:
            kept.append(block)
    return kept
