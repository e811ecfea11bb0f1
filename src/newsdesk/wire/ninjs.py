"""IPTC ninjs 1.x, 2.x and 3.x (news in JSON): one structured WireDocument per item.

A payload is one item (a JSON object) or a collection (an array of items).
Every item is validated against the IPTC schema of its version before
anything is read from it (``ninjs_schema``); an invalid item refuses the whole
payload with the schema's reason and the JSON path it points at, so nothing
of it is stored as an article. A valid item is decoded (``ninjs_item``) and
mapped to a Draft (``ninjs_draft``); a valid item that is no story (a
picture, an event) becomes a document that says so.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsdesk.core.document import WITHDRAWN, WITHDRAWN_ID, StructuredDocument, WireDocument
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.wire.detect import json_value, json_whole_characters
from newsdesk.wire.ninjs_draft import ninjs_draft, not_a_story
from newsdesk.wire.ninjs_item import ninjs_item_decode
from newsdesk.wire.ninjs_schema import ninjs_check, ninjs_declaration, ninjs_vocabulary

_SNIFF = 16384
_URI_KEY = re.compile(r'[{,]\s*"uri"\s*:')


def looks_like_ninjs(text: str) -> bool:
    """A ninjs item or collection: JSON objects with a ``uri`` (the one property every version
    requires), alone or beside another property some ninjs version defines; or text that
    starts like one but is broken JSON, so that the reader can say where it breaks."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return False
    value = json_value(text)
    if value is None:
        return bool(_URI_KEY.search(stripped[:_SNIFF]))
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(_looks_like_item(item) for item in items)


def ninjs_read(text: str, *, origin: str, version: str | None = None) -> list[WireDocument]:
    """One document per item. Raises IngestError('invalid_ninjs', the schema's reason) for an invalid item.

    ``version`` names the ninjs version the payload is in when the caller knows
    it (a source's setting); otherwise each item's own declaration or property
    names decide.
    """
    value = _parse(text)
    if isinstance(value, list):
        if not value:
            raise IngestError("no_article", "no article: the ninjs collection is an empty array")
        items = [(f"$[{index}]", item) for index, item in enumerate(value)]
    else:
        items = [("$", value)]
    documents = []
    for where, item in items:
        if not isinstance(item, dict):
            raise IngestError("invalid_ninjs", f"invalid ninjs: {where}: an item must be a JSON object, not {type(item).__name__}")
        documents.append(_document(item, version=version, where=where))
    return documents


def _document(item: dict[str, Any], *, version: str | None, where: str) -> WireDocument:
    try:
        checked = ninjs_check(item, version=version, where=where)
    except IngestError as invalid:
        # A story must be valid to be stored. An item that is plainly no story (an event, a
        # picture) and names no version is skipped with the schema's complaint instead: the
        # reader cannot know which draft of the standard its sender followed, and stores
        # nothing of it either way. With a version named (by the caller or the item), the
        # schema is the contract and the item is refused.
        what = not_a_story(ninjs_item_decode(item))  # the decoder reads defensively: any JSON will do
        if what is None or version is not None or ninjs_declaration(item)[0] is not None:
            raise
        sentence = f"{what}, not an article (nor valid {invalid.message.removeprefix('invalid ')})"
        return StructuredDocument(text="", meta={"format": "ninjs", "not_an_article": sentence})
    meta = {"format": f"ninjs {checked}"}
    decoded = ninjs_item_decode(item)
    try:
        draft = ninjs_draft(decoded)
    except NotAnArticle as outcome:
        if decoded.pub_status in ("canceled", "withheld") and decoded.uri:
            meta |= {WITHDRAWN: decoded.pub_status, WITHDRAWN_ID: decoded.uri}
        return StructuredDocument(text="", meta={**meta, "not_an_article": outcome.message})
    return StructuredDocument(text=draft.body_html, url=draft.original_url, meta=meta, draft=draft)


def _parse(text: str) -> Any:
    try:
        return json_whole_characters(json.loads(text), text)
    except RecursionError:
        raise IngestError("invalid_ninjs", "invalid ninjs: the JSON is nested too deeply to read") from None
    except ValueError as error:
        raise IngestError("invalid_ninjs", f"invalid ninjs: not valid JSON ({error})") from None


def _looks_like_item(item: Any) -> bool:
    if not isinstance(item, dict) or "uri" not in item:
        return False
    names, patterns = ninjs_vocabulary()
    others = [key for key in item if key != "uri"]
    return not others or any(key in names or any(p.match(key) for p in patterns) for key in others)
