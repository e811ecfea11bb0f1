"""bench/ingest/growth: does saving an article cost more as the archive grows?

The save (``pipeline.outcomes.draft_save``: near-duplicate lookup, story
assignment, the article, its version, copy, fingerprint and story counts) is
run in one thread over the drafts of an invented corpus (``corpus.py``, every
entry with its whole story, extracted before timing), on a fresh SQLite
NEWSDESK_HOME, without entity recognition. The table gives the CPU time
(``time.thread_time``) per draft in blocks of ``--block`` drafts, and each
block against the first: a flat column is a save whose cost does not depend
on how much is stored. The invented copy is harsh on the understanding
indexes — it is drawn from one word list, so most articles land in a few
giant stories and share LSH buckets — which is why it is the corpus to watch.

Usage: python bench/ingest/growth.py [--items 4000] [--block 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=4000, help="drafts saved, a multiple of 100 (default 4000)")
    parser.add_argument("--block", type=int, default=500, help="drafts per row of the table (default 500)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="newsdesk-bench-growth-")
    os.environ |= {
        "NEWSDESK_HOME": home, "DJANGO_SETTINGS_MODULE": "newsdesk.config.settings", "NEWSDESK_LOG_LEVEL": "ERROR",
        "NEWSDESK_SPACY_MODEL": "bench_growth_without_entities",  # not installed: the entity stage is left out
    }
    try:
        _run(args, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _run(args: argparse.Namespace, home: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from bench.ingest.corpus import corpus_write
    from newsdesk import extract, wire
    from newsdesk.pipeline.outcomes import draft_save
    from newsdesk.pipeline.sources import source_add

    call_command("migrate", verbosity=0)
    corpus = Path(home) / "corpus"
    corpus_write(corpus, feeds=max(args.items // 100, 1), per_feed=100, full_share=1.0)
    drafts = [
        extract.draft_from_document(document)
        for path in sorted((corpus / "feeds").glob("*.xml"))
        for document in wire.read(path.read_bytes(), origin=f"http://127.0.0.1/feeds/{path.name}", content_type="application/rss+xml")
    ]
    source = source_add(url="http://127.0.0.1:9/feed.xml", name="bench growth", interval=timedelta(hours=1), auto_publish=True, kind="feed")
    rows, outcomes, started = [], {}, time.thread_time()
    for n, draft in enumerate(drafts, 1):
        result = draft_save(draft, origin=f"growth-{n}", source=source, raw_item=None, publish=True)
        outcomes[result.status] = outcomes.get(result.status, 0) + 1
        if n % args.block == 0:
            now = time.thread_time()
            rows.append((n, 1000 * (now - started) / args.block))
            started = now
    print(f"\n{len(drafts):,} drafts saved in one thread, SQLite, no entity recognition; outcomes {outcomes}\n")
    print("| drafts saved | CPU ms per draft in the block | vs the first block |")
    print("| ---: | ---: | ---: |")
    for n, cost in rows:
        print(f"| {n:,} | {cost:.2f} | {cost / rows[0][1]:.2f} |")


if __name__ == "__main__":
    main()
