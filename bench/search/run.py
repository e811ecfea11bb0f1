"""bench/search: p50/p95/p99 latency of a full search call at 100,000 articles, SQLite FTS5 and PostgreSQL (issue 5 point 4).

Generates ``--articles`` invented articles once (``corpus.py``; cached
under ``bench/search/.cache``), bulk-loads them into a database per backend
— a SQLite file in the cache, the PostgreSQL database ``--pg-url`` — through
the ORM, so the index is filled by the same triggers as in production (a
loaded database is kept and reused while it holds the same corpus). Then,
in ``--runs`` rounds, it times ``newsroom.search.search`` — the whole call:
count, ranking, snippets and headline marks — over ``--queries`` queries of
six kinds in turn:

- **common**: one word of Zipf rank 10–60 (in about half to nearly all articles);
- **two words**: two words of rank 100–2,000;
- **rare**: one word of rank 5,000–20,000;
- **phrase**: two neighbouring words of an article, quoted;
- **filtered**: two words of rank 50–1,000 with a section, an entity or a 90-day window;
- **exclusion**: a word of rank 30–300 minus one of rank 30–300;

and, interleaved with them, the **baseline**: a plain
``SELECT id, headline FROM newsroom_article WHERE id >= %s ORDER BY id LIMIT 20``
on the same connection. Each backend runs in a child process (Django binds one
database per process). The table gives, per kind, the median over the runs of
each run's p50, p95 and p99 (ms), and the p95 ratio to the baseline's p95.
Goal: p95 < 50 ms at 100,000 articles.

Usage: python bench/search/run.py [--articles 100000] [--queries 300] [--runs 3] [--backends sqlite,postgres]
                                  [--pg-url postgres://postgres@127.0.0.1:5432/newsdesk_bench_search]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CACHE = Path(__file__).parent / ".cache"
BATCH = 2000
GOAL_MS = 50.0
KINDS = ("common", "two words", "rare", "phrase", "filtered", "exclusion")

from bench.search.corpus import ENTITIES, SECTIONS, SOURCES, START, corpus, vocabulary  # noqa: E402


def setup_django(backend: str, pg_url: str) -> None:
    for name in [k for k in os.environ if k.startswith("NEWSDESK_") or k in ("DATABASE_URL", "REDIS_URL")]:
        del os.environ[name]
    os.environ.update(NEWSDESK_HOME=str(CACHE / "home"), NEWSDESK_BAKE="0")
    if backend == "postgres":
        os.environ["DATABASE_URL"] = pg_url
        _pg_database_made(pg_url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.config.settings")
    (CACHE / "home").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _pg_database_made(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres".replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def load(articles: list) -> float:
    """Bulk-load the corpus (sections, sources, entities, articles, mentions); seconds, or 0 if already loaded."""
    from django.db import transaction
    from django.utils.text import slugify

    from newsdesk.newsroom.models import Article, Entity, Mention, Section, Source

    if Article.objects.count() == len(articles) and Mention.objects.exists():
        return 0.0
    started = time.perf_counter()
    Mention.objects.all().delete()
    Article.objects.all().delete()
    sections = {name: Section.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in SECTIONS}
    sources = [Source.objects.get_or_create(slug=f"wire-{n}", defaults={"name": f"Wire {n}"})[0] for n in range(SOURCES)]
    entities = [
        Entity.objects.get_or_create(slug=f"entity-{n}", defaults={"kind": "person", "name": f"Entity {n}"})[0] for n in range(ENTITIES)
    ]
    for first in range(0, len(articles), BATCH):
        batch = articles[first : first + BATCH]
        with transaction.atomic():
            made = Article.objects.bulk_create([
                Article(
                    wire_key=f"bench-{a.key}", content_hash=f"{a.key}", headline=a.headline, slug=slugify(a.headline)[:120],
                    section=sections[a.section], source=sources[a.source], published_at=datetime.fromisoformat(a.published),
                    body_html="".join(f"<p>{p}</p>" for p in a.paragraphs), status="published",
                )
                for a in batch
            ])
            Mention.objects.bulk_create(
                [Mention(article=row, entity=entities[e]) for row, a in zip(made, batch, strict=True) for e in a.entities]
            )
        print(f"  loaded {first + len(batch):,}", end="\r", file=sys.stderr, flush=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def queries(articles: list, count: int) -> list[tuple[str, dict]]:
    """``count`` (kind, SearchQuery fields) pairs, the kinds in turn, the same every run."""
    words = vocabulary()
    rng = random.Random(7)
    made: list[tuple[str, dict]] = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        if kind == "common":
            fields = {"text": words[rng.randint(10, 60)]}
        elif kind == "two words":
            fields = {"text": f"{words[rng.randint(100, 2000)]} {words[rng.randint(100, 2000)]}"}
        elif kind == "rare":
            fields = {"text": words[rng.randint(5000, 19_999)]}
        elif kind == "phrase":
            text = rng.choice(rng.choice(articles).paragraphs).rstrip(".").lower().split()
            at = rng.randrange(len(text) - 1)
            fields = {"text": f'"{text[at]} {text[at + 1]}"'}
        elif kind == "filtered":
            fields = {"text": f"{words[rng.randint(50, 1000)]} {words[rng.randint(50, 1000)]}"}
            which = n // len(KINDS) % 3
            if which == 0:
                fields["section"] = rng.choice(SECTIONS).lower()
            elif which == 1:
                fields["entity"] = f"entity-{rng.randrange(ENTITIES)}"
            else:
                since = START - timedelta(days=rng.randint(90, 700))
                fields.update(since=since, until=since + timedelta(days=90))
        else:
            fields = {"text": f"{words[rng.randint(30, 300)]} -{words[rng.randint(30, 300)]}"}
        made.append((kind, fields))
    return made


def measure(planned: list[tuple[str, dict]], top_id: int) -> dict:
    """One run: ms per query by kind, and the baseline's, interleaved; found counts for a sanity check."""
    from django.db import connection

    from newsdesk.newsroom.search import SearchQuery, search

    times: dict[str, list[float]] = {kind: [] for kind in (*KINDS, "baseline")}
    found: dict[str, list[int]] = {kind: [] for kind in KINDS}
    rng = random.Random(11)
    for kind, fields in planned:
        started = time.perf_counter()
        page = search(SearchQuery(**fields))
        times[kind].append((time.perf_counter() - started) * 1000)
        found[kind].append(page.total)
        assert len(page.hits) <= 20 and all(hit.snippet_html for hit in page.hits), (kind, fields)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, headline FROM newsroom_article WHERE id >= %s ORDER BY id LIMIT 20", [rng.randint(1, top_id)])
            cursor.fetchall()
        times["baseline"].append((time.perf_counter() - started) * 1000)
    return {"times": times, "found": found}


def child(args: argparse.Namespace) -> None:
    articles = corpus(args.articles, CACHE)
    setup_django(args.backend, args.pg_url)
    seconds = load(articles)
    from django.db.models import Max

    from newsdesk.newsroom.models import Article

    top_id = Article.objects.aggregate(top=Max("id"))["top"]
    planned = queries(articles, args.queries)
    measure(planned[: len(KINDS) * 3], top_id)  # warm-up: caches and the planner
    runs = [measure(planned, top_id) for _ in range(args.runs)]
    print(json.dumps({"backend": args.backend, "load_seconds": seconds, "articles": Article.objects.count(), "runs": runs}))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def table(result: dict) -> str:
    runs = result["runs"]

    def median_of(kind: str, share: float) -> float:
        return statistics.median(percentile(run["times"][kind], share) for run in runs)

    everything = [{"times": {"all": [t for k in KINDS for t in run["times"][k]]}} for run in runs]
    base_p95 = median_of("baseline", 0.95)
    lines = [
        f"{result['backend']}: {result['articles']:,} articles, {len(runs)} runs"
        + (f", loaded in {result['load_seconds']:.0f} s" if result["load_seconds"] else " (database reused)"),
        "| query kind | queries/run | median matches | p50 ms | p95 ms | p99 ms | p95 vs baseline |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in (*KINDS, "all", "baseline"):
        source = everything if kind == "all" else runs
        p50, p95, p99 = (statistics.median(percentile(run["times"][kind], s) for run in source) for s in (0.5, 0.95, 0.99))
        count = len(source[0]["times"][kind])
        matches = f"{statistics.median(runs[0]['found'][kind]):,.0f}" if kind in KINDS else "—"
        lines.append(f"| {kind} | {count} | {matches} | {p50:.2f} | {p95:.2f} | {p99:.2f} | {p95 / base_p95:.1f}× |")
    all_p95 = statistics.median(percentile(run["times"]["all"], 0.95) for run in everything)
    lines.append(f"goal p95 < {GOAL_MS:.0f} ms over all kinds: {'MET' if all_p95 < GOAL_MS else 'NOT MET'} ({all_p95:.1f} ms)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/newsdesk_bench_search")
    parser.add_argument("--backend", help=argparse.SUPPRESS)  # set in the child process
    args = parser.parse_args()
    if args.backend:
        child(args)
        return
    corpus(args.articles, CACHE)  # generated once, before the children share it
    for backend in args.backends.split(","):
        command = [sys.executable, __file__, "--backend", backend, "--articles", str(args.articles),
                   "--queries", str(args.queries), "--runs", str(args.runs), "--pg-url", args.pg_url]
        finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
        if finished.returncode != 0:
            print(f"{backend}: the run failed (exit {finished.returncode}); see its output above")
            continue
        print(table(json.loads(finished.stdout.strip().splitlines()[-1])), flush=True)
        print()


if __name__ == "__main__":
    main()
