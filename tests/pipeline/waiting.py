"""Waiting for something a background worker does, with a deadline."""

from __future__ import annotations

import time


def wait_for(condition, *, timeout: float, every: float = 0.1, what: str = "condition"):
    """Poll ``condition`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
