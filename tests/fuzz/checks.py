"""What every fuzz target asserts about what comes out: a refusal explains itself, a draft is safe to publish."""

from __future__ import annotations

import json
import re

from markup_checks import executable_parts

from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError
from newsdesk.core.ninjs import draft_to_ninjs
from newsdesk.extract.sanitise import body_sanitise


def refusal_is_explained(error: IngestError) -> None:
    assert isinstance(error.reason, str) and re.fullmatch(r"[a-z_]+", error.reason), error.reason
    assert str(error).strip(), f"{error.reason} without a sentence"


def draft_is_safe(draft: Draft) -> None:
    """A headline, a body already sanitised (sanitising again changes nothing) with nothing executable, web links only."""
    assert isinstance(draft, Draft) and draft.headline.strip()
    assert body_sanitise(draft.body_html) == draft.body_html, "the body was not sanitised last"
    assert executable_parts(draft.body_html) == [], draft.body_html
    # What `newsdesk extract` prints and the API serves: ninjs, with web links only (save and output keep
    # only http(s) URLs; the draft itself may still carry the wire's javascript: link).
    item = draft_to_ninjs(draft)
    for href in re.findall(r'"(?:href|uri)": "([^"]*)"', json.dumps(item)):
        assert href.startswith(("http://", "https://", "urn:")), href
