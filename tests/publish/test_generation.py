"""The page generation's stamp: every commit gives a generation never seen before, in every process on the machine."""

from __future__ import annotations

import pytest

from newsdesk.publish.bake import generation


@pytest.fixture
def home(settings, tmp_path):
    settings.HOME = tmp_path
    return tmp_path


def test_every_commit_gives_a_new_stamp_even_within_one_clock_tick(home):
    seen = {generation.current()[0]}
    for _ in range(50):  # faster than the file system's clock ticks: the size tells them apart
        generation.committed()
        seen.add(generation.current()[0])
    assert len(seen) == 51
    assert (home / generation.STAMP).stat().st_size == 50, "one byte a commit, nothing rewritten"


def test_a_rolled_stamp_file_is_a_new_generation_not_an_old_one(home, monkeypatch):
    monkeypatch.setattr(generation, "ROLL_AT", 10)
    stamps = []
    for _ in range(25):
        generation.committed()
        stamps.append(generation.current()[0])
    assert len(set(stamps)) == 25, "a generation came back after the file was replaced"
    assert (home / generation.STAMP).stat().st_size < 10, "the file is replaced once it reaches ROLL_AT bytes"


def test_no_stamp_yet_is_a_generation_of_its_own(home):
    before = generation.current()[0]
    generation.committed()
    assert before is None and generation.current()[0] is not None
