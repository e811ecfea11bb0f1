"""Fixtures for the enrich tests: the spaCy recogniser (see enrich_model.model_or_skip)."""

from __future__ import annotations

import pytest
from enrich_model import model_or_skip


@pytest.fixture(scope="session")
def recognizer():
    return model_or_skip()
