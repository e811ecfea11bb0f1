"""Build tests/dedupe/testdata from tests/enrich/testdata: each labelled article and four republications of it.

Run once when the labelled articles change: python bench/understanding/make_dedupe_set.py
The republications are what sites do to wire copy (issue 4 point 1): their
own clutter and dateline style; a rewritten headline with the last paragraph
trimmed; a paragraph added; a feed entry with the first paragraphs only.
Different stories about the same event (the other groups of that event) are
the hard negatives.
"""
from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
src, out = ROOT / "tests" / "enrich" / "testdata", ROOT / "tests" / "dedupe" / "testdata"
CLUTTER = ["Advertisement", "Share this article", "Sign up for our morning newsletter", "Follow us on social media",
           "Scroll to continue reading", "Most read"]
FOOTERS = ["Copyright 2026 Northwind Wire. All rights reserved.", "This article was republished from a wire service.",
           "© 2026 Northwind Wire", "Comments are closed for this story."]
ADDED = [
    "This story has been updated with additional reporting.",
    "Reporting by Lena Marsh; editing by Tom Avery.",
    "An earlier version of this story misstated the day of the announcement.",
    "Northwind Wire contributed to this report from the regional desk.",
    "The story is developing and will be updated as more information becomes available.",
    "Additional reporting by the newsroom's business desk.",
]


def restyle_dateline(first: str, published: datetime) -> str:
    """"ROTTERDAM, Netherlands (Northwind Wire) — " as another site writes it: "Rotterdam, Netherlands, March 2 (…) - "."""
    m = re.match(r"^([A-ZØÅ][A-ZØÅ .'’-]+?)(, [^(—]+?)?\s*(\([^)]*\))?\s*—\s+", first)
    if not m:
        return first
    place = m.group(1).title().replace("’S", "’s")
    region = m.group(2) or ""
    credit = m.group(3) or "(Northwind Wire)"
    day = f"{published:%B} {published.day}"
    return f"{place}{region}, {day} {credit} - " + first[m.end():]


def straighten(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'")


def main() -> None:
    stems = sorted(p.name[:-4] for p in src.glob("*.txt"))
    heads = {}
    for stem in stems:
        heads[stem] = (src / f"{stem}.txt").read_text().split("\n", 1)[0]
    for n, stem in enumerate(stems):
        rng = random.Random(n)
        lines = (src / f"{stem}.txt").read_text().strip().split("\n\n")
        headline, paragraphs = lines[0], lines[1:]
        meta = json.loads((src / f"{stem}.expected.json").read_text())
        published = datetime.fromisoformat(meta["published"].replace("Z", "+00:00"))
        def when(minutes):
            return (published + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")
        other = heads[stems[(n + 7) % len(stems)]]
        docs = [{"id": f"{stem}/original", "variant": "original", "published": when(0),
                 "text": headline + "\n\n" + "\n\n".join(paragraphs)}]
        # 1. republished by a site: its own clutter between paragraphs, another dateline style, a footer
        body = [restyle_dateline(paragraphs[0], published), *paragraphs[1:]]
        body.insert(1, rng.choice(CLUTTER))
        body.insert(3, f"READ MORE: {other}")
        body += [rng.choice(FOOTERS), f"{rng.randint(12, 900)} views"]
        docs.append({"id": f"{stem}/clutter", "variant": "clutter", "published": when(rng.randint(20, 180)),
                     "text": headline + "\n\n" + "\n\n".join(body)})
        # 2. rewritten headline, last paragraph trimmed, quote marks straightened
        trimmed = paragraphs[:-1] if len(paragraphs) > 3 else paragraphs
        docs.append({"id": f"{stem}/rewrite", "variant": "rewrite", "published": when(rng.randint(30, 240)),
                     "text": straighten(meta["alt_headline"] + "\n\n" + "\n\n".join(trimmed))})
        # 3. a paragraph added at the end, the dateline dropped, paragraphs rewrapped
        first = re.sub(r"^[^—]{2,60}—\s+", "", paragraphs[0])
        added = [first, *paragraphs[1:], rng.choice(ADDED)]
        docs.append({"id": f"{stem}/added", "variant": "added", "published": when(rng.randint(60, 300)),
                     "text": headline.upper() + "\n\n" + "\n".join(added)})
        # 4. a feed entry: the first paragraphs only
        keep = max(2, round(len(paragraphs) * 0.6))
        docs.append({"id": f"{stem}/feed", "variant": "feed", "published": when(rng.randint(5, 60)),
                     "text": headline + "\n\n" + "\n\n".join(paragraphs[:keep]) + "\n\nContinue reading…"})
        group = {"group": stem, "event": meta["event"], "documents": docs}
        (out / f"{stem}.json").write_text(json.dumps(group, indent=1, ensure_ascii=False) + "\n")
    print(len(stems), "groups")


if __name__ == "__main__":
    main()
