"""Chromium for the browser tests, in one place: where it is, how it is started, and the fixtures that hand it out.

``tests/conftest.py`` re-exports the fixtures, so any test can ask for
``chromium_path`` (the executable, or a skip — a failure under CI — when it
is missing) or ``browser`` (a launched headless Chromium, closed after the
test). Code that drives Playwright itself (``tests/hostile/browser.py``)
uses ``chromium_or_skip`` and ``chromium_launch``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_or_skip() -> str:
    """Chromium's path; the test is skipped without it (and fails under CI, where it must be installed)."""
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return str(CHROMIUM)


def chromium_launch(playwright, chromium: str | None = None):
    """A headless Chromium started the way every browser test starts it."""
    return playwright.chromium.launch(executable_path=chromium or chromium_or_skip(), args=CHROMIUM_ARGS)


@pytest.fixture
def chromium_path() -> str:
    return chromium_or_skip()


@pytest.fixture
def browser(chromium_path, monkeypatch):
    """A launched Chromium; Playwright's sync API runs an event loop in this thread, so the ORM is told it is fine."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        launched = chromium_launch(playwright, chromium_path)
        try:
            yield launched
        finally:
            launched.close()
