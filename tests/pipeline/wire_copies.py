"""One wire story as three formats would carry it: a page capture, an HTML page, a feed entry.

Built from the project's near-duplicate evaluation set (tests/dedupe/testdata,
written for newsdesk): each republication variant of a group becomes the
input a site would really send us, so the whole pipeline — read, extract,
fold — is exercised, not the dedupe stage alone.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

DEDUPE_SET = Path(__file__).resolve().parents[1] / "dedupe" / "testdata"


def group(stem: str) -> dict:
    return json.loads((DEDUPE_SET / f"{stem}.json").read_text(encoding="utf-8"))


def document(stem: str, variant: str) -> tuple[str, list[str], datetime]:
    """(headline, paragraphs, published) of one variant of a group."""
    doc = next(d for d in group(stem)["documents"] if d["variant"] == variant)
    blocks = [b.strip() for b in doc["text"].split("\n\n") if b.strip()]
    paragraphs = [line for block in blocks[1:] for line in block.splitlines() if line.strip()]
    return blocks[0], paragraphs, datetime.fromisoformat(doc["published"].replace("Z", "+00:00"))


def as_capture(headline: str, paragraphs: list[str], published: datetime) -> bytes:
    """The plain text of a news page copied from a browser: section, headline, date, body, clutter."""
    date = published.strftime("%B %d, %Y")
    body = "\n\n".join(paragraphs)
    return f"World\n\n{headline}\n\n{date}\n\n{body}\n\n\n{date}\n12 views\nHIGHLIGHTS\nWorld\n3 hours ago\n".encode()


def as_page(headline: str, paragraphs: list[str], published: datetime, *, url: str) -> bytes:
    """An article page as a news site serves it (canonical link, publication date, clutter around the story)."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(headline)} | Harbour Post</title>
<link rel="canonical" href="{url}"><meta property="article:published_time" content="{published.isoformat()}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>{html.escape(headline)}</h1>
<time datetime="{published.isoformat()}">{published:%d %B %Y}</time>{body}</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Ferry service resumes</a></li></ul></aside><footer>© Harbour Post</footer></body></html>""".encode()


def as_feed(headline: str, paragraphs: list[str], published: datetime, *, url: str) -> bytes:
    """An RSS 2.0 feed with the story as one entry carrying the whole text."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Coastal Courier</title><link>https://courier.example/</link><description>News</description>
<item><title>{html.escape(headline)}</title><link>{url}</link><guid>{url}</guid><pubDate>{format_datetime(published)}</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>""".encode()


MAX = 15 * 1024 * 1024


@pytest.fixture(autouse=True)
def cold_indexes():
    """Each test starts like a fresh worker: its indexes are rebuilt from this test's database (import it to use it)."""
    from newsdesk.pipeline.warm import warm_reset

    warm_reset()
    yield
    warm_reset()


def ingest(origin: str, payload: bytes) -> dict:
    """One item through the whole pipeline (read, extract, understand, save); its outcome as the CLI reports it."""
    from newsdesk.pipeline.ingest import item_process

    [result] = item_process(origin=origin, payload=payload, max_bytes=MAX)
    assert result.status not in ("failed", "skipped"), result
    return result.as_json()
