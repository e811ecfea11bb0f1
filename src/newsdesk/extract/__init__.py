"""Stage 2: a wire document becomes a Draft (body, news fields, clutter removed, sanitised last)."""

from __future__ import annotations

from newsdesk.core.document import WireDocument
from newsdesk.core.draft import Draft


def draft_from_document(document: WireDocument) -> Draft:
    """Route a document to the extractor for its kind. Raises IngestError('no_article', …)."""
    if document.kind == "capture":
        from newsdesk.extract.capture import draft_from_capture

        return draft_from_capture(document.text, url=document.url)
    if document.kind == "html":
        from newsdesk.extract.page import draft_from_page

        return draft_from_page(document.text, url=document.url)
    from newsdesk.extract.entry import draft_from_entry

    return draft_from_entry(document)
