"""bench/stories: the cost of finding a new article's near-duplicates and story as the archive grows (issue 4 point 7).

Generates ``--articles`` synthetic articles once (``corpus.py``; cached under
``bench/stories/.cache``) and loads them in order of publication into a
fresh SQLite database:

- the first ``--db-articles`` (1,000) and, after each checkpoint, the next
  ``--db-probes`` go through the real path: ``pipeline.understand.draft_understand``
  (fingerprint, fold decision under the fold lock, article save, first copy,
  fingerprint row, story assignment); then the article's entities are saved
  and ``story_refine`` runs, as the enrich task does once NER is done (NER
  itself, ~0.1–0.2 s an article, is bench/understanding's to measure);
- the rest are bulk-loaded: the same dedupe-stage calls against the same warm
  indexes, timed per article, with the rows (articles, fingerprints, copies,
  stories, mentions) written in batches — ingesting 100,000 through the full
  path takes hours on a shared 2-core machine.

At each checkpoint (10k, 25k, 50k, 100k) it reports the median time per new
article over the next ``--probes`` articles — fingerprint + near-duplicate
query + story assignment, the part that could grow with the archive — and the
median of the full database path; the process RSS and the indexes' own
memory (tracemalloc over a rebuild); and the time to rebuild both indexes
from the database, as a restarted worker does. The rebuilt indexes replace
the running ones, so the folds after each checkpoint are made by a rebuilt
index. Goal: per-article time at 100k ≤ 2× the time at 10k.

On a shared machine the load changes between checkpoints more than the
archive changes the cost, so each timed article after a later checkpoint is
paired with an article replayed, just before it, through the same calls on a
copy of the first checkpoint's indexes: the goal is judged on that ratio,
measured at the same moment. The table, ``.cache/results.json`` and the plot
are written at every checkpoint, so a run stopped early keeps what it found.

Usage: python bench/stories/run.py [--articles 100000] [--checkpoints 10000,25000,50000,100000] [--probes 300]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import pickle
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
CACHE = Path(__file__).parent / ".cache"
BATCH = 2000
PAIRED_KEYS = 10**9  # keys of the articles replayed on the first checkpoint's indexes, apart from article ids


def setup_django(home: Path) -> None:
    for name in [k for k in os.environ if k.startswith("NEWSDESK_") or k in ("DATABASE_URL", "REDIS_URL")]:
        del os.environ[name]
    os.environ.update(NEWSDESK_HOME=str(home), NEWSDESK_BAKE="0", NEWSDESK_SPACY_MODEL="bench_no_ner_in_this_run")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.config.settings")
    import django

    django.setup()
    logging.getLogger("newsdesk.pipeline.entities").setLevel(logging.ERROR)  # "no model": NER is not what this measures
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Loader:
    """Loads the corpus article by article; remembers per-article timings and what folded into what."""

    def __init__(self) -> None:
        from newsdesk.newsroom.models import Entity

        self.article_of: dict[int, int] = {}  # corpus key -> article pk
        self.folded: dict[int, int] = {}  # corpus key of a copy -> article pk it folded into
        self.stage_ms: dict[int, float] = {}  # corpus key -> in-process ms (bulk path)
        self.full_ms: dict[int, float] = {}  # corpus key -> draft_understand ms (full path)
        self.paired_ms: dict[int, float] = {}  # corpus key -> the same stage on the first checkpoint's indexes, just before
        self.parts_ms: dict[int, tuple[float, float, float]] = {}  # corpus key -> fingerprint, near-duplicate query, story (+ add)
        self.entities: dict[tuple[str, str], int] = {}
        self.pending: list = []
        self.Entity = Entity

    def entity_ids(self, article) -> dict[str, list[int]]:
        from django.utils.text import slugify

        wanted = [("person", n) for n in article.people] + [("place", n) for n in article.places] + [("organisation", n) for n in article.organisations]
        missing = [w for w in wanted if w not in self.entities]
        if missing:
            self.Entity.objects.bulk_create(
                [self.Entity(kind=k, name=n, slug=f"{slugify(n)}-{k[:2]}-{hashlib.sha1(n.encode()).hexdigest()[:6]}") for k, n in missing],
                ignore_conflicts=True,
            )
            for e in self.Entity.objects.filter(name__in=[n for _, n in missing]):
                self.entities[(e.kind, e.name)] = e.pk
        return {kind: [self.entities[(k, n)] for k, n in wanted if k == kind] for kind in ("person", "place", "organisation")}

    def full(self, article) -> None:
        """The real path: what `item_process` does after extraction, then what the enrich task saves."""
        from django.db import transaction

        from newsdesk.newsroom.models import Mention
        from newsdesk.pipeline.stories import story_refine
        from newsdesk.pipeline.understand import draft_understand
        from newsdesk.pipeline.warm import warm_get

        self.flush()
        draft = to_draft(article)
        started = time.perf_counter()
        with transaction.atomic():
            saved = draft_understand(draft=draft, source=None, raw_item=None, publish=True)
        self.full_ms[article.key] = (time.perf_counter() - started) * 1000
        if saved.outcome == "duplicate":
            self.folded[article.key] = saved.duplicate_of
            return
        self.article_of[article.key] = saved.article.pk
        with transaction.atomic():
            ids = self.entity_ids(article)
            Mention.objects.bulk_create([Mention(article=saved.article, entity_id=i, salience=0.6, rel="about") for v in ids.values() for i in v])
            story_refine(saved.article, warm=warm_get(), names=names_of(article))

    def bulk(self, article, next_id: int) -> int:
        """The dedupe stage against the warm indexes, timed; the rows wait for the next flush."""
        from newsdesk.dedupe import StoryArticle, fingerprint
        from newsdesk.pipeline.understand import copy_text
        from newsdesk.pipeline.warm import warm_get

        warm = warm_get()
        body = "\n\n".join(article.paragraphs)
        started = time.perf_counter()
        print_ = fingerprint(copy_text(article.headline, "".join(f"<p>{p}</p>" for p in article.paragraphs)))
        printed = time.perf_counter()
        candidates = warm.duplicates.query_fingerprint(print_)
        queried = time.perf_counter()
        self.parts_ms[article.key] = ((printed - started) * 1000, (queried - printed) * 1000, 0.0)
        if candidates:
            self.stage_ms[article.key] = (time.perf_counter() - started) * 1000
            self.folded[article.key] = candidates[0]
            self.pending.append(("copy", article, candidates[0], print_))
            return next_id
        warm.duplicates.add_fingerprint(next_id, print_)
        names = names_of(article)
        assignment = warm.stories.assign(
            StoryArticle(next_id, when(article), names["person"], names["organisation"], names["place"], f"{article.headline}\n\n{body}")
        )
        self.stage_ms[article.key] = (time.perf_counter() - started) * 1000
        self.parts_ms[article.key] = (*self.parts_ms[article.key][:2], (time.perf_counter() - queried) * 1000)
        self.article_of[article.key] = next_id
        self.pending.append(("article", article, next_id, print_, assignment))
        return next_id + 1

    def flush(self) -> None:
        """Write the bulk-loaded rows: stories for new clusters, articles, fingerprints, copies, mentions."""
        if not self.pending:
            return
        from django.db import transaction
        from django.utils.text import slugify

        from newsdesk.newsroom.models import Article, Fingerprint, Mention, Story, WireCopy
        from newsdesk.pipeline.warm import warm_get

        warm = warm_get()
        articles, prints, copies, mentions = [], [], [], []
        with transaction.atomic():
            story_of: dict[int, int] = {}
            for row in self.pending:
                if row[0] == "copy":
                    _, article, into, _ = row
                    copies.append(WireCopy(article_id=into, wire_key=key_hash(article.key), headline=article.headline, first=False, snapshot={}))
                    continue
                _, article, pk, print_, assignment = row
                if assignment.new:
                    story = Story.objects.create(slug=slugify(article.headline)[:100] or "story", title=article.headline, first_published_at=when(article), last_published_at=when(article))
                    story_of[assignment.story] = story.pk
                story_id = story_of.get(assignment.story, assignment.story)
                warm.stories.relabel(pk, story=story_id)
                articles.append(
                    Article(
                        pk=pk, wire_key=key_hash(article.key), content_hash=key_hash(article.key), headline=article.headline,
                        slug=slugify(article.headline)[:100] or "a", published_at=when(article), story_id=story_id,
                        body_html="".join(f"<p>{p}</p>" for p in article.paragraphs),
                    )
                )
                prints.append(Fingerprint(article_id=pk, signature=print_.to_bytes(), published_at=when(article)))
                copies.append(WireCopy(article_id=pk, wire_key=key_hash(article.key), headline=article.headline, first=True, snapshot={}))
                mentions += [Mention(article_id=pk, entity_id=i, salience=0.6, rel="about") for v in self.entity_ids(article).values() for i in v]
            Article.objects.bulk_create(articles, batch_size=500)
            Fingerprint.objects.bulk_create(prints, batch_size=500)
            WireCopy.objects.bulk_create(copies, batch_size=500)
            Mention.objects.bulk_create(mentions, batch_size=1000)
        warm.seen_up_to = max([warm.seen_up_to, *(a.pk for a in articles)])
        self.pending = []


def names_of(article) -> dict[str, frozenset[str]]:
    return {"person": frozenset(article.people), "place": frozenset(article.places), "organisation": frozenset(article.organisations)}


def when(article) -> datetime:
    return datetime.fromisoformat(article.published)


def key_hash(key: int) -> str:
    return hashlib.sha256(f"bench-stories\n{key}".encode()).hexdigest()


def to_draft(article):
    from newsdesk.core.draft import Draft

    return Draft(
        headline=article.headline, body_html="".join(f"<p>{p}</p>" for p in article.paragraphs), section="World",
        published=when(article), credit="Bench Wire", guid=f"urn:bench:{article.key}",
    )


def rebuild() -> tuple[float, float]:
    """Seconds to rebuild both indexes from the database, and the MB they hold (tracemalloc over a second rebuild)."""
    from newsdesk.pipeline import warm as warm_module

    started = time.perf_counter()
    rebuilt = warm_module.warm_rebuild()
    seconds = time.perf_counter() - started
    del rebuilt
    tracemalloc.start()
    rebuilt = warm_module.warm_rebuild()
    held = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    warm_module._warm = rebuilt  # the run goes on with the rebuilt indexes: the next folds are theirs
    return seconds, held


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="10000,25000,50000,100000")
    parser.add_argument("--db-articles", type=int, default=1_000, help="how many of the first articles take the full database path")
    parser.add_argument("--home", type=Path, default=None, help="the scratch NEWSDESK_HOME (default: a new temporary folder)")
    parser.add_argument("--probes", type=int, default=300, help="articles timed after each checkpoint")
    parser.add_argument("--db-probes", type=int, default=100, help="of those, how many take the full database path")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "img" / "bench-stories.png")
    args = parser.parse_args()
    checkpoints = [int(c) for c in args.checkpoints.split(",") if int(c) <= args.articles]
    from corpus import corpus

    started = time.perf_counter()
    articles = corpus(CACHE, args.articles + args.probes, args.seed)
    print(f"corpus: {len(articles):,} articles ({time.perf_counter() - started:.1f} s, cached in {CACHE})", flush=True)
    home = args.home or Path(tempfile.mkdtemp(prefix="bench-stories-"))
    home.mkdir(parents=True, exist_ok=True)
    setup_django(home)
    from newsdesk.newsroom.models import Article

    loader = Loader()
    rows = []
    next_id = 1
    full_windows = {k for c in checkpoints for k in range(c, c + args.db_probes)}
    load_started = time.perf_counter()
    base_indexes: bytes | None = None  # the first checkpoint's indexes, pickled
    paired = None  # a fresh copy of them at each later checkpoint
    from newsdesk.pipeline.warm import warm_get

    for article in articles:
        key = article.key
        if key in checkpoints:
            loader.flush()
            seconds, held = rebuild()
            rows.append({"size": key, "rebuild_s": seconds, "indexes_mb": held, "rss_mb": rss_mb()})
            print(f"  {key:>7,} archived: rebuilt in {seconds:.2f} s, indexes {held:.0f} MB, RSS {rss_mb():.0f} MB", flush=True)
            if base_indexes is None:
                base_indexes = pickle.dumps((warm_get().duplicates, warm_get().stories))
            else:
                paired = pickle.loads(base_indexes)
        if key < args.db_articles or key in full_windows:
            loader.full(article)
            next_id = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        else:
            if paired is not None and key < rows[-1]["size"] + args.probes:
                # The same stage on the first checkpoint's indexes, timed just before: the machine's load is the same for both.
                twin = articles[checkpoints[0] + key - rows[-1]["size"]]
                loader.paired_ms[key] = replay(*paired, twin, PAIRED_KEYS + twin.key)
            next_id = loader.bulk(article, next_id)
            if len(loader.pending) >= BATCH:
                loader.flush()
        done = next((r for r in rows if key == r["size"] + args.probes - 1), None)
        if done is not None:
            summarise(done, loader, args.probes)
            print(f"  {done['size']:>7,}: new article {done['stage_ms']:.2f} ms (n={done['stage_n']}; fingerprint {done['fingerprint_ms']:.2f}, "
                  f"near-duplicate query {done['query_ms']:.2f}, story {done['story_ms']:.2f}), "
                  f"full path {done['full_ms'] or float('nan'):.1f} ms (n={done['full_n']})", flush=True)
            # Saved at every checkpoint: a run stopped early still leaves its table and plot.
            (CACHE / "results.json").write_text(json.dumps(rows[: rows.index(done) + 1], indent=1))
            plot(rows[: rows.index(done) + 1], args.plot)
        if key and key % 10_000 == 0:
            print(f"  {key:>7,} loaded ({time.perf_counter() - load_started:.0f} s)", flush=True)
        if key == args.db_articles - 1:
            print(f"  {args.db_articles:,} through the full path in {time.perf_counter() - load_started:.0f} s", flush=True)
    loader.flush()
    print(f"loaded in {time.perf_counter() - load_started:.0f} s; database {sum(f.stat().st_size for f in home.rglob('*.sqlite3*')) / 2**20:.0f} MB\n")
    for row in rows:
        summarise(row, loader, args.probes)
    report(rows, loader, articles)
    plot(rows, args.plot)
    (CACHE / "results.json").write_text(json.dumps(rows, indent=1))
    base, top = rows[0], rows[-1]
    ratio = top["stage_ms"] / base["stage_ms"]
    print(f"\nper-article at {top['size']:,} / at {base['size']:,}: {ratio:.2f}x (windows measured minutes apart)")
    if top.get("paired_ms"):
        ratio = top["stage_ms"] / top["paired_ms"]
        print(f"per-article at {top['size']:,} / at {base['size']:,}, paired (same moment): {ratio:.2f}x")
    verdict = "meets" if ratio <= 2 else "MISSES"
    print(f"goal <= 2x: {verdict}; plot: {args.plot}")
    return 0 if ratio <= 2 else 1


def replay(duplicates, stories, article, key: int) -> float:
    """`Loader.bulk`'s dedupe-stage calls on other indexes, in memory only; the milliseconds they took."""
    from newsdesk.dedupe import StoryArticle, fingerprint
    from newsdesk.pipeline.understand import copy_text

    text = f"{article.headline}\n\n" + "\n\n".join(article.paragraphs)
    started = time.perf_counter()
    print_ = fingerprint(copy_text(article.headline, "".join(f"<p>{p}</p>" for p in article.paragraphs)))
    if not duplicates.query_fingerprint(print_):
        duplicates.add_fingerprint(key, print_)
        names = names_of(article)
        stories.assign(StoryArticle(key, when(article), names["person"], names["organisation"], names["place"], text))
    return (time.perf_counter() - started) * 1000


def summarise(row: dict, loader: Loader, probes: int) -> None:
    """Medians over the `probes` articles after the checkpoint: the stage, its parts, the full path."""
    window = range(row["size"], row["size"] + probes)
    stage = [loader.stage_ms[k] for k in window if k in loader.stage_ms]
    full = [loader.full_ms[k] for k in window if k in loader.full_ms]
    parts = [loader.parts_ms[k] for k in window if k in loader.parts_ms]
    stories = [p[2] for p in parts if p[2]]
    paired = [loader.paired_ms[k] for k in window if k in loader.paired_ms]
    row["paired_ms"] = statistics.median(paired) if paired else None
    row |= {"stage_ms": statistics.median(stage) if stage else None, "stage_n": len(stage),
            "full_ms": statistics.median(full) if full else None, "full_n": len(full),
            "fingerprint_ms": statistics.median(p[0] for p in parts) if parts else None,
            "query_ms": statistics.median(p[1] for p in parts) if parts else None,
            "story_ms": statistics.median(stories) if stories else None}


def report(rows: list[dict], loader: Loader, articles) -> None:
    print(f"| archive | new article: dedupe + story, median ms (n) | same moment, on the {rows[0]['size']:,} indexes | "
          "of which fingerprint / near-dup query / story | full DB path, median ms (n) | rebuild s | indexes MB | RSS MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        paired = f"{r['paired_ms']:.2f}" if r.get("paired_ms") else "–"
        print(f"| {r['size']:,} | {r['stage_ms']:.2f} ({r['stage_n']}) | {paired} | {r['fingerprint_ms']:.2f} / {r['query_ms']:.2f} / {r['story_ms']:.2f} "
              f"| {r['full_ms']:.1f} ({r['full_n']}) | {r['rebuild_s']:.2f} | {r['indexes_mb']:.0f} | {r['rss_mb']:.0f} |")
    copies = [a for a in articles if a.copy_of is not None]
    right = sum(1 for a in copies if loader.folded.get(a.key) == loader.article_of.get(a.copy_of))
    wrong = sum(1 for k in loader.folded if articles[k].copy_of is None)
    print(f"\nfolds: {right:,} of {len(copies):,} copies folded into their original; {wrong:,} articles folded that were not copies")


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["size"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(sizes, [r["stage_ms"] for r in rows], "o-", label="dedupe + story (in memory)")
    left.plot(sizes, [r["full_ms"] if r["full_ms"] is not None else float("nan") for r in rows], "s--", label="full path (SQLite)")
    if any(r.get("paired_ms") for r in rows[1:]):
        left.plot(sizes, [r.get("paired_ms") or r["stage_ms"] for r in rows], "^:", label=f"same moment, on the {sizes[0]:,} indexes")
    left.axhline(2 * rows[0]["stage_ms"], color="grey", linestyle=":", label=f"goal: 2x the time at {sizes[0]:,}")
    left.set(xlabel="articles in the archive", ylabel="ms per new article (median)", title="Cost of one new article")
    left.set_ylim(bottom=0)
    left.legend()
    right.plot(sizes, [r["rebuild_s"] for r in rows], "o-", label="index rebuild (s)")
    right.set(xlabel="articles in the archive", ylabel="seconds", title="Restart: rebuild time and index memory")
    right.set_ylim(bottom=0)
    memory = right.twinx()
    memory.plot(sizes, [r["indexes_mb"] for r in rows], "s--", color="tab:orange", label="index memory (MB)")
    memory.set(ylabel="MB")
    memory.set_ylim(bottom=0)
    lines = right.get_legend_handles_labels()
    extra = memory.get_legend_handles_labels()
    right.legend(lines[0] + extra[0], lines[1] + extra[1], loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    sys.exit(main())
