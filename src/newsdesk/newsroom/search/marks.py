"""Highlighted text as safe HTML: everything escaped, then our own marks turned into ``<mark>``.

The backends wrap matched words in two control characters that no stored
text keeps (``search_text`` strips them), so a headline written as
``<script>`` is shown as text and only our marks become markup. Marks are
balanced here whatever arrives, so the HTML is always well formed.
"""

from __future__ import annotations

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe

OPEN = "\x02"
CLOSE = "\x03"
_PIECES = re.compile(f"([{OPEN}{CLOSE}])")
_MARKS = str.maketrans("", "", OPEN + CLOSE)


def marked_html(text: str) -> SafeString:
    """``"a \\x02ferry\\x03 sank"`` → ``"a <mark>ferry</mark> sank"``, every other character escaped."""
    out: list[str] = []
    inside = False
    for piece in _PIECES.split(text):
        if piece == OPEN:
            if not inside:
                out.append("<mark>")
            inside = True
        elif piece == CLOSE:
            if inside:
                out.append("</mark>")
            inside = False
        elif piece:
            out.append(escape(piece, quote=True))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def without_marks(text: str) -> str:
    """Text with our two mark characters removed: what the index stores, so only the engine's marks remain."""
    return text.translate(_MARKS)
