"""`newsdesk ingest --json` reports a folded copy as a duplicate of its article, and every article's story."""

from __future__ import annotations

import json
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from newsdesk.pipeline.warm import warm_reset

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipeline"))
from wire_copies import as_capture, as_feed, document  # noqa: E402

pytestmark = pytest.mark.django_db


def test_ingest_json_reports_a_folded_copy_as_duplicate_of_its_article_with_its_story(tmp_path):
    warm_reset()
    stem = "07-kumamoto-chips-wire"
    capture = tmp_path / "chips.txt"
    capture.write_bytes(as_capture(*document(stem, "original")))
    feed = tmp_path / "courier.xml"
    feed.write_bytes(as_feed(*document(stem, "feed"), url="https://courier.example/chips"))
    other = tmp_path / "rates.txt"
    other.write_bytes(as_capture(*document("03-brazil-rates-wire", "original")))
    out = StringIO()
    call_command("ingest", str(capture), str(feed), str(other), "--json", stdout=out, stderr=StringIO())
    created, duplicate, unrelated = [json.loads(line) for line in out.getvalue().splitlines()]
    assert created["status"] == "created" and isinstance(created["story"], int)
    assert duplicate["status"] == "duplicate"
    assert duplicate["duplicate_of"] == created["id"] and duplicate["story"] == created["story"]
    assert unrelated["status"] == "created" and unrelated["story"] != created["story"]
    warm_reset()
