"""The in-memory contenders of bench/ingest, each run as its own process over its share of the corpus.

- ``bare``: ``trafilatura.extract(html, url=url)`` (trafilatura's defaults) on
  every story's body HTML in ``bodies/`` — the page for a summary-only entry,
  the entry's own content for a full one. The baseline.
- ``bare-as-newsdesk``: ``trafilatura.bare_extraction`` with the options
  newsdesk's page extractor passes (metadata, formatting, links, tables) on
  the same files: what trafilatura itself costs inside newsdesk.
- ``bare-http``: the baseline made like-for-like with the pipeline, which
  fetches what it reads: each feed is fetched over HTTP from the bench server
  and split into its items with lxml; a full item's ``content:encoded`` is
  extracted as it is, a summary-only item's page is fetched over HTTP and
  extracted — ``trafilatura.extract`` with its defaults, on the same HTML as
  ``bare``. Feed URLs come from ``--feeds URL,URL,...``.
- ``stages``: newsdesk's pure stages on the same payloads the worker gets —
  ``wire.read`` and ``extract.draft_from_document`` over each feed (every
  entry) and over each page a summary-only entry links to — with no HTTP,
  no database and no queue. The extraction layer's cost alone.

Prints one line of JSON: items done and seconds spent (after imports). Peak
memory is read by the caller from the finished process (``os.wait4``).

    python -m bench.ingest.contenders bare|bare-http|bare-as-newsdesk|stages FOLDER --part 0/2 [--feeds URL,...]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def share(paths: list[Path], part: str) -> list[Path]:
    index, count = (int(n) for n in part.split("/"))
    return paths[index::count]


def bare(folder: Path, part: str) -> int:
    import trafilatura

    done = 0
    for path in share(sorted((folder / "bodies").glob("*.html")), part):
        html = path.read_text(encoding="utf-8")
        if trafilatura.extract(html, url=f"http://127.0.0.1/pages/{path.name}"):
            done += 1
    return done


def bare_http(folder: Path, part: str, feeds: list[str]) -> int:
    """Fetch each feed, split it, fetch each summary-only item's page; extract every body with trafilatura."""
    import urllib.request

    import trafilatura
    from lxml import etree

    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    done = 0
    for url in share(feeds, part):  # type: ignore[arg-type]
        with urllib.request.urlopen(url, timeout=30) as answer:
            channel = etree.fromstring(answer.read(), parser=etree.XMLParser(resolve_entities=False, no_network=True))
        for item in channel.iter("item"):
            body, link = item.findtext(content), item.findtext("link") or ""
            if body:
                html = f"<html><body><article>{body}</article></body></html>"  # as bodies/ holds it for ``bare``
            else:
                with urllib.request.urlopen(link, timeout=30) as answer:
                    html = answer.read().decode("utf-8")
            if trafilatura.extract(html, url=link):
                done += 1
    return done


def bare_as_newsdesk(folder: Path, part: str) -> int:
    import trafilatura

    done = 0
    for path in share(sorted((folder / "bodies").glob("*.html")), part):
        html = path.read_text(encoding="utf-8")
        extracted = trafilatura.bare_extraction(  # the options of newsdesk.extract.page.body.page_body
            html, url=f"http://127.0.0.1/pages/{path.name}", with_metadata=True, include_comments=False, include_tables=True,
            include_formatting=True, include_links=True, include_images=False, deduplicate=False,
        )
        done += getattr(extracted, "body", None) is not None
    return done


def stages(folder: Path, part: str) -> int:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.config.settings")
    import django

    django.setup()  # the stages take no settings, but extract's registries import Django's helpers
    from newsdesk import extract, wire

    done = 0
    for path in share(sorted((folder / "feeds").glob("*.xml")), part):
        for document in wire.read(path.read_bytes(), origin=f"http://127.0.0.1/feeds/{path.name}", content_type="application/rss+xml"):
            draft = extract.draft_from_document(document)
            if document.entry is not None and document.entry.has_full_content:
                done += bool(draft.body_html)
                continue
            page = folder / "pages" / Path(document.entry.link).name
            for page_document in wire.read(page.read_bytes(), origin=document.entry.link, content_type="text/html; charset=utf-8")[:1]:
                done += bool(extract.draft_from_document(page_document).body_html)
    return done


MODES = {"bare": bare, "bare-http": bare_http, "bare-as-newsdesk": bare_as_newsdesk, "stages": stages}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=tuple(MODES))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--part", default="0/1")
    parser.add_argument("--feeds", default="", help="bare-http: the feeds' URLs, comma-separated")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.mode == "bare-http":
        done = bare_http(args.folder, args.part, args.feeds.split(","))
    else:
        done = MODES[args.mode](args.folder, args.part)
    print(json.dumps({"items": done, "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
