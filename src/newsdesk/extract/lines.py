"""A capture's text as classified lines: one paragraph, label, date or menu item each.

Copied pages put every block on its own line; a few tools hard-wrap prose
at a fixed width, so such text is re-joined first. Each line then gets one
kind from its own shape; where it sits (above the body, in a rail) is judged
later by ``header`` and ``body``.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from newsdesk.extract import clutter, vocab
from newsdesk.extract.byline import byline_parse
from newsdesk.extract.caption import caption_split
from newsdesk.extract.credit import credit_alone
from newsdesk.extract.dates import date_stamps
from newsdesk.extract.shape import ends_sentence, is_label, is_prose, is_strong_prose, is_title

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
WRAP_MAX_WIDTH = 100  # hard-wrapped text never has lines longer than this
WRAP_MIN_LINES = 5
WRAP_FILL = 0.6  # a wrapped line fills at least this share of the wrap width
WRAP_MIN_BREAKS = 2  # sentences broken across lines before we believe the text is wrapped

ECHO_MIN_WORDS, ECHO_MAX_WORDS = 4, 80  # a caption's length; a longer line twice is a copying slip
CREDITED_MAX_WORDS = 50  # a caption printed once, its credit on the next line, is rarely longer
STORY_LOOKAHEAD = 12  # lines looked at below a "Comments" button
_SOURCE_KEYS = ("image source", "photo source", "picture source", "video source")
_PASSING = frozenset(("clutter", "other", "views", "caption", "photo_credit"))

# Kinds of line. "meta" holds a date or a byline; "other" is too small to be anything.
KINDS = ("caption", "clutter", "credit", "meta", "other", "photo_credit", "prose", "rail", "tags", "terminal",
         "title", "label", "views")


@dataclass(frozen=True)
class Line:
    """One line of a capture with its kind and how often its text occurs in the capture."""

    text: str
    kind: str
    key: str
    repeats: int


def capture_lines(text: str) -> list[str]:
    """The non-empty lines of a capture, whitespace tidied, hard-wrapped prose re-joined."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    raw = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    width = _wrap_width(raw)
    if width is None:
        return [line for line in raw if line]
    return _unwrap(raw, width)


def _wrap_width(raw: list[str]) -> int | None:
    """The width prose was wrapped at, or None when the text is not hard-wrapped.

    Hard-wrapped prose has no long lines, and many of its full-width lines
    stop mid-sentence with the sentence going on in lower case on the next.
    """
    lengths = [len(line) for line in raw if line]
    if not lengths or max(lengths) > WRAP_MAX_WIDTH:
        return None
    long = [n for n in lengths if n >= 50]
    if len(long) < WRAP_MIN_LINES:
        return None
    width = int(statistics.quantiles(long, n=10)[-1])
    breaks = sum(
        1
        for line, nxt in zip(raw, raw[1:])
        if len(line) >= WRAP_FILL * width and not ends_sentence(line) and nxt[:1].islower()
    )
    return width if breaks >= WRAP_MIN_BREAKS else None


def _unwrap(raw: list[str], width: int) -> list[str]:
    """Join each line that fills the wrap width with the next line of the same block.

    Where blank lines separate paragraphs, a block is one paragraph; where they
    do not, only a line that stops mid-sentence goes on.
    """
    blank_separated = "" in raw[1:-1]
    joined: list[str] = []
    carry = False
    for line in raw:
        if not line:
            carry = False
            continue
        if carry and joined:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        full = len(line) >= WRAP_FILL * width and not clutter.is_clutter(line)
        carry = full and (blank_separated or not ends_sentence(line))
    return joined


def lines_classify(texts: list[str]) -> list[Line]:
    """Every line with its kind, then what neighbours tell.

    A line printed twice in a row (the usual caption echo), or a short one
    right above a photo credit ("(Photo by Jane Roe/Getty Images)"), is a
    caption; a bare "Comments" button among share buttons, with the story
    going on below it, is chrome, not the start of readers' comments.
    """
    keys = [clutter.line_key(text) for text in texts]
    counts = Counter(keys)
    lines = [Line(text, line_kind(text), key, counts[key]) for text, key in zip(texts, keys)]
    for pos in range(len(lines) - 1):
        first, second = lines[pos], lines[pos + 1]
        if first.kind in ("prose", "title") and (_echo(first, second) or _credited(first, second)):
            lines[pos] = Line(first.text, "caption", first.key, first.repeats)
            if second.kind in ("prose", "title"):
                lines[pos + 1] = Line(second.text, "caption", second.key, second.repeats)
    for pos, line in enumerate(lines):
        if line.kind == "terminal" and line.key in vocab.COMMENT_BUTTONS and _action_bar(lines, pos) and _story_goes_on(lines, pos):
            lines[pos] = Line(line.text, "clutter", line.key, line.repeats)
    return lines


def _credited(first: Line, second: Line) -> bool:
    """A caption-sized line with a photo credit alone on the next line ("(Photo by Jane Roe/Getty Images)").

    "Image source, …" heads the next photo (the BBC prints it above the caption), so it credits no line above it.
    """
    if second.kind != "photo_credit" or second.key.startswith(_SOURCE_KEYS):
        return False
    return ECHO_MIN_WORDS <= len(first.key.split()) <= CREDITED_MAX_WORDS


def _action_bar(lines: list[Line], pos: int) -> bool:
    """The line sits among share buttons ("Comments", "Share", "Follow us on Facebook"): a button, not a heading."""
    near = [lines[i] for i in (pos - 1, pos + 1) if 0 <= i < len(lines)]
    return any(clutter.is_share_bar(line.key) or line.key.startswith(("follow", "share")) for line in near)


def _story_goes_on(lines: list[Line], pos: int) -> bool:
    """A full paragraph follows (past share buttons and ads), then more prose or a rail: the story did not end here.

    Readers' comments alternate a name, a time and the comment, so they never qualify.
    """
    following = [line for line in lines[pos + 1:pos + 1 + STORY_LOOKAHEAD] if line.kind not in _PASSING]
    if not following or following[0].kind != "prose" or not is_strong_prose(following[0].text):
        return False
    return len(following) == 1 or following[1].kind in ("prose", "rail", "credit")


def _echo(first: Line, second: Line) -> bool:
    """The same caption twice: identical, or the second copy adds a credit to the first."""
    if not ECHO_MIN_WORDS <= len(first.key.split()) <= ECHO_MAX_WORDS:
        return False
    return first.key == second.key or (second.kind == "caption" and second.key.startswith(first.key))


def line_kind(text: str) -> str:
    """The kind of one line judged on its own (see ``KINDS``); order matters: the specific before the general."""
    if clutter.view_count(text) is not None:
        return "views"
    if clutter.is_terminal_heading(text):
        return "terminal"
    if clutter.is_rail_heading(text):
        return "rail"
    if clutter.tag_list(text):
        return "tags"
    if credit_alone(text):
        return "credit"
    if date_stamps(text) or byline_parse(text):
        return "meta"
    if clutter.is_clutter(text):
        return "clutter"
    split = caption_split(text)
    if split is not None:
        return "caption" if split[0] else "photo_credit"
    if is_prose(text):
        return "prose"
    if is_title(text):
        return "title"
    return "label" if is_label(text) else "other"
