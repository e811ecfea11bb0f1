"""A feed entry becomes a Draft: the feed's fields are trusted, the body gets the news layer.

An entry with only a summary still becomes an article (its body is the
summary); fetching the full text from the link is a later step's job.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from newsdesk.core.document import FeedEntry, WireDocument
from newsdesk.core.draft import Draft, Picture
from newsdesk.core.errors import IngestError
from newsdesk.extract import vocab
from newsdesk.extract.blocks import blocks_from_html, byline_clean, news_body
from newsdesk.extract.photo import picture_make
from newsdesk.extract.sanitise import body_sanitise, plain_text
from newsdesk.extract.section import section_canonical, section_words_only


def draft_from_entry(document: WireDocument) -> Draft:
    """The entry as a Draft. Raises IngestError('no_article', …) for an entry without headline or text."""
    entry = document.entry or FeedEntry()
    headline = plain_text(entry.title)
    if not headline:
        raise IngestError("no_article", "no article: the feed entry has no title")
    picture = entry_picture(entry) or content_picture(document.text)
    # Sanitise before splitting so scripts never reach the block parser; news_body sanitises again last.
    blocks = blocks_from_html(body_sanitise(document.text or entry.summary))
    body = news_body(blocks, repeats=(headline, picture.caption if picture else None))
    if not body.body_html:
        raise IngestError("no_article", f"no article: the feed entry {headline!r} has no text")
    summary = plain_text(entry.summary) if entry.summary and entry.has_full_content else ""
    return Draft(
        headline=headline,
        body_html=body.body_html,
        section=entry_section(entry.categories),
        published=entry.published,
        updated=entry.updated if entry.updated != entry.published else None,
        dateline=body.dateline,
        byline=byline_clean(entry.author) or body.byline,
        credit=body.credit or body.agency or (plain_text(entry.feed_title) if entry.feed_title else None),
        original_url=entry.link or document.url,
        picture=picture,
        language=entry.language or "en",
        summary=summary or body.standfirst,
        guid=entry.guid,
        keywords=entry.categories,
    )


def entry_picture(entry: FeedEntry) -> Picture | None:
    """The entry's image; a credit printed inside the caption is moved to the credit."""
    return picture_make(entry.image_url, entry.image_caption, entry.image_credit)


def content_picture(markup: str) -> Picture | None:
    """The first image in the entry's content, with its figure's caption, when the feed names no image."""
    if "<img" not in markup:
        return None
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    for img in root.iter("img"):
        src = (img.get("src") or "").strip()
        if _scheme(src) in ("http", "https"):
            figure = next(img.iterancestors("figure"), None)
            captions = figure.xpath(".//figcaption") if figure is not None else []
            caption = " ".join("".join(captions[0].itertext()).split()) if captions else None
            return picture_make(src, caption, None)
    return None


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme
    except ValueError:  # "http://[": an unclosed IPv6 host (issue 6, fuzzing)
        return ""


def entry_section(categories: tuple[str, ...]) -> str | None:
    """The first category that reads like a section name ("World", "Local News"), not a tag ("Mill Creek")."""
    found = next((c for c in categories if c.casefold() not in vocab.KICKER_LABELS and section_words_only(c)), None)
    return section_canonical(found)

