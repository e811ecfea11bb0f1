"""Stage 2: a wire document becomes a Draft (body, news fields, clutter removed, sanitised last)."""

from __future__ import annotations

from newsdesk.core.document import StructuredDocument, WireDocument
from newsdesk.core.draft import Draft
from newsdesk.core.errors import NotAnArticle


def draft_from_document(document: WireDocument) -> Draft:
    """Route a document to the extractor for its kind. Raises IngestError('no_article', …)."""
    if isinstance(document, StructuredDocument):
        # ninjs, NewsML: the reader mapped the item's own fields; only the sanitiser, last as always.
        if document.draft is None:
            raise NotAnArticle(document.meta.get("not_an_article") or "a wire item that is not an article")
        from newsdesk.extract.sanitise import body_sanitise

        return document.draft.with_changes(body_html=body_sanitise(document.draft.body_html))
    if document.kind == "capture":
        from newsdesk.extract.capture import draft_from_capture

        return draft_from_capture(document.text, url=document.url)
    if document.kind == "html":
        from newsdesk.extract.page import draft_from_page

        return draft_from_page(document.text, url=document.url)
    from newsdesk.extract.entry import draft_from_entry

    return draft_from_entry(document)


def article_text(html: str, url: str | None = None) -> str:
    """The article body of an HTML page as plain text, paragraphs separated by blank lines.

    The extraction measured by bench/extraction (trafilatura plus our news
    rules); imported lazily so reading a capture does not load trafilatura.
    """
    from newsdesk.extract.text import article_text as text_of

    return text_of(html, url)
