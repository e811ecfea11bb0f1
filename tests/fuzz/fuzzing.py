"""Hypothesis profiles for the fuzz tests: 2,000 cases a target in every suite run, 50,000 on request.

``ci`` is the default everywhere (CI, `make test`, a bare `pytest`), so a
developer runs exactly what CI runs. ``FUZZ_PROFILE=long`` (`make fuzz`) is
the long run documented in docs/security.md, ``FUZZ_PROFILE=dev`` a quick
loop while editing a reader. ``ci`` is derandomised: every run replays the
same 2,000 cases, so a red CI is a code change, not a new random draw; the
long run is random and keeps its failures in the example database
(``.hypothesis/``) so the next run replays them first. Applied to the fuzz
tests only (``@fuzz_settings``), never as the session default.

Every profile keeps the 2 s deadline, counted in CPU seconds of the test's
thread (``time.thread_time``): a case that costs more fails and is shrunk.
CPU time, because a wall-clock deadline measures the machine: with eight
people's tests on two cores a 0.1 s page took 3.5 s of wall time and failed
as "flaky". Hypothesis' own wall-clock deadline stays on at 10× (20 s), a
backstop for a case that hangs without using the CPU.
A case's CPU includes what the garbage collector does inside it, but the
collector must not walk the whole process: hypothesis keeps the choices of
every case of a target (1.5 million objects after 10,000 cases, whose full
collections took up to 1.25 s inside a case), and a target's record is
garbage when the next target starts (collected inside one NewsML case:
2.13 s, issue 6). So the heap is collected and what survives frozen
(``gc.freeze``) outside any case: before hypothesis starts a target, and
between two cases each time the cases since the last time reach a quarter
of all (at least 500, at most 5,000), about as often as Python itself
would walk the whole heap; all is thawed when the target ends. Inside a
case the collector walks the objects made since the last freeze, the
case's own among them: a case still pays for its own garbage.
Health checks suppressed, and why: ``too_slow`` and ``data_too_large``
because whole feeds and pages are the point (the deadline still bounds
each case); ``filter_too_much`` is not suppressed: no strategy filters.
"""

from __future__ import annotations

import functools
import gc
import os
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings

DEADLINE_S = 2.0
WALL_BACKSTOP_MS = 20_000
EXAMPLES = {"dev": 150, "ci": 2_000, "long": 50_000}
_COMMON = {
    "deadline": WALL_BACKSTOP_MS,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("fuzz-dev", max_examples=EXAMPLES["dev"], database=None, **_COMMON)
settings.register_profile("fuzz-ci", max_examples=EXAMPLES["ci"], database=None, derandomize=True, **_COMMON)
settings.register_profile("fuzz-long", max_examples=EXAMPLES["long"], derandomize=False, **_COMMON)

PROFILE = os.environ.get("FUZZ_PROFILE", "ci").removeprefix("fuzz-")
if PROFILE not in EXAMPLES:
    raise ValueError(f"FUZZ_PROFILE={PROFILE!r}: use one of {', '.join(EXAMPLES)}")
# FUZZ_EXAMPLES overrides the count (a long run of one target: `FUZZ_PROFILE=long FUZZ_EXAMPLES=200000 pytest tests/fuzz -k gains`).
_settings = settings(settings.get_profile(f"fuzz-{PROFILE}"), **({"max_examples": int(os.environ["FUZZ_EXAMPLES"])} if os.environ.get("FUZZ_EXAMPLES") else {}))


class CaseTooSlow(AssertionError):
    """A case that cost more CPU than the deadline."""


class _CollectorClock:
    """CPU seconds spent in the garbage collector, so a case over the deadline says how much of it was not its own."""

    def __init__(self) -> None:
        self.seconds, self._started = 0.0, None
        gc.callbacks.append(self)

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.thread_time()
        elif self._started is not None:
            self.seconds += time.thread_time() - self._started
            self._started = None


_COLLECTOR = _CollectorClock()


class _Heap:
    """The objects alive between cases, collected and frozen between two cases as the target's record grows."""

    def __init__(self, *, every_at_least: int = 500, every_at_most: int = 5_000) -> None:
        self.every_at_least, self.every_at_most = every_at_least, every_at_most
        self.cases = self.frozen_at = 0

    def refreeze(self) -> None:
        """Collect the whole heap and freeze what survives."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.frozen_at = self.cases

    def case_starts(self) -> None:
        if self.cases - self.frozen_at >= min(max(self.every_at_least, self.frozen_at // 4), self.every_at_most):
            self.refreeze()
        self.cases += 1

    def thaw(self) -> None:
        """After a target, passed or failed: nothing stays frozen for the tests that follow."""
        gc.unfreeze()
        self.cases = self.frozen_at = 0


HEAP = _Heap()


def fuzz_settings(test: Callable[..., Any]) -> Callable[..., Any]:
    """The profile's settings and the 2 s CPU deadline, for a test already wrapped by ``@given``."""
    test = _settings(test)
    inner = test.hypothesis.inner_test  # hypothesis' documented hook for wrapping each case

    @functools.wraps(inner)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        HEAP.case_starts()
        start, collected = time.thread_time(), _COLLECTOR.seconds
        result = inner(*args, **kwargs)
        if (spent := time.thread_time() - start) > DEADLINE_S:
            in_gc = _COLLECTOR.seconds - collected
            raise CaseTooSlow(f"the case took {spent:.2f} s of CPU ({in_gc:.2f} s of it collecting garbage), over the {DEADLINE_S:.0f} s deadline")
        return result

    test.hypothesis.inner_test = bounded

    @functools.wraps(test)
    def target(*args: Any, **kwargs: Any) -> Any:
        HEAP.refreeze()  # before hypothesis starts: the previous target's record is garbage now, the largest collection of all
        try:
            return test(*args, **kwargs)
        finally:
            HEAP.thaw()

    return target
