"""Bytes off the wire become text, or are refused with a reason the user can act on.

The charset is taken, in order, from a byte-order mark, the HTTP
``Content-Type`` charset, the XML prolog's ``encoding`` and an HTML
``<meta charset>``; with none of these the bytes must be valid UTF-8. We never
guess a charset: a wrong guess silently corrupts names and quotes.
"""

from __future__ import annotations

import codecs
import re

from newsdesk.core.errors import IngestError

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of the binary files people most often drop on an importer by mistake.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a Word/Excel file)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"\x7fELF", "an executable"),
)

# Only the first bytes are searched for a declaration (the HTML spec prescans 1024).
_PRESCAN = 4096
_SNIFF = 8192
_CONTROL = bytes(sorted(frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D}))
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']", re.I)
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,500}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.I)
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"})


def payload_decode(payload: bytes, *, content_type: str = "") -> str:
    """The payload as text. Raises IngestError ``empty``, ``binary`` or ``bad_encoding``."""
    if not payload.strip():
        raise IngestError("empty", "empty input: there is nothing to read")
    text = _bom_decode(payload)
    if text is None:
        charset, where = charset_declared(payload, content_type=content_type)
        if not (charset and charset.startswith(("utf-16", "utf-32"))):
            binary_refuse(payload)
        text = _decode(payload, charset, where)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise IngestError("empty", "empty input: there is only whitespace")
    return text


def binary_refuse(payload: bytes) -> None:
    """Refuse images, archives and other binaries before they are read as text."""
    for magic, what in _MAGIC:
        if payload.startswith(magic):
            raise IngestError("binary", f"binary file, not text: this looks like {what}")
    head = payload[:_SNIFF]
    if b"\x00" in head:
        raise IngestError("binary", "binary file, not text: it contains NUL bytes")
    controls = len(head) - len(head.translate(None, _CONTROL))  # counted in C: a loop in Python took 0.3 ms a payload
    if controls * 10 > len(head):
        raise IngestError("binary", f"binary file, not text: {controls} of the first {len(head)} bytes are control codes")


def charset_declared(payload: bytes, *, content_type: str = "") -> tuple[str | None, str]:
    """The declared charset (normalised codec name) and where it was declared, or (None, "")."""
    candidates = (
        (_HTTP_CHARSET.search(content_type or ""), "the Content-Type header"),
        (_XML_ENCODING.search(payload[:_PRESCAN]), "the XML prolog"),
        (_META_CHARSET.search(payload[:_PRESCAN]), "an HTML meta tag"),
    )
    for match, where in candidates:
        if match is None:
            continue
        label = match.group(1)
        label = label.decode("ascii") if isinstance(label, bytes) else label
        codec = _codec(label)
        if codec:
            return codec, where
    utf16 = _utf16_prolog(payload)
    if utf16:
        return utf16, "an XML prolog written in UTF-16"
    return None, ""


def _bom_decode(payload: bytes) -> str | None:
    for bom, codec in _BOMS:
        if payload.startswith(bom):
            try:
                return payload[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise IngestError(
                    "bad_encoding", f"not valid {codec.upper()} at byte {error.start + len(bom)} (a {codec.upper()} byte-order mark says it is)"
                ) from None
    return None


def _decode(payload: bytes, charset: str | None, where: str) -> str:
    codec = charset or "utf-8"
    try:
        return payload.decode(codec)
    except UnicodeDecodeError as error:
        if codec == "cp1252":
            return payload.decode("latin-1")  # the five bytes cp1252 leaves undefined
        if charset is None:
            message = f"not valid UTF-8 at byte {error.start} and no charset declared"
        else:
            message = f"not valid {codec} at byte {error.start} (the charset declared by {where})"
        raise IngestError("bad_encoding", message) from None


def _codec(label: str) -> str | None:
    """A charset label as a Python codec name; None for labels Python does not know."""
    label = label.strip().lower()
    if label in _LATIN1_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("utf-16", "utf-32"):
        return None  # without a BOM the byte order is unknown; the prolog sniff decides
    return name


def _utf16_prolog(payload: bytes) -> str | None:
    """XML 1.0 Appendix F: a BOM-less UTF-16 document starts with '<?' in two-byte units."""
    if payload.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if payload.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    return None
