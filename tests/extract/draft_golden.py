"""Helpers for extractor tests: a Draft as golden JSON, and its ninjs checked against the IPTC schema."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsdesk.core.draft import Draft
from newsdesk.core.ninjs import draft_to_ninjs

# The IPTC schema lives in the team's shared bench, outside the repo; on a
# fresh clone the ninjs checks are skipped, never faked.
NINJS_SCHEMA = Path("/work/shared/bench/ninjs/specification/ninjs-schema_3.1.json")


def draft_as_json(draft: Draft) -> dict[str, Any]:
    """A Draft as plain JSON: dates in ISO 8601, tuples as lists."""
    value = dataclasses.asdict(draft)
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, datetime) else str(v)))


def golden_compare(actual: dict[str, Any], expected_path: Path) -> None:
    """Compare with NAME.expected.json; NEWSDESK_UPDATE_GOLDEN=1 rewrites it (review the diff before committing)."""
    if os.environ.get("NEWSDESK_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(NINJS_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def ninjs_errors(draft: Draft) -> list[str]:
    """Why the draft's ninjs does not validate against ninjs 3.1 (empty when it does); skips without the schema."""
    if not NINJS_SCHEMA.exists():
        pytest.skip(f"ninjs schema not found at {NINJS_SCHEMA} (the shared bench is not on this machine)")
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(draft_to_ninjs(draft))]
