"""How central an entity is to an article, from 0 to 1: named in the headline, in the lead, and how often.

At 0.5 or more the article is "about" the entity (ninjs rel), below it only
"mentions" it. Weights chosen on the evaluation set (bench/understanding).
"""

from __future__ import annotations

import re

from newsdesk.enrich.names import name_tokens
from newsdesk.enrich.resolve import Group

HEADLINE_WEIGHT = 0.45
LEAD_WEIGHT = 0.2
FREQUENCY_WEIGHT = 0.35
CREDIT_ONLY = 0.1  # the agency credited for the copy is named, not written about


def salience(group: Group, *, headline: str, most_mentions: int) -> float:
    body = [f for f in group.found if f.where in ("body", "headline", "dateline")]
    if not body:
        return CREDIT_ONLY
    in_headline = any(f.where == "headline" for f in group.found) or _named_in(group, headline)
    in_lead = any(f.where == "dateline" or (f.where == "body" and f.paragraph == 0) for f in group.found)
    share = len(body) / max(most_mentions, 1)
    score = HEADLINE_WEIGHT * in_headline + LEAD_WEIGHT * in_lead + FREQUENCY_WEIGHT * min(share, 1.0)
    return round(min(score, 1.0), 3)


def _named_in(group: Group, headline: str) -> bool:
    """The headline names the entity, by any of its names or (for a person) a surname: "Xi meets Kim"."""
    forms = {group.name, *group.aliases}
    if group.kind == "person":
        tokens = name_tokens(group.name)
        forms |= {tokens[0], tokens[-1]} if tokens else set()
    return any(len(form) > 1 and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", headline) for form in forms)
