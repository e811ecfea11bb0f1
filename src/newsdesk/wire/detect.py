"""Which format a decoded payload is in, judged from its content, never from a file name.

Each ``looks_like_*`` predicate answers for one format; the registry pairs them
with readers, and ``format_detect`` asks them in the registry's order. Only
the first few kilobytes are looked at (JSON is the exception: it is parsed
whole, once, to tell a JSON Feed from any other JSON).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from newsdesk.core.errors import IngestError

_SNIFF = 16384
_SPACE = re.compile(r"\s*")
_NAME = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)")
_HTML_DOCTYPE = re.compile(r"<!doctype\s+html", re.I)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
# A page without <html> still starts with one of these (a saved fragment, a CMS export).
_HTML_ELEMENTS = frozenset(
    {
        "html", "head", "body", "meta", "title", "link", "base", "script", "style", "noscript",
        "div", "article", "main", "section", "header", "footer", "nav", "aside", "figure",
        "p", "h1", "h2", "h3", "span", "a", "img", "table", "ul", "ol", "blockquote", "br",
    }
)
JSON_FEED_VERSION = "https://jsonfeed.org/version/"


class Sniffable(Protocol):
    def sniff(self, text: str) -> bool: ...


F = TypeVar("F", bound=Sniffable)


def format_detect(text: str, formats: Sequence[F]) -> F:
    """The first registered format whose sniffer accepts the text. Raises IngestError('unknown_format', …)."""
    for wire_format in formats:
        if wire_format.sniff(text):
            return wire_format
    raise unknown_format_error(text)


def root_element(text: str) -> str | None:
    """The first element's name as written, skipping the XML prolog, PIs, comments and DOCTYPE."""
    head = text[:_SNIFF]
    pos = 0
    while True:
        pos = _SPACE.match(head, pos).end()  # type: ignore[union-attr]  # r"\s*" always matches
        if head.startswith("<?", pos):
            end = head.find("?>", pos)
            step = 2
        elif head.startswith("<!--", pos):
            end = head.find("-->", pos)
            step = 3
        elif head.startswith("<!", pos):
            end, step = _doctype_end(head, pos), 1
        else:
            break
        if end < 0:
            return None
        pos = end + step
    match = _NAME.match(head, pos)
    return match.group(1) if match else None


def json_value(text: str) -> Any:
    """The parsed JSON, or None when the text is not JSON (a capture may start with '[')."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        return json.loads(stripped)
    except (ValueError, RecursionError):
        return None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def json_whole_characters(value: Any, text: str) -> Any:
    """``value`` parsed from ``text`` with every lone surrogate (JSON allows ``"\\ud800"``) made U+FFFD.

    Python keeps them in the string, where nothing downstream can encode them
    (the sanitiser, the database); a pair written as two escapes is one
    character and stays.
    """
    if not _SURROGATE_ESCAPE.search(text):
        return value
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [json_whole_characters(item, text) for item in value]
    if isinstance(value, dict):
        return {json_whole_characters(key, text): json_whole_characters(item, text) for key, item in value.items()}
    return value


def looks_like_xml_feed(text: str) -> bool:
    """RSS 0.9x/2.0, Atom or RSS 1.0 (RDF) by the root element."""
    root = root_element(text)
    if root is None:
        return False
    local = root.rsplit(":", 1)[-1].lower()
    if local == "rdf":
        head = text[:_SNIFF]
        return "purl.org/rss/1.0" in head or "<channel" in head
    return local in _FEED_ROOTS


def looks_like_json_feed(text: str) -> bool:
    """JSON Feed 1.0/1.1: an object whose ``version`` is a jsonfeed.org URL."""
    value = json_value(text)
    return isinstance(value, dict) and str(value.get("version", "")).startswith(JSON_FEED_VERSION)


def looks_like_html(text: str) -> bool:
    head = text[:_SNIFF]
    if _HTML_DOCTYPE.search(head):
        return True
    root = root_element(text)
    return root is not None and root.lower() in _HTML_ELEMENTS


def looks_like_capture(text: str) -> bool:
    """Prose someone copied off a page: text that is not markup and not JSON."""
    stripped = text.lstrip()
    if stripped.startswith("{") or root_element(text) is not None or json_value(text) is not None:
        return False
    return any(char.isalpha() for char in stripped[:_SNIFF])


def unknown_format_error(text: str) -> IngestError:
    """An error that says what the payload looked like, so the user knows what was refused."""
    value = json_value(text)
    stripped = text.lstrip()
    if isinstance(value, dict):
        sentence = 'unknown format: JSON that is not a JSON Feed (no "version" naming jsonfeed.org)'
    elif value is not None:
        kind = {"list": "array", "str": "string", "int": "number", "float": "number", "bool": "boolean"}.get(type(value).__name__, "value")
        sentence = f"unknown format: a JSON {kind}, not a JSON Feed object"
    elif stripped.startswith("{"):
        sentence = "unknown format: it starts like JSON but does not parse"
    elif (root := root_element(text)) is not None:
        sentence = f"unknown format: XML with root element <{root}>, not an RSS, Atom or RDF feed"
    else:
        sentence = "unknown format: not a feed, an HTML page or readable text"
    return IngestError("unknown_format", sentence)


def _doctype_end(head: str, pos: int) -> int:
    """The index of the '>' closing a <!DOCTYPE …>, stepping over an internal subset [ … ]."""
    close = head.find(">", pos)
    bracket = head.find("[", pos)
    if bracket != -1 and (close == -1 or bracket < close):
        subset_end = head.find("]", bracket)
        return -1 if subset_end == -1 else head.find(">", subset_end)
    return close
