"""Text that XML 1.0 can carry: wire copy sometimes holds control characters that no XML document may.

Feeds and sitemaps are XML; one stray U+0008 in a headline would make the
whole document ill-formed (and Django's XML writer refuses it outright), so
every string goes through ``xml_text`` on its way out. Tab, newline and
carriage return are kept; the rest of C0, lone surrogates, U+FFFE and U+FFFF
go (XML 1.0 §2.2, the ``Char`` production).
"""

from __future__ import annotations

import re

_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _NOT_XML_CHAR.sub("", text)
