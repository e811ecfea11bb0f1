"""The lead picture as a Draft field: caption and photographer's credit told apart.

Newspapers print the credit inside the caption ("… on Saturday. Photograph:
Tom Reyes/Valley Herald", "… (AP Photo/Jane Doe)"); ninjs keeps them apart
(the caption in ``descriptions``, the credit in ``by``), and so do we. The
patterns live in ``extract.caption``, shared with captured pages.
"""

from __future__ import annotations

from newsdesk.core.draft import Picture
from newsdesk.extract.caption import caption_split
from newsdesk.extract.sanitise import plain_text


def picture_make(url: str | None, caption: str | None, credit: str | None) -> Picture | None:
    """A Picture with a plain-text caption; an explicit credit wins over one printed in the caption."""
    caption, printed_credit = caption_credit_split(caption)
    credit = plain_text(credit) if credit else printed_credit
    if not url and not caption:
        return None
    return Picture(url=url, caption=caption, credit=credit or None)


def caption_credit_split(caption: str | None) -> tuple[str | None, str | None]:
    """(caption, photo credit) of a caption that may end with its credit ("… Photo: Ann Lee")."""
    text = plain_text(caption) if caption else ""
    split = caption_split(text) if text else None
    if split is None:
        return text or None, None
    return split[0] or None, split[1]
