"""The spaCy model for tests: skipped with the reason when it is not installed, a failure when CI is set."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # bench.understanding.evalsets: the evaluation sets' loader and scoring


def model_or_skip():
    """The recogniser, or skip naming what to install; with CI set a missing model fails the run."""
    from newsdesk.enrich import load_recognizer, model_installed
    from newsdesk.enrich.recognizer import INSTALL_HINT

    if model_installed() is None:
        reason = f"no spaCy English model installed ({INSTALL_HINT})"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; with CI set the entity tests must run")
        pytest.skip(reason)
    return load_recognizer()
