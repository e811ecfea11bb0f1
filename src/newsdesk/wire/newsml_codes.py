"""IPTC NewsCodes the wire readers turn into newsroom words: top-level topics as sections.

The seventeen top-level IPTC Media Topics (and the Subject Codes they grew
from, which agencies such as TT still send) are the closest thing the IPTC
standards have to a newspaper's sections. Any scheme that reuses the codes
(``medtop:15000000``, ``subj:15000000``,
``http://cv.iptc.org/newscodes/mediatopic/15000000``, TT's ``subref``) maps to
the same section, so "Sport" is one section whichever wire it came from.
"""

from __future__ import annotations

import re

# Sorted by code; names are the desk's, not the IPTC's long labels.
TOP_LEVEL_SECTIONS = {
    "01": "Culture",
    "02": "Crime",
    "03": "Disasters",
    "04": "Business",
    "05": "Education",
    "06": "Environment",
    "07": "Health",
    "08": "Human Interest",
    "09": "Labour",
    "10": "Lifestyle",
    "11": "Politics",
    "12": "Religion",
    "13": "Science",
    "14": "Society",
    "15": "Sport",
    "16": "Conflict",
    "17": "Weather",
}
_TOP_LEVEL_CODE = re.compile(r"(?:^|[:/])(\d\d)000000/?$")


def section_for_code(code: str | None) -> str | None:
    """The section a top-level topic code names ("medtop:04000000" → "Business"), else None."""
    match = _TOP_LEVEL_CODE.search((code or "").strip())
    return TOP_LEVEL_SECTIONS.get(match.group(1)) if match else None
