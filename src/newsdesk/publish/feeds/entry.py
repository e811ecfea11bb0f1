"""What one article says in a feed: the full content as the page shows it, its photo, its labels."""

from __future__ import annotations

import mimetypes
from urllib.parse import urlsplit

from django.utils.feedgenerator import Enclosure
from django.utils.html import escape, format_html

from newsdesk.core.ninjs import web_url
from newsdesk.newsroom.models import Article
from newsdesk.publish.article import body_with_dateline, credit_for
from newsdesk.publish.links import shown_url

DEFAULT_IMAGE_TYPE = "image/jpeg"


def content_html(article: Article) -> str:
    """The sanitised body with the dateline opening it and the credit line closing it, as on the page."""
    body = body_with_dateline(body_html=article.body_html, dateline=article.dateline)
    credit = credit_for(article)
    if not credit:
        return body
    original = web_url(article.original_url)
    source = format_html('<a href="{}" rel="nofollow noopener">{}</a>', original, credit) if original else escape(credit)
    return f'{body}<p class="credit">– {source}</p>'


def image_url(article: Article) -> str | None:
    """The lead photo's URL, or its path on this site (the feed makes it absolute), if it may be shown."""
    return shown_url(article.image_url)


def enclosures(article: Article) -> list[Enclosure]:
    """The lead photo as an enclosure; its size is unknown without fetching it, so the length is 0.

    RSS 2.0 requires ``length`` and the RSS Advisory Board's profile allows 0
    when the size is unknown; the type comes from the file name, else JPEG.
    """
    url = image_url(article)
    if url is None:
        return []
    guessed, _ = mimetypes.guess_type(urlsplit(url).path)
    mime_type = guessed if guessed and guessed.startswith("image/") else DEFAULT_IMAGE_TYPE
    return [Enclosure(url, "0", mime_type)]


def categories(article: Article) -> list[str]:
    """The section. Keywords join it once articles keep them (``Draft.keywords`` is not stored yet)."""
    return [article.section.name] if article.section_id and article.section else []
