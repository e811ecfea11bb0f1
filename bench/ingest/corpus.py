"""The bench/ingest corpus: invented news, as RSS feeds and article pages in a folder.

Every story is made up here from word lists by a seeded generator (no real
copy): a headline, a dateline, a byline and six to eleven paragraphs. A feed
carries ``per_feed`` entries; the first ``full_share`` of them carry the whole
story (``content:encoded``), the others only a summary and the link to the
story's page, so newsdesk fetches the page and extracts it (issue 3 point 2).
Pages look like a small news site's: navigation, breadcrumbs, share buttons,
a most-read rail, related stories, a newsletter box, inline script and
style, a footer (about 100 KB and 1,400 tags each, like the median page of the
public extraction benchmarks).

Written to ``folder``: ``feeds/f{n}.xml``, ``pages/{key}.html`` for every
story, and ``bodies/{key}.html`` — for each story the HTML its body is
extracted from in the pipeline (the feed entry's content for a full entry,
the page for a summary-only one), which bare trafilatura reads in the same
run. Links say ``http://BENCH-HOST``; the server puts in the port that
answers (``bench/poll/server.py``).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path

START = datetime(2026, 3, 2, 6, 0, tzinfo=timezone.utc)
HOST = "http://BENCH-HOST"
SUMMARY_MARK = "In brief:"  # opens every summary and no page text: an article still holding it did not get its page

TOWNS = [
    "Harwick", "Lindqvist Bay", "Marrow End", "Port Ellery", "Southmere", "Calder Rise", "Oskarvik", "Tamsin Ford",
    "Bellweather", "Quarry Hill", "Norrland Cross", "Vessa", "Ardent Point", "Kilmory Sound", "Redfern Vale", "Ostrava Nova",
]
PEOPLE = [
    "Mara Okonjo", "Tobias Lindgren", "Priya Castellanos", "Edwin Farrow", "Ingrid Salo", "Kwame Adeyemi", "Lucia Brandt",
    "Hamish Drummond", "Noor Haddad", "Felix Aranda", "Sunniva Berg", "Dmitri Vance", "Aiko Tanabe", "Rosalind Achebe",
]
ROLES = [
    "the harbour master", "the mayor", "a spokeswoman for the transport authority", "the chief inspector",
    "a union representative", "the regional health director", "an economist at the chamber of commerce",
    "the head of the school board", "a spokesman for the water company", "the council's finance chair",
]
BODIES = [
    "the regional council", "the port authority", "the water board", "the rail operator", "the hospital trust",
    "the farmers' cooperative", "the fishing association", "the teachers' union", "the energy regulator", "the library service",
]
TOPICS = [
    ("ferry timetable", "crossings"), ("flood barrier", "repairs"), ("night bus network", "routes"), ("school meals plan", "menus"),
    ("wind farm", "turbines"), ("market hall", "stalls"), ("bridge closure", "diversions"), ("hospital wing", "beds"),
    ("harbour dredging", "berths"), ("cycle lane scheme", "junctions"), ("heat pump grant", "households"), ("library merger", "branches"),
]
SECTIONS = ["Local", "Business", "Environment", "Transport", "Health", "Education"]
VERBS = ["approved", "delayed", "rejected", "expanded", "postponed", "scaled back", "put out to tender", "reopened"]
SENTENCES = [
    "{Body} {verb} the {topic} on {day} after a vote of {votes} to {against}, ending {months} months of argument.",
    "\u201cWe have listened to people in {town},\u201d said {person}, {role}. \u201cThis is the plan they asked for.\u201d",
    "The cost has risen to {money} million, about {pct} per cent more than the estimate published in {month}.",
    "Residents near the {place} said the work would take {weeks} weeks and close the road for most of that time.",
    "According to figures released by {body}, {count} {unit} were affected last winter, up from {count2} a year earlier.",
    "{person}, {role}, said the {topic} would be reviewed again in {month} if the {unit} did not improve.",
    "Opposition members in {town} called the decision rushed and asked for the full report to be published.",
    "Shopkeepers on {street} Street reported a drop in trade of around {pct} per cent during the first phase.",
    "The {topic} was first proposed in {year}, when {body} warned that the old arrangements could not last.",
    "A public meeting is planned for {day} evening at the {place}, where engineers will answer questions.",
    "{person} said that {count} letters had been received, most of them in favour of changing the {unit}.",
    "Under the plan, {count} {unit} will be added by {year2}, funded partly by a national grant of {money} million.",
    "Critics pointed out that a similar scheme in {town2} had run {pct} per cent over budget and two years late.",
    "\u201cNobody here is against progress,\u201d said {person2}, who has lived in {town} for {years} years. \u201cWe want it done properly.\u201d",
]
PLACES = ["town hall", "old customs house", "community centre", "sports ground", "fish market", "railway station", "quayside"]
STREETS = ["Mill", "Chapel", "Harbour", "Station", "Ropewalk", "Tanner", "Market", "Kingsgate"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "September", "October", "November"]


@dataclass(frozen=True)
class Story:
    key: str
    headline: str
    section: str
    dateline: str
    byline: str
    paragraphs: tuple[str, ...]
    summary: str
    when: datetime
    full: bool  # full text in the feed, or a summary and the link


def story_make(rng: random.Random, key: str, when: datetime, *, full: bool) -> Story:
    town, person = rng.choice(TOWNS), rng.choice(PEOPLE)
    topic, unit = rng.choice(TOPICS)
    body, verb = rng.choice(BODIES), rng.choice(VERBS)

    def sentence() -> str:
        values = {
            "Body": body[0].upper() + body[1:], "body": rng.choice(BODIES), "verb": verb, "topic": topic, "unit": unit,
            "town": town, "town2": rng.choice(TOWNS), "person": person, "person2": rng.choice(PEOPLE), "role": rng.choice(ROLES),
            "day": rng.choice(DAYS), "month": rng.choice(MONTHS), "votes": rng.randint(9, 30), "against": rng.randint(2, 8),
            "months": rng.randint(3, 40), "money": f"{rng.randint(2, 480)}.{rng.randint(0, 9)}", "pct": rng.randint(3, 65),
            "weeks": rng.randint(2, 30), "count": rng.randint(20, 9000), "count2": rng.randint(20, 9000),
            "place": rng.choice(PLACES), "street": rng.choice(STREETS), "year": rng.randint(2009, 2024), "year2": rng.randint(2027, 2034),
            "years": rng.randint(4, 70),
        }
        return rng.choice(SENTENCES).format(**values)

    paragraphs = tuple(" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(6, 11)))
    headline = f"{body[0].upper() + body[1:]} {verb} {town}'s {topic} ({key})"
    summary = f"{SUMMARY_MARK} {body} {verb} the {topic} in {town}; {person} explains what changes."
    return Story(
        key=key, headline=headline, section=rng.choice(SECTIONS), dateline=town.upper(), byline=rng.choice(PEOPLE),
        paragraphs=paragraphs, summary=summary, when=when, full=full,
    )


def stories_make(*, feeds: int, per_feed: int, full_share: float, seed: int) -> list[list[Story]]:
    rng = random.Random(seed)
    full = round(per_feed * full_share)
    return [
        [story_make(rng, f"s{f}-{n}", START + timedelta(minutes=f * per_feed + n), full=n < full) for n in range(per_feed)]
        for f in range(feeds)
    ]


def body_html(story: Story) -> str:
    first, *rest = story.paragraphs
    return f"<p>{escape(story.dateline)} \u2013 {escape(first)}</p>" + "".join(f"<p>{escape(p)}</p>" for p in rest)


def page_url(story: Story) -> str:
    return f"{HOST}/pages/{story.key}.html"


def feed_xml(n: int, stories: list[Story]) -> str:
    items = []
    for story in stories:
        content = f"<content:encoded><![CDATA[{body_html(story)}]]></content:encoded>" if story.full else ""
        items.append(
            f"<item><title>{escape(story.headline)}</title><link>{page_url(story)}</link>"
            f'<guid isPermaLink="false">urn:bench:ingest:{story.key}</guid>'
            f"<pubDate>{format_datetime(story.when, usegmt=True)}</pubDate><dc:creator>{escape(story.byline)}</dc:creator>"
            f"<category>{story.section}</category><description>{escape(story.summary)}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench Courier {n}</title><link>{HOST}/</link>'
        f"<description>Invented news for bench/ingest, feed {n}</description><language>en</language>"
        + "".join(items) + "</channel></rss>\n"
    )


def page_html(story: Story, rng: random.Random, others: list[Story]) -> str:
    """A story's page with the furniture of a real one around the article (~100 KB, ~1,400 tags, like the
    median page of the public extraction benchmarks in ../shared/bench/extraction)."""
    menu = "".join(
        f'<li class="menu-item"><a href="{HOST}/{s.lower()}/">{s}</a><ul class="sub">'
        + "".join(f'<li><a href="{HOST}/{s.lower()}/{t.lower().replace(" ", "-")}">{t}</a></li>' for t in TOWNS)
        + "</ul></li>"
        for s in SECTIONS + ["Opinion", "Sport"]
    )
    icon = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><g><path d="M3 12h18M12 3v18"/><circle cx="12" cy="12" r="9"/></g></svg>'
    share = "".join(f'<a class="share-{n}" href="{HOST}/share/{n}?u={story.key}">{icon}<span>{n}</span></a>' for n in ("Facebook", "X", "LinkedIn", "WhatsApp", "Email", "Print"))
    rail = "".join(
        f'<li><a href="{page_url(o)}">{escape(o.headline)}</a> <span class="count">{rng.randint(50, 9000)} reads</span></li>' for o in others[:10]
    )
    related = "".join(
        f'<div class="grid-cell"><div class="card"><div class="teaser c{n}"><a href="{page_url(o)}"><picture><source srcset="{HOST}/img/{o.key}.webp"><img src="{HOST}/img/{o.key}.jpg" alt=""></picture>'
        f'<h3>{escape(o.headline)}</h3></a><p>{escape(o.paragraphs[0][:160])}\u2026</p><span class="meta">{o.section} \u00b7 {o.byline}</span></div></div></div>'
        for n, o in enumerate(others[10:22])
    )
    ads = "".join(f'<div class="ad-slot" id="ad-{n}" data-sizes="300x250,728x90"><span>Advertisement</span></div>' for n in range(12))
    footer = "".join(
        f'<div class="col"><h5>{label}</h5><ul>' + "".join(f'<li><a href="{HOST}/{label.lower()}/{m}">{label} {m}</a></li>' for m in range(14)) + "</ul></div>"
        for label in ("About", "Sections", "Services", "Legal", "Regions", "Partners")
    )
    config = json.dumps({"ads": [{"slot": f"ad-{n}", "sizes": [[300, 250], [728, 90]], "targeting": {"section": story.section, "pos": n, "kw": list(TOWNS[:6])}} for n in range(80)],
                         "consent": {"vendors": [{"id": n, "name": f"vendor-{n}", "purposes": [1, 2, 3, 7, 9]} for n in range(400)]}})
    style = "".join(f".c{n}{{margin:{n}px;padding:{n % 7}px;color:#{n * 37 % 4096:03x};font:{12 + n % 9}px/1.4 serif}}" for n in range(260))
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline, "datePublished": story.when.isoformat(),
        "author": {"@type": "Person", "name": story.byline}, "articleSection": story.section,
    })
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs[1:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(story.headline)} | Bench Courier</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{escape(story.headline)}"><meta property="og:type" content="article">
<meta property="og:site_name" content="Bench Courier"><meta property="article:published_time" content="{story.when.isoformat()}">
<meta property="article:section" content="{story.section}"><meta name="author" content="{escape(story.byline)}">
<link rel="canonical" href="{page_url(story)}"><style>{style}</style>
<script type="application/ld+json">{ld}</script><script>window.siteConfig = {config};</script></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept all</button><button>Settings</button></div>
<header class="masthead"><a class="logo" href="{HOST}/">{icon}Bench Courier</a><nav><ul class="menu">{menu}</ul></nav>
<form class="search" action="{HOST}/search"><input name="q" placeholder="Search">{icon}</form></header>{ads[:len(ads) // 3]}
<div class="breadcrumbs"><a href="{HOST}/">Home</a> &rsaquo; <a href="{HOST}/{story.section.lower()}/">{story.section}</a></div>
<div class="page"><div class="layout"><div class="col-main"><main><article class="story"><h1>{escape(story.headline)}</h1>
<div class="byline">By {escape(story.byline)}</div><time datetime="{story.when.isoformat()}">{story.when:%B %d, %Y}</time>
<div class="share">{share}</div>
<div class="story-body"><p>{escape(story.dateline)} \u2013 {escape(story.paragraphs[0])}</p>{paragraphs}</div>
<aside class="newsletter"><h4>Get the morning briefing</h4><p>Sign up for our newsletter and never miss a story.</p>
<form><input type="email" placeholder="Your email"><button>Sign up</button></form></aside>
<div class="tags">Topics: <a href="{HOST}/tag/{story.section.lower()}">{story.section}</a> <a href="{HOST}/tag/council">Council</a></div>
<div class="share bottom">{share}</div></article><aside class="rail"><h2>Most read</h2><ol>{rail}</ol>{ads[len(ads) // 3:]}</aside>
<section class="related"><h2>More from Bench Courier</h2>{related}</section></main></div></div></div>
<footer>{footer}<p>&copy; 2026 Bench Courier. All rights reserved.</p></footer>
<script>document.querySelectorAll('.share a').forEach(function (a) {{ a.addEventListener('click', function (e) {{ e.preventDefault(); }}); }});</script>
</body></html>
"""


def corpus_write(folder: Path, *, feeds: int, per_feed: int, full_share: float = 0.6, seed: int = 3) -> list[list[Story]]:
    """Write the feeds, pages and bodies; returns the stories feed by feed."""
    everything = stories_make(feeds=feeds, per_feed=per_feed, full_share=full_share, seed=seed)
    flat = [story for stories in everything for story in stories]
    rng = random.Random(seed + 1)
    for name in ("feeds", "pages", "bodies"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    for n, stories in enumerate(everything):
        (folder / "feeds" / f"f{n}.xml").write_text(feed_xml(n, stories))
    for story in flat:
        page = page_html(story, rng, rng.sample(flat, 22))
        (folder / "pages" / f"{story.key}.html").write_text(page)
        body = f"<html><body><article>{body_html(story)}</article></body></html>" if story.full else page
        (folder / "bodies" / f"{story.key}.html").write_text(body)
    return everything
