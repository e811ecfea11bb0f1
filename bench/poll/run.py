"""bench/poll: how fast newsdesk polls 1,000 unchanged feeds that answer 304.

Serves 1,000 small RSS feeds (invented copy, one entry each) from 127.0.0.1
with ``bench/poll/server.py`` — an asyncio server in its own process, on 50
ports standing for 50 publishers' hosts (newsdesk caps concurrent fetches per
host and port; ``--hosts`` changes it) — and adds one source per feed to a
scratch NEWSDESK_HOME (SQLite). A priming pass of ``newsdesk worker --burst``
fetches every feed once (200) and keeps its ETag and Last-Modified. Then, for
each measured run, every source is made due and ``newsdesk worker --burst``
polls all 1,000 through the real path (scheduler → task queue → runner
threads → ``source_refresh`` → core HTTP client → 304 → the source's health
written), with 127.0.0.1 allowed by NEWSDESK_ALLOW_PRIVATE_HOSTS as an
operator would.

Each run is checked: exactly one request per feed, every one answered 304,
every source recorded a success in that run. Reported per run:

- **poll rate**: feeds / (first request at the server → the last source's
  success written) — the steady rate of the worker, its start-up excluded;
- **wall**: feeds / the whole `newsdesk worker --burst` process (Python and
  Django start-up, the scheduler's first tick, and noticing the queue is
  drained included) — what an operator's cron job would see.

Baselines in the same run, against the same server and validators: a bare
loop of conditional GETs with plain ``http.client`` and with newsdesk's own
``core.http`` client, sequential and with the worker's thread count.

``--latency MS`` makes the server wait before every answer, as a publisher
across the Internet does: then threads, not CPU, set the rate.

Usage: python bench/poll/run.py [--feeds 1000] [--hosts 50] [--runs 3] [--threads 4] [--latency 0]
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
GOAL = 200.0  # feeds/s, issue 3 point 7

from bench.poll.server import ServerProcess  # noqa: E402


@dataclass
class Row:
    name: str
    threads: int
    rates: list[float]  # feeds/s, one per run
    walls: list[float] | None = None  # feeds/s over the whole worker process


def feed_xml(n: int) -> bytes:
    """A small RSS feed with one entry of invented copy."""
    town = ["Harwick", "Lindqvist Bay", "Marrow End", "Port Ellery", "Southmere"][n % 5]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Bench Wire {n}</title><link>http://BENCH-HOST/</link><description>bench feed {n}</description><ttl>15</ttl>
<item><title>Ferry timetable {n} changes for the winter in {town}</title><link>http://BENCH-HOST/pages/{n}.html</link>
<guid isPermaLink="false">urn:bench:poll:{n}</guid><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><category>Local</category>
<content:encoded><![CDATA[<p>The ferry company serving {town} said on Monday that timetable number {n} would run from
the first week of November, with two crossings fewer on weekdays and one more on Saturdays.</p>
<p>Passengers' groups said the change, the {n}th of its kind, left early commuters without a boat before seven.</p>]]></content:encoded>
</item></channel></rss>""".encode()


def django_start(home: Path) -> None:
    os.environ.update(NEWSDESK_HOME=str(home), DJANGO_SETTINGS_MODULE="newsdesk.config.settings", NEWSDESK_LOG_LEVEL="WARNING")
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def sources_add(server: ServerProcess, feeds: int) -> list[str]:
    from django.db import connection

    from newsdesk.newsroom.models import Source
    from newsdesk.pipeline.sources import source_add

    urls = [f"{server.base(n)}/feeds/f{n}.xml" for n in range(feeds)]
    for n, url in enumerate(urls):
        source_add(url=url, name=f"bench feed {n}", interval=timedelta(minutes=15), auto_publish=True, kind=Source.Kind.FEED)
    connection.close()
    return urls


def sources_due() -> float:
    """Make every source due now; returns the time (time.time()) the run starts from."""
    from django.db import connection
    from django.utils import timezone

    from newsdesk.newsroom.models import Source

    Source.objects.update(next_poll_at=timezone.now() - timedelta(seconds=1))
    connection.close()
    return time.time()


def sources_checked(feeds: int, *, since: float) -> float:
    """Every source succeeded after ``since`` with its validators; returns when the last success was written."""
    from django.db import connection
    from django.db.models import Max, Q

    from newsdesk.newsroom.models import Source

    since_dt = _aware(since)
    polled = Source.objects.filter(last_success_at__gte=since_dt, consecutive_failures=0).exclude(Q(etag="") & Q(last_modified=""))
    count, last = polled.count(), polled.aggregate(last=Max("last_success_at"))["last"]
    failed = list(Source.objects.exclude(consecutive_failures=0).values_list("name", "last_error_message")[:3])
    connection.close()
    if count != feeds:
        raise SystemExit(f"only {count} of {feeds} sources recorded a success in this run; failures: {failed}")
    return last.timestamp()


def _aware(seconds: float):
    from datetime import datetime, timezone

    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def worker_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_") and k not in ("DATABASE_URL", "REDIS_URL")}
    return env | {
        "NEWSDESK_HOME": str(home),
        "NEWSDESK_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
        "NEWSDESK_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "newsdesk.config.settings",
    }


def worker_burst(home: Path, threads: int, log: Path) -> float:
    """Run `newsdesk worker --burst`; returns its wall time in seconds."""
    start = time.perf_counter()
    with log.open("ab") as out:
        done = subprocess.run([str(BIN / "newsdesk"), "worker", "--burst", "--threads", str(threads)], env=worker_env(home), stdout=out, stderr=out)
    if done.returncode:
        raise SystemExit(f"newsdesk worker --burst failed ({done.returncode}); see {log}")
    return time.perf_counter() - start


def pipeline_run(home: Path, server: ServerProcess, feeds: int, threads: int) -> tuple[float, float]:
    """One measured pass: (poll rate, wall rate) in feeds/s, after checking every feed got exactly one 304."""
    server.stats(reset=True)
    since = sources_due()
    wall = worker_burst(home, threads, home / "worker.log")
    stats = server.stats()
    statuses = {int(k): v for k, v in stats["statuses"].items()}
    if statuses != {304: feeds}:
        raise SystemExit(f"expected {feeds} answers of 304 and nothing else, the server saw {statuses}")
    last = sources_checked(feeds, since=since)
    return feeds / max(last - stats["first"], 1e-9), feeds / wall


def validators(urls: list[str]) -> list[tuple[str, str, str]]:
    """(url, etag, last_modified) of every source, as stored by the priming pass."""
    from django.db import connection

    from newsdesk.newsroom.models import Source

    stored = dict(Source.objects.values_list("url", "etag"))
    modified = dict(Source.objects.values_list("url", "last_modified"))
    connection.close()
    return [(url, stored[url], modified[url]) for url in urls]


def bare_http_client(targets: list[tuple[str, str, str]]) -> Callable[[tuple[str, str, str]], int]:
    def get(target: tuple[str, str, str]) -> int:
        url, etag, last_modified = target
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            connection.request("GET", parts.path, headers={"If-None-Match": etag, "If-Modified-Since": last_modified, "Connection": "close"})
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    return get


def bare_core_http(targets: list[tuple[str, str, str]]) -> Callable[[tuple[str, str, str]], int]:
    from newsdesk.core.http import FetchPolicy, http_client, private_hosts_parse

    client = http_client(FetchPolicy(allow_private_hosts=private_hosts_parse("127.0.0.1")))

    def get(target: tuple[str, str, str]) -> int:
        url, etag, last_modified = target
        return 304 if client.get(url, etag=etag, last_modified=last_modified).not_modified else 200

    return get


def bare_run(server: ServerProcess, targets: list[tuple[str, str, str]], get: Callable, threads: int) -> float:
    server.stats(reset=True)
    start = time.perf_counter()
    if threads == 1:
        statuses = [get(target) for target in targets]
    else:
        with ThreadPoolExecutor(threads) as pool:
            statuses = list(pool.map(get, targets))
    elapsed = time.perf_counter() - start
    if set(statuses) != {304} or server.stats()["statuses"] != {"304": len(targets)}:
        raise SystemExit(f"a bare GET did not get its 304: {sorted(set(statuses))}")
    return len(targets) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50, help="ports (publishers' hosts) the feeds are spread over (default 50)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4, help="worker runner threads, and the bare loops' threads (default 4, NEWSDESK_WORKER_THREADS' default)")
    parser.add_argument("--latency", type=float, default=0.0, help="milliseconds the server waits before every answer (default 0)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch NEWSDESK_HOME (its path is printed)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="newsdesk-bench-poll-"))
    (home / "feeds").mkdir()
    for n in range(args.feeds):
        (home / "feeds" / f"f{n}.xml").write_bytes(feed_xml(n))
    rows: list[Row] = []
    try:
        with ServerProcess(home, ports=args.hosts, delay=args.latency / 1000) as server:
            django_start(home)
            urls = sources_add(server, args.feeds)
            print(f"priming: {args.feeds} feeds fetched once (200) for their validators ...", file=sys.stderr, flush=True)
            server.stats(reset=True)
            prime = worker_burst(home, args.threads, home / "worker.log")
            primed = server.stats()["statuses"]
            if primed.get("200") != args.feeds:
                raise SystemExit(f"the priming pass did not fetch every feed once: {primed}")
            print(f"  primed in {prime:.1f} s", file=sys.stderr, flush=True)
            targets = validators(urls)
            bare = [
                ("bare loop, http.client", 1, bare_http_client),
                ("bare loop, core.http client", 1, bare_core_http),
                ("bare loop, http.client", args.threads, bare_http_client),
                ("bare loop, core.http client", args.threads, bare_core_http),
            ]
            if args.latency:  # sequential loops would take feeds × latency: only the threaded ones
                bare = bare[2:]
            rows = [Row(name, threads, []) for name, threads, _ in bare]
            pipeline = Row("newsdesk worker --burst", args.threads, [], [])
            for run in range(args.runs):  # the contenders take turns, so a busy machine slows them alike
                print(f"run {run + 1} of {args.runs}", file=sys.stderr, flush=True)
                for row, (_, threads, make) in zip(rows, bare):
                    row.rates.append(bare_run(server, targets, make(targets), threads))
                rate, wall = pipeline_run(home, server, args.feeds, args.threads)
                pipeline.rates.append(rate)
                pipeline.walls.append(wall)
                print("  " + ", ".join(f"{row.name} ×{row.threads}: {row.rates[-1]:,.0f}" for row in [*rows, pipeline]) + f" (wall {wall:,.0f})", file=sys.stderr, flush=True)
            rows.append(pipeline)
    finally:
        if args.keep:
            print(f"scratch home kept: {home}", file=sys.stderr)
        else:
            shutil.rmtree(home, ignore_errors=True)
    table(rows, args)


def table(rows: list[Row], args) -> None:
    baseline = statistics.median(rows[-2].rates)  # core.http client with the worker's thread count
    latency = f", {args.latency:g} ms before each answer" if args.latency else ""
    print(f"\n{args.feeds} unchanged feeds answering 304 on 127.0.0.1 ({args.hosts} ports{latency}), SQLite; median of {args.runs} runs; feeds/s\n")
    print("| poller | threads | feeds/s (median) | runs | vs core.http ×{0} |\n| --- | ---: | ---: | --- | ---: |".format(args.threads))
    for row in rows:
        median = statistics.median(row.rates)
        print(f"| {row.name} | {row.threads} | {median:,.0f} | {', '.join(f'{r:,.0f}' for r in row.rates)} | {median / baseline:.2f} |")
    pipeline = rows[-1]
    wall = statistics.median(pipeline.walls)
    print(f"| newsdesk worker --burst, whole process (start-up and exit included) | {pipeline.threads} | {wall:,.0f} | "
          f"{', '.join(f'{r:,.0f}' for r in pipeline.walls)} | {wall / baseline:.2f} |")
    rate = statistics.median(pipeline.rates)
    verdict = "meets" if rate >= GOAL else "does NOT meet"
    print(f"\nnewsdesk polls {rate:,.0f} feeds/s (wall {wall:,.0f}): {verdict} the goal of {GOAL:.0f} feeds/s.")


if __name__ == "__main__":
    main()
