"""The fuzz tests time each case (2 s): load what the stages import lazily before the first case, not inside it.

``extract.draft_from_document`` and ``extract.article_text`` import the page
extractor (trafilatura, justext's stoplists of 100 languages, dateparser's
205 locales) on the first page they meet, which takes seconds once per
process: that is start-up, not the cost of a case. So is hypothesis' table
of the characters UTF-8 encodes, which a text strategy builds the first time
it is drawn from, inside the case for the targets that draw in the test:
0.8 s when ``.hypothesis/unicode_data`` is not there yet, as in a fresh CI
checkout.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

import newsdesk.extract.capture  # noqa: F401
import newsdesk.extract.entry  # noqa: F401
import newsdesk.extract.page  # noqa: F401
import newsdesk.extract.text  # noqa: F401


@pytest.fixture(scope="session", autouse=True)
def text_strategies_built():
    """Before the first test rather than at import, where hypothesis warns against it."""
    st.text().validate()
