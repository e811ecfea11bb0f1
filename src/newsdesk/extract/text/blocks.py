"""trafilatura's body element as a flat list of text blocks.

Every rule downstream decides on one block at a time (a paragraph, a heading,
one list item, a table), so the body is flattened here once. A paragraph that
the page split with ``<br><br>`` (trafilatura keeps them as ``lb`` inside one
``p``) becomes several blocks, so each of its paragraphs can be judged, and
rendered, on its own. Link text is counted because lists of links are the
commonest boilerplate trafilatura keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from trafilatura.xml import xmltotxt

_BLOCK_TAGS = frozenset({"p", "head", "quote", "list", "table", "code", "div"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n\s*")


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of the body."""

    kind: str  # p, head, item, quote, table, code
    text: str  # plain text; lines of one paragraph are joined by "\n"
    link_chars: int = 0  # characters of the text that were link text
    group: int = 0  # blocks from the same list or the same <br>-split paragraph share it

    @property
    def link_ratio(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def body_blocks(body: etree._Element | None) -> list[Block]:
    """The blocks of ``body`` in reading order."""
    blocks: list[Block] = []
    if body is None:
        return blocks
    if body.text and body.text.strip():
        blocks.extend(_paragraphs("p", [(body.text, False)], 0))
    for group, element in enumerate(body, start=1):
        blocks.extend(_element_blocks(element, group))
        if element.tail and element.tail.strip():
            blocks.extend(_paragraphs("p", [(element.tail, False)], group))
    return blocks


def _element_blocks(element: etree._Element, group: int) -> list[Block]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "list":
        items = [item for item in element if item.tag == "item"]
        return [b for item in items for b in _paragraphs("item", _segments(item, tail=False), group)]
    if tag == "table":
        text = xmltotxt(element, False).strip()
        links = sum(len("".join(ref.itertext())) for ref in element.iter("ref"))
        return [Block("table", text, min(links, len(text)), group)] if text else []
    if tag in ("graphic", "lb") or not tag:
        return []
    kind = tag if tag in ("head", "quote", "code") else "p"
    return _paragraphs(kind, _segments(element, tail=False), group)


def _segments(element: etree._Element, *, tail: bool, in_link: bool = False) -> list[tuple[str, bool]]:
    """(text, is_link_text) pieces of ``element`` in document order; ``lb`` is a newline."""
    in_link = in_link or element.tag == "ref"
    pieces: list[tuple[str, bool]] = []
    if element.tag == "lb":
        pieces.append(("\n", False))
    elif element.tag in _BLOCK_TAGS or element.tag == "item":
        pieces.append(("\n", False))
    if element.text and element.tag != "graphic":
        pieces.append((element.text, in_link))
    for child in element:
        if isinstance(child.tag, str):
            pieces.extend(_segments(child, tail=True, in_link=in_link))
        elif child.tail:
            pieces.append((child.tail, in_link))
    if element.tag in _BLOCK_TAGS or element.tag == "item":
        pieces.append(("\n", False))
    if tail and element.tail:
        pieces.append((element.tail, in_link and element.tag != "ref"))
    return pieces


def _paragraphs(kind: str, pieces: list[tuple[str, bool]], group: int) -> list[Block]:
    """Split the pieces at blank lines (``<br><br>``) into blocks with their link counts."""
    spans, at = [], 0
    for piece, is_link in pieces:
        if is_link:
            spans.append((at, at + len(piece)))
        at += len(piece)
    text = "".join(piece for piece, _ in pieces)
    blocks, start = [], 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = text[start:end]
        clean = _tidy(raw)
        if clean:
            links = sum(max(0, min(e, end) - max(s, start)) for s, e in spans)
            blocks.append(Block(kind, clean, min(links, len(clean)), group))
        start = match.end() if match else end
    return blocks


def _tidy(text: str) -> str:
    """Spaces collapsed inside each line, empty lines dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
