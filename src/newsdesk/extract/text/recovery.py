"""Paragraphs trafilatura left out of a page it under-read.

When trafilatura's body is short, the page is scored the way readability
does it, on the tree already parsed: every paragraph (a ``<p>``, or a run of
text between ``<br><br>`` in a ``<div>``) credits its parent with its
non-link text, and the parent with the most text is the article. Its
paragraphs missing from trafilatura's body are added in page order. Only
short bodies are checked, so the pass costs nothing on the pages trafilatura
reads well.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml.html import HtmlElement

from newsdesk.extract.text.blocks import Block
from newsdesk.extract.text.hints import fold

SHORT_BODY = 500  # characters: below this, trafilatura's body is checked against the page
_MIN_PARAGRAPH = 40  # characters of prose for a page element to count as a paragraph
_COMMENTS = re.compile(r"comment|reply|respon|disqus|sidebar|related|footer", re.IGNORECASE)  # readers and rails, not the article
_BLOCK = ("p", "div", "ul", "ol", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
_SKIP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select", "figcaption")


def recover_paragraphs(blocks: list[Block], tree: HtmlElement) -> list[Block]:
    """``blocks`` plus the paragraphs of the page's main text they miss, when they look short."""
    have = sum(len(b.text) for b in blocks)
    if have >= SHORT_BODY:
        return blocks
    paragraphs = _main_text(tree)
    found = sum(len(p) for p in paragraphs)
    if found < max(3 * have, 400):
        return blocks
    joined = " ".join(fold(b.text) for b in blocks)
    missing = [text for text in paragraphs if fold(text) not in joined]
    return blocks + [Block("p", text, 0, -1) for text in missing]


def _main_text(tree: HtmlElement) -> list[str]:
    """The paragraphs of the element with the most paragraph text, in page order."""
    credit: dict[HtmlElement, int] = defaultdict(int)
    texts: dict[HtmlElement, list[str]] = defaultdict(list)
    for parent, text in _paragraph_texts(tree):
        credit[parent] += len(text)
        texts[parent].append(text)
    if not credit:
        return []
    best = max(credit, key=credit.__getitem__)
    return texts[best]


def _paragraph_texts(tree: HtmlElement):
    """(parent, text) for every prose paragraph of the page outside navigation and forms."""
    for element in tree.iter("p", "div", "td", "article", "section"):
        if any(a.tag in _SKIP or _COMMENTS.search(f"{a.get('class', '')} {a.get('id', '')}") for a in element.iterancestors()):
            continue
        if element.tag == "p":
            text = _prose(element)
            if len(text) >= _MIN_PARAGRAPH:
                yield element.getparent(), text
        elif element.find("br") is not None:
            for text in _br_paragraphs(element):
                yield element, text


def _prose(element: HtmlElement) -> str:
    """The element's text without the text of its links."""
    links = sum(len(a.text_content()) for a in element.iter("a"))
    text = " ".join(element.text_content().split())
    return text if links <= 0.5 * len(text) else ""


def _br_paragraphs(element: HtmlElement) -> list[str]:
    """The element's own text and inline children, split into paragraphs where ``<br><br>`` stands."""
    runs: list[str] = []
    current: list[str] = []
    breaks = 0

    def add(text: str | None) -> None:
        nonlocal breaks
        if not text or not text.strip():
            return
        if breaks >= 2 and current:
            runs.append(" ".join(" ".join(current).split()))
            current.clear()
        breaks = 0
        current.append(text)

    add(element.text)
    for child in element:
        if child.tag == "br":
            breaks += 1
        elif child.tag not in _BLOCK and child.tag not in _SKIP:
            add(child.text_content())
        add(child.tail)
    if current:
        runs.append(" ".join(" ".join(current).split()))
    return [run for run in runs if len(run) >= _MIN_PARAGRAPH]
