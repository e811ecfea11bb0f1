"""The fuzz tests time each case (2 s): load what the stages import lazily before the first case, not inside it.

``extract.draft_from_document`` and ``extract.article_text`` import the page
extractor (trafilatura, and justext's stoplists of 100 languages) on the
first page they meet, which takes seconds once per process: that is start-up,
not the cost of a case.
"""

from __future__ import annotations

import newsdesk.extract.capture  # noqa: F401
import newsdesk.extract.entry  # noqa: F401
import newsdesk.extract.page  # noqa: F401
import newsdesk.extract.text  # noqa: F401
