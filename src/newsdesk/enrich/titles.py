"""Titles and roles: kept as a person's description, never as part of the name (issue 4 point 3).

"Chinese leader Xi Jinping" is Xi Jinping described as "Chinese leader";
"Edward Howell, a lecturer in politics at the University of Oxford," is
Edward Howell described as "a lecturer in politics at the University of Oxford".
"""

from __future__ import annotations

import re

# Honorifics and offices written before a name. Multi-word titles first so the longest wins.
TITLES = (
    "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister", "Defence Minister",
    "Defense Minister", "Finance Minister", "Interior Minister", "Health Minister", "Trade Minister",
    "Energy Minister", "Education Minister", "Justice Minister", "Secretary of State", "Secretary-General",
    "Secretary General", "Chief Executive", "Crown Prince", "Supreme Leader", "First Lady", "Chief Justice",
    "Attorney General", "Lieutenant General", "Major General", "Rear Admiral",
    "President", "Premier", "Chancellor", "Minister", "Secretary", "Senator", "Sen.", "Rep.", "Representative",
    "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
    "Emperor", "Empress", "General", "Gen.", "Admiral", "Adm.", "Colonel", "Col.", "Major", "Maj.", "Captain",
    "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Commander", "Cmdr.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.",
    "Mrs", "Ms.", "Ms", "Miss", "Mx", "Professor", "Prof.", "Judge", "Justice", "Chairman", "Chairwoman",
    "Chair", "Director", "Ambassador", "Commissioner", "Inspector", "Detective", "Officer", "Coach", "Sir",
    "Dame", "Lord", "Lady", "Rev.", "Reverend", "Father", "Archbishop", "Bishop", "Cardinal", "Rabbi", "Imam",
    "Sheikh", "Emir", "Sultan", "Speaker", "Chief", "Spokesperson", "Spokesman", "Spokeswoman",
)
# Role nouns written in lower case before a name: "Chinese leader Xi Jinping", "opposition lawmaker Ana Lopes".
ROLE_NOUNS = (
    "leader", "president", "prime minister", "premier", "minister", "chancellor", "spokesperson", "spokesman",
    "spokeswoman", "lawmaker", "legislator", "senator", "governor", "mayor", "diplomat", "envoy", "ambassador",
    "official", "analyst", "economist", "scientist", "researcher", "professor", "lecturer", "expert", "activist",
    "chief executive", "executive", "founder", "chairman", "chairwoman", "director", "commander", "general",
    "coach", "captain", "striker", "player", "manager", "singer", "actor", "actress", "author", "writer",
    "dictator", "strongman", "counterpart", "head", "chief", "judge", "lawyer", "attorney", "prosecutor",
    "candidate", "rival", "successor", "predecessor", "correspondent", "editor", "photographer", "reporter",
)
# Words that may stand before a title and belong to it: "former", "North Korean", "Russia’s".
_MODIFIER = re.compile(r"^(?:former|then-|acting|deputy|interim|outgoing|incoming|vice|opposition|"
                       r"[A-Z][\w.-]*(?:’s|'s)?)$")
_NOT_MODIFIERS = frozenset({
    "The", "A", "An", "On", "In", "At", "But", "And", "Or", "As", "After", "Before", "When", "While", "Since",
    "By", "For", "With", "From", "Of", "To", "If", "Then", "Meanwhile", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Last", "Earlier", "Later", "Both", "Also",
})
_TITLE_WORDS = {t.casefold() for t in TITLES}
_ROLE_RE = "|".join(re.escape(t) for t in sorted({*TITLES, *ROLE_NOUNS}, key=len, reverse=True))
_TITLE_END = re.compile(rf"(?:^|(?<=[\s(“\"]))({_ROLE_RE})\s+$", re.IGNORECASE)
_APPOSITIVE = re.compile(
    r"^\s*,\s+((?:a|an|the|former|who|whose)\s[^,;:“”\"()]{2,160}?(?:\s(?:of|at|for|in)\s[^,;:“”\"()]{2,80}?)?)\s*(?=,|\.|;|$)"
)


def title_split(name: str) -> tuple[str | None, str]:
    """Split a leading title off a name: "President Donald Trump" -> ("President", "Donald Trump")."""
    words = name.split()
    taken = 0
    while taken < len(words) - 1:
        for size in (3, 2, 1):
            head = " ".join(words[taken:taken + size])
            if taken + size < len(words) and head.casefold() in _TITLE_WORDS:
                taken += size
                break
        else:
            break
    if not taken:
        return None, name
    return " ".join(words[:taken]), " ".join(words[taken:])


def title_before(text: str, start: int) -> str | None:
    """The title or role written just before a name that starts at `start`: "Chinese leader", "President"."""
    before = text[max(0, start - 80):start]
    match = _TITLE_END.search(before)
    if not match:
        return None
    title = match.group(1)
    words = before[:match.start(1)].split()
    modifiers: list[str] = []
    for word in reversed(words[-3:]):
        if word in _NOT_MODIFIERS or not _MODIFIER.match(word) or word.endswith((",", ".", ":", ";")):
            break
        modifiers.insert(0, word)
    return " ".join([*modifiers, title])


def appositive_after(text: str, end: int) -> str | None:
    """The description set off by commas after a name: ", a lecturer in politics at the University of Oxford,"."""
    match = _APPOSITIVE.match(text[end:end + 260])
    if not match:
        return None
    description = match.group(1).strip()
    if description.split()[0] in ("who", "whose") or len(description.split()) < 2:
        return None
    return description
