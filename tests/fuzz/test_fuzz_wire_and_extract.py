"""Fuzzing the whole read-and-extract path: any payload becomes safe drafts or a refusal with a reason, in under 2 s.

``wire.read`` decodes, detects the format and routes to a reader; each
reader and extractor is fuzzed on its own (``test_fuzz_readers.py``,
``test_fuzz_extractors.py``), so these targets aim at what only the whole
path has: detection and decoding. Payloads are shaped like every format the
wire sends (``shapes.py``), encoded honestly or not (UTF-16 with and without
a BOM, Latin-1, lying Content-Types) and sometimes cut short or spliced with
random bytes, then sent through ``pipeline.preview.drafts_from_payload``,
exactly what ``item_process`` runs before saving; plus arbitrary bytes
straight into ``wire.read``. Only an ``IngestError`` with a reason code and
a sentence may come out; a draft has a headline and an already sanitised
body with nothing executable, and serialises to ninjs with web-only links.
"""

from __future__ import annotations

from checks import draft_is_safe, refusal_is_explained
from fuzzing import fuzz_settings
from hypothesis import event, given
from hypothesis import strategies as st
from shapes import SHAPES, encoded

from newsdesk import wire
from newsdesk.core.errors import IngestError
from newsdesk.pipeline.preview import drafts_from_payload

MAX_BYTES = 15 * 1024 * 1024
any_shape = st.sampled_from(sorted(SHAPES)).flatmap(lambda shape: encoded(SHAPES[shape]).map(lambda sent: (shape, *sent)))


@fuzz_settings
@given(any_shape)
def test_any_payload_shaped_like_a_wire_format_becomes_safe_drafts_or_a_refusal_with_a_reason(sent):
    shape, payload, content_type = sent
    try:
        drafts = drafts_from_payload(payload, origin=f"fuzz-{shape}", content_type=content_type, max_bytes=MAX_BYTES)
    except IngestError as error:
        event(f"{shape} refused: {error.reason}")
        refusal_is_explained(error)
        return
    event(f"{shape} drafts")
    for draft in drafts:
        draft_is_safe(draft)


@fuzz_settings
@given(payload=st.binary(max_size=4096), content_type=st.sampled_from(["", "text/html", "application/json", "text/xml; charset=utf-16"]))
def test_any_bytes_are_read_or_refused_with_a_reason(payload, content_type):
    try:
        documents = wire.read(payload, origin="fuzz-bytes", content_type=content_type)
    except IngestError as error:
        refusal_is_explained(error)
        return
    assert isinstance(documents, list)
