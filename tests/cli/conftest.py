"""Inputs for the ingest command: one good capture and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTDATA = Path(__file__).parent / "testdata"


@pytest.fixture
def good_capture() -> Path:
    return TESTDATA / "harbour-capture.txt"


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    """Each bad input of issue 2 point 6, with the reason code it must be refused with."""
    files = {
        "empty": ("empty.txt", b""),
        "binary": ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        "no_article": ("login.html", b"<!doctype html><html><head><title>Sign in</title></head><body><form><input name=u><button>Sign in</button></form></body></html>"),
        "bad_encoding": ("latin.txt", "Section\n\nCaf\u00e9 owners protest new rules\n\nThe owners of caf\u00e9s said on Monday that the rules would hurt trade.\n".encode("latin-1")),
        "unknown_format": ("data.json", b'{"rows": [1, 2, 3], "kind": "spreadsheet"}'),
    }
    paths = {}
    for reason, (name, content) in files.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths[reason] = path
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    paths["too_large"] = huge
    return paths
