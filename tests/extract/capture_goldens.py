"""Golden files for the capture extractor: NAME.txt beside NAME.expected.json.

Run ``python tests/extract/capture_goldens.py [NAME ...]`` to (re)write the
expected files from the current extractor; then read every changed file by
eye before committing it: a golden is only as good as that reading.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from typing import Any

from newsdesk.core.draft import Draft
from newsdesk.extract.capture import draft_from_capture

CAPTURES = Path(__file__).parent / "testdata" / "captures"
FIELDS = (
    "headline", "section", "published", "updated", "dateline", "byline", "credit", "caption", "picture_credit",
    "summary", "source_view_count", "keywords", "paragraphs",
)


def capture_names() -> list[str]:
    return sorted(path.name.removesuffix(".txt") for path in CAPTURES.glob("*.txt"))


def body_paragraphs(body_html: str) -> list[str]:
    """The paragraph texts of a body, as a reader sees them."""
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", body_html, flags=re.DOTALL)]


def draft_fields(draft: Draft) -> dict[str, Any]:
    """The fields a golden file records, in JSON types (dates as ISO 8601 with offset)."""
    picture = draft.picture
    return {
        "headline": draft.headline,
        "section": draft.section,
        "published": draft.published.isoformat() if draft.published else None,
        "updated": draft.updated.isoformat() if draft.updated else None,
        "dateline": draft.dateline,
        "byline": draft.byline,
        "credit": draft.credit,
        "caption": picture.caption if picture else None,
        "picture_credit": picture.credit if picture else None,
        "summary": draft.summary,
        "source_view_count": draft.source_view_count,
        "keywords": list(draft.keywords),
        "paragraphs": body_paragraphs(draft.body_html),
    }


def capture_extract(name: str) -> Draft:
    return draft_from_capture((CAPTURES / f"{name}.txt").read_text(encoding="utf-8"))


def expected(name: str) -> dict[str, Any]:
    return json.loads((CAPTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


def golden_write(name: str) -> Path:
    path = CAPTURES / f"{name}.expected.json"
    fields = draft_fields(capture_extract(name))
    path.write_text(json.dumps(fields, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    for name in sys.argv[1:] or capture_names():
        print(golden_write(name))
