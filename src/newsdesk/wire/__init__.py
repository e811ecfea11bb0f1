"""Stage 1: bytes off the wire become WireDocuments (decoded, format detected, split into items).

Pure: no Django, no settings; size limits are the pipeline's job, before this.
"""

from __future__ import annotations

from newsdesk.core.document import WireDocument
from newsdesk.wire.decode import payload_decode
from newsdesk.wire.detect import format_detect
from newsdesk.wire.registry import FORMATS

__all__ = ["read"]


def read(payload: bytes, *, origin: str, content_type: str = "") -> list[WireDocument]:
    """Decode, detect and read one payload.

    Raises IngestError with reason ``empty``, ``binary``, ``bad_encoding``,
    ``unknown_format`` or ``no_article``.
    """
    text = payload_decode(payload, content_type=content_type)
    wire_format = format_detect(text, FORMATS)
    return wire_format.read(text, origin=origin)
