"""The lead picture as a Draft field: caption and photographer's credit told apart.

Newspapers print the credit inside the caption ("… on Saturday. Photograph:
Tom Reyes/Valley Herald", "… (AP Photo/Jane Doe)"); ninjs keeps them apart
(the caption in ``descriptions``, the credit in ``by``), and so do we. The
patterns live in ``extract.caption``, shared with captured pages.
"""

from __future__ import annotations

import re

from newsdesk.core.draft import Picture
from newsdesk.extract.caption import caption_split
from newsdesk.extract.sanitise import plain_text

# "Photo: AFP", "Photo / Northwind Wire": the label a page prints before the photographer's name.
_CREDIT_LABEL = re.compile(r"^(?:photo(?:graph)?s?|image|picture|pic|credit|foto|illustration)\s*(?::|/)\s*(?=\S)", re.I)


def picture_make(url: str | None, caption: str | None, credit: str | None) -> Picture | None:
    """A Picture with a plain-text caption; an explicit credit wins over one printed in the caption."""
    caption, printed_credit = caption_credit_split(caption)
    credit = plain_text(credit) if credit else printed_credit
    if not url and not caption:
        return None
    return Picture(url=url, caption=caption, credit=credit_tidy(credit))


def caption_credit_split(caption: str | None) -> tuple[str | None, str | None]:
    """(caption, photo credit) of a caption that may end with its credit ("… Photo: Ann Lee", "… (Reuters)").

    The text is known to be a caption, so a bare agency closing it is its credit.
    """
    text = plain_text(caption) if caption else ""
    split = caption_split(text, loose=True) if text else None
    if split is None:
        return text or None, None
    return split[0] or None, split[1]


def credit_tidy(credit: str | None) -> str | None:
    """A photo credit without the brackets pages print around it ("(AP Photo/Jane Doe)" → "AP Photo/Jane Doe")."""
    text = " ".join((credit or "").split())
    while len(text) > 2 and text[0] + text[-1] in ("()", "[]"):
        text = text[1:-1].strip()
    return _CREDIT_LABEL.sub("", text) or None
