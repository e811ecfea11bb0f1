"""Limits on markup before an HTML parser or the sanitiser sees it: the shapes that make them take quadratic time.

libxml2's HTML parser and html5ever (inside nh3) check each new attribute
of an element against every one before it, and html5ever walks its stack
of open elements for each new list item, division or quotation. Measured
here: 40,000 attributes on one element take 1.6 s to parse, 10,000 nested
list items 0.7 s to sanitise (a pass; the sanitiser makes several) — and a
15 MB payload holds a hundred times more, which would hold a worker for
hours (tests/hostile/huge, docs/security.md). Real copy has a handful of
attributes per element and a few thousand elements per story, so these
limits refuse only what no wire sends, with a reason the user can read.
"""

from __future__ import annotations

import re

from newsdesk.core.errors import IngestError

MAX_ATTRIBUTES = 1_000  # on one element
MAX_ELEMENTS = 10_000  # in one body or field that goes to the sanitiser

_LONG_TAG = re.compile(r"<([A-Za-z][^\s<>/]{0,40})[^<>]{4000,}")  # only a long tag can hold many attributes
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_START_TAG = re.compile(r"<[A-Za-z]")


def markup_limits_check(markup: str, *, max_elements: int | None = MAX_ELEMENTS) -> None:
    """Raise IngestError('too_complex', …) for an element with too many attributes or, unless
    ``max_elements`` is None (a whole page, which libxml2 parses to a bounded depth), too many elements."""
    if max_elements is not None and len(markup) > 2 * max_elements:
        elements = len(_START_TAG.findall(markup))
        if elements > max_elements:
            raise IngestError("too_complex", f"markup too complex: {elements:,} elements in one story (the limit is {max_elements:,})")
    for tag in _LONG_TAG.finditer(markup):
        attributes = len(_QUOTED.sub(" ", tag.group()).split()) - 1
        if attributes > MAX_ATTRIBUTES:
            raise IngestError(
                "too_complex",
                f"markup too complex: {attributes:,} attributes on one <{tag.group(1)}> element (the limit is {MAX_ATTRIBUTES:,})",
            )
