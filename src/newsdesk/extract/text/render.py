"""Blocks back to plain text: paragraphs separated by blank lines.

Items of one list stay together, one per line with a dash, as trafilatura
prints them; everything else is its own paragraph.
"""

from __future__ import annotations

import unicodedata

from newsdesk.extract.text.blocks import Block


def plain_text(blocks: list[Block]) -> str:
    """The article as plain text (NFC, like trafilatura's own output)."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind == "item":
            line = "- " + block.text.replace("\n", "\n  ")
            same_list = previous is not None and previous.kind == "item" and previous.group == block.group
            parts.append(("\n" if same_list else "\n\n") + line)
        else:
            parts.append("\n\n" + block.text)
        previous = block
    return unicodedata.normalize("NFC", "".join(parts).strip())
