"""The article's body text from a web page: trafilatura plus a news layer.

trafilatura finds the body; what it keeps that a newsroom would not print
(share and newsletter prompts, "Read more" links, related-story lists,
copyright and credit lines, captions, the headline and byline repeated at the
top) is dropped here, and paragraphs it leaves out of a page it under-reads
are recovered. The page is parsed once and the tree reused by every pass.
"""

from __future__ import annotations

import re

from newsdesk.extract.text.blocks import body_blocks
from newsdesk.extract.text.boilerplate import drop_boilerplate
from newsdesk.extract.text.engine import parse_page, trafilatura_body
from newsdesk.extract.text.hints import page_hints
from newsdesk.extract.text.lead import drop_lead_fields
from newsdesk.extract.text.recovery import recover_paragraphs
from newsdesk.extract.text.render import plain_text

__all__ = ["article_text"]

MIN_LETTERS = 15  # fewer letters than a short headline is a menu item or a label, not a body (counts CJK too)
_LETTER = re.compile(r"\w")


def article_text(html: str, url: str | None = None) -> str:
    """The body of the article on ``html`` as plain text, paragraphs separated by blank lines.

    Returns "" when the page has no article text or is not HTML; never raises
    on bad input.
    """
    tree = parse_page(html)
    if tree is None:
        return ""
    blocks = body_blocks(trafilatura_body(tree, url))
    blocks = recover_paragraphs(blocks, tree)
    blocks = drop_boilerplate(blocks)
    blocks = drop_lead_fields(blocks, page_hints(tree))
    text = plain_text(blocks)
    return text if len(text) > 20 * MIN_LETTERS or len(_LETTER.findall(text)) >= MIN_LETTERS else ""
