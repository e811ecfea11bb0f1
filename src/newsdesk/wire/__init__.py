"""Stage 1: bytes off the wire become WireDocuments (decoded, format detected, split into items).

Pure: no Django, no settings; size limits are the pipeline's job, before this.
"""

from __future__ import annotations

from newsdesk.core.document import WireDocument
from newsdesk.core.markup import markup_limits_check
from newsdesk.core.xml import xml_entities_refuse
from newsdesk.wire.decode import payload_decode
from newsdesk.wire.detect import format_detect
from newsdesk.wire.registry import FORMATS

__all__ = ["read"]


def read(payload: bytes, *, origin: str, content_type: str = "") -> list[WireDocument]:
    """Decode, detect and read one payload.

    Raises IngestError with reason ``empty``, ``binary``, ``bad_encoding``,
    ``unsafe_xml``, ``too_complex``, ``unknown_format`` or ``no_article``.
    """
    text = payload_decode(payload, content_type=content_type)
    xml_entities_refuse(text)  # before detection: a long DOCTYPE must not hide an XML document from the sniffers
    markup_limits_check(text, max_elements=None)  # before any parser: an attribute flood takes quadratic time
    wire_format = format_detect(text, FORMATS)
    return wire_format.read(text, origin=origin)
