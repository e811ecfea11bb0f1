"""Fingerprints: what republishing changes does not change them; they round-trip through storage."""

from __future__ import annotations

from newsdesk.dedupe import Fingerprint, fingerprint, normalise, shingles

WIRE = (
    "ROTTERDAM, Netherlands (Northwind Wire) — Thousands of dockworkers walked off the job on Monday, halting "
    "container traffic at the port in a dispute over plans to automate two terminals.\n\n"
    "“We are not against machines,” said Joris Verbeek, the union’s chief negotiator."
)


def test_dateline_style_quote_marks_case_and_spacing_do_not_matter():
    republished = (
        "Rotterdam, March 2 (Northwind Wire) - THOUSANDS of dockworkers walked off the job on Monday,  halting "
        "container traffic at the port in a dispute over plans to automate two terminals.\n"
        '"We are not against machines," said Joris Verbeek, the union\'s chief negotiator.'
    )
    assert normalise(WIRE) == normalise(republished)
    assert fingerprint(WIRE) == fingerprint(republished)


def test_shingles_are_five_word_runs():
    assert shingles("one two three four five six") == {"one two three four five", "two three four five six"}
    assert shingles("too short") == {"too short"} and shingles("") == set()


def test_fingerprint_survives_storage_as_bytes():
    stored = fingerprint(WIRE)
    assert Fingerprint.from_bytes(stored.to_bytes()) == stored
    assert stored.jaccard(Fingerprint.from_bytes(stored.to_bytes())) == 1.0


def test_a_trimmed_copy_is_contained_in_the_full_text():
    full = " ".join(f"Sentence {i} of the report adds another fact about the strike at the port." for i in range(30))
    trimmed = full[: len(full) // 2]
    assert fingerprint(trimmed).containment(fingerprint(full)) > 0.8
    assert fingerprint(trimmed).jaccard(fingerprint(full)) < 0.7
