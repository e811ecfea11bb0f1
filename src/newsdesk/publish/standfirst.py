"""The sentence or two under a headline: the wire's summary, else the body's opening words.

Feeds (entry summaries), OpenGraph and Twitter cards (descriptions) and the
page's own meta description all want the same short plain text.
"""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

from newsdesk.newsroom.models import Article

_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|div)>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def standfirst(article: Article, *, words: int = 40) -> str:
    """Plain text (no markup, no entities) of at most ``words`` words."""
    text = article.summary or html.unescape(strip_tags(_BLOCK_END.sub(" ", article.body_html)))
    return Truncator(_SPACES.sub(" ", text).strip()).words(words, truncate=" …")
