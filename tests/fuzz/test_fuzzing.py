"""The fuzz deadline counts the case, not the process's heap: what is alive between cases is frozen (``fuzzing``).

A full collection that lands inside a case would otherwise walk everything
the process holds: what hypothesis keeps of a target's earlier cases, and the
garbage the previous target left (2.13 s inside one NewsML case of the
10,000-case run, issue 6). Garbage is collected between cases instead; the
case still pays for collecting its own; nothing stays frozen after a target.
"""

from __future__ import annotations

import gc
import weakref

import pytest
from fuzzing import _Heap, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st


class _Cycle:
    """An object only the cycle collector can free."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector_by_hand():
    """No automatic collection during the test: only the collections the code under test makes happen."""
    gc.disable()
    yield
    gc.enable()


def test_a_target_s_case_has_older_garbage_collected_before_it_its_own_in_it_and_the_rest_frozen(collector_by_hand):
    older = _Cycle()
    older_freed = weakref.ref(older)
    del older
    kept = _Cycle()  # alive through the case, as hypothesis' record of earlier cases is
    seen = {}

    @fuzz_settings
    @given(st.just("case"))
    def case(_):
        seen["older freed before the case"] = older_freed() is None
        own = _Cycle()
        own_freed = weakref.ref(own)
        del own
        gc.collect()
        seen["own freed in the case"] = own_freed() is None
        seen["kept out of the collector's reach"] = not any(found is kept for found in gc.get_objects())

    case()
    assert seen == dict.fromkeys(seen, True) and len(seen) == 3, seen
    assert gc.get_freeze_count() == 0 and any(found is kept for found in gc.get_objects())


def test_garbage_made_between_cases_is_collected_every_quarter_of_the_cases_so_far_within_bounds(collector_by_hand):
    heap = _Heap(every_at_least=10, every_at_most=20)
    full_collections = []
    watch = lambda phase, info: phase == "start" and info["generation"] == 2 and full_collections.append(heap.cases)  # noqa: E731
    gc.callbacks.append(watch)
    try:
        heap.refreeze()  # as a target does before hypothesis runs its first case
        heap.case_starts()
        between = _Cycle()
        freed = weakref.ref(between)
        del between
        for _ in range(9):
            heap.case_starts()
        assert freed() is not None
        heap.case_starts()
        assert freed() is None, "garbage made between cases outlived the interval"
        while heap.cases < 100:
            heap.case_starts()
    finally:
        gc.callbacks.remove(watch)
        heap.thaw()
    assert full_collections == [0, 10, 20, 30, 40, 50, 62, 77, 96]
    assert gc.get_freeze_count() == 0


def test_a_target_that_fails_leaves_nothing_frozen():
    @fuzz_settings
    @given(st.just("case"))
    def case(_):
        raise ValueError("the reader crashed")

    with pytest.raises(ValueError, match="the reader crashed"):
        case()
    assert gc.get_freeze_count() == 0
