"""Wire and extract without saving: what `newsdesk extract` prints and what item_process saves."""

from __future__ import annotations

from newsdesk import extract, wire
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError


def size_check(payload: bytes, *, max_bytes: int) -> None:
    if len(payload) > max_bytes:
        raise IngestError(
            "too_large", f"too large: {len(payload) / 1e6:.1f} MB over the {max_bytes / 1e6:.0f} MB limit"
        )


def extractions_from_payload(
    payload: bytes, *, origin: str, content_type: str = "", max_bytes: int
) -> list[Draft | IngestError]:
    """One entry per wire document: its draft, or the reason it is not an article.

    Raises IngestError when the payload as a whole cannot be read (empty,
    binary, bad encoding, unknown format, too large).
    """
    size_check(payload, max_bytes=max_bytes)
    outcomes: list[Draft | IngestError] = []
    for document in wire.read(payload, origin=origin, content_type=content_type):
        try:
            outcomes.append(extract.draft_from_document(document))
        except IngestError as error:
            outcomes.append(error)
    return outcomes


def drafts_from_payload(payload: bytes, *, origin: str, content_type: str = "", max_bytes: int) -> list[Draft]:
    """The drafts in a payload; raises the first entry's error when none is an article."""
    outcomes = extractions_from_payload(payload, origin=origin, content_type=content_type, max_bytes=max_bytes)
    drafts = [outcome for outcome in outcomes if isinstance(outcome, Draft)]
    if not drafts:
        errors = [outcome for outcome in outcomes if isinstance(outcome, IngestError)]
        raise errors[0] if errors else IngestError("no_article", "no article found in the input")
    return drafts
