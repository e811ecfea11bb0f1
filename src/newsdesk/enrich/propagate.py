"""Find an entity's names again where the recogniser missed them.

The small model often skips a surname right after a quote ("“…,” Smeets
said") or at the start of a sentence; once the article has named the person
in full, every later "Smeets" is that person. The same goes for an
organisation's name or acronym. Quotes need these mentions to find who
spoke; salience needs them to count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsdesk.enrich.names import name_tokens
from newsdesk.enrich.resolve import Group
from newsdesk.enrich.spans import Found


def found_again(groups: list[Group], paragraphs: Sequence[str]) -> None:
    """Add to each person and organisation group the body mentions of its names that no span covered."""
    forms = _forms(groups, " ".join(paragraphs))
    if not forms:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    covered = {(f.paragraph, i) for g in groups for f in g.found if f.where == "body" for i in range(f.start, f.end)}
    for index, text in enumerate(paragraphs):
        for match in pattern.finditer(text):
            if any((index, i) in covered for i in range(match.start(), match.end())):
                continue
            group = forms[match.group(1)]
            group.found.append(Found(group.kind, match.group(1), "body", index, match.start(), match.end()))


def _forms(groups: list[Group], body: str) -> dict[str, Group]:
    """Each name, alias and (for a person with a full name) surname, when it points at exactly one entity."""
    owners: dict[str, list[Group]] = {}
    for group in groups:
        if group.kind not in ("person", "organisation"):
            continue
        names = {group.name, *group.aliases}
        tokens = name_tokens(group.name)
        if group.kind == "person" and len(tokens) > 1 and len(tokens[-1]) > 2:
            names.add(tokens[-1])
        for name in names:
            owners.setdefault(name, []).append(group)
    taken = Counter(t for g in groups if g.kind != "person" for t in g.name.split())
    return {
        name: found[0]
        for name, found in owners.items()
        if len(found) == 1 and len(name) > 1 and not re.search(rf"\b{re.escape(name.lower())}\b", body)
        and not (" " not in name and found[0].kind == "person" and taken[name])
    }
