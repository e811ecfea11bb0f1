"""How an article's parts become the HTML a reader sees: dateline, credit, view label."""

from __future__ import annotations

import re

from django.utils.html import escape

from newsdesk.newsroom.models import Article

# The opening tag of the first paragraph, e.g. `<p>` or `<p class="lead">`.
_FIRST_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>", re.IGNORECASE)


def body_with_dateline(*, body_html: str, dateline: str) -> str:
    """The body with ``<span class="dateline">PLACE</span> –`` opening its first paragraph.

    Wire style puts the dateline at the start of the first paragraph
    ("BEIJING – Chinese leader…"); extraction moved it out of the body so it
    could be stored, and this puts it back where the reader expects it.
    ``body_html`` is already sanitised; the dateline is escaped here.
    """
    if not dateline.strip():
        return body_html
    opening = f'<span class="dateline">{escape(dateline.strip())}</span> – '
    first = _FIRST_PARAGRAPH.search(body_html)
    if first is None:
        return f"<p>{opening}</p>{body_html}"
    return body_html[: first.end()] + opening + body_html[first.end() :]


def credit_for(article: Article) -> str:
    """Who the story is from ("CNN"): the article's own credit, else its source's."""
    if article.credit:
        return article.credit
    return article.source.credit if article.source_id and article.source else ""


def views_label(total: int) -> str:
    """"1 view", "40 views", "1,234 views" — the same words site.js writes after the beacon."""
    return f"{total:,} view" if total == 1 else f"{total:,} views"
