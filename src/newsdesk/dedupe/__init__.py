"""Stage 3: fingerprints, near-duplicate search and story clusters, over data passed in.

Pure: texts and small dataclasses in, keys out. The pipeline stores the
fingerprints and story ids; these indexes are rebuilt from what it stored.
"""

from __future__ import annotations

from newsdesk.dedupe.fingerprint import Fingerprint, fingerprint
from newsdesk.dedupe.index import NearDuplicateIndex
from newsdesk.dedupe.normalise import normalise, shingles
from newsdesk.dedupe.stories import StoryArticle, StoryAssignment, StoryIndex, terms

__all__ = [
    "Fingerprint", "NearDuplicateIndex", "StoryArticle", "StoryAssignment", "StoryIndex", "fingerprint",
    "normalise", "shingles", "terms",
]
