"""bench/serve: req/s on the article page, newsdesk under granian and gunicorn, against a bare WSGI baseline.

Prints a table of medians over several runs, with ratios against the bare
WSGI callable measured in the same run. Needs `wrk` (Debian package).
Usage: python bench/serve/run.py [--runs 3] [--seconds 8] [--connections 32]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAPTURE = ROOT / "tests" / "cli" / "testdata" / "harbour-capture.txt"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not come up at {url}")


def wrk(url: str, seconds: int, connections: int) -> float:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url], capture_output=True, text=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if not match or non2xx:
        raise SystemExit(f"wrk failed or got errors:\n{out}")
    return float(match.group(1))


def servers(port: int) -> dict[str, list[str]]:
    app = "newsdesk.config.wsgi:application"
    granian = [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--log-level", "error"]
    gunicorn = [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "error"]
    return {
        "bare WSGI, granian (baseline)": [*granian, "bench.serve.bare_app:application"],
        "newsdesk, granian": [*granian, "--blocking-threads", "1", app],
        "newsdesk, gunicorn sync": [*gunicorn, app],
        "newsdesk, gunicorn gthread": [*gunicorn, "--worker-class", "gthread", "--threads", "4", app],
    }


def measure(argv: list[str], url: str, env: dict, args) -> list[float]:
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(url)
        wrk(url, 2, args.connections)  # warm-up
        return [wrk(url, args.seconds, args.connections) for _ in range(args.runs)]
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    home = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"NEWSDESK_HOME": str(home), "PYTHONPATH": str(ROOT)}
    newsdesk = str(BIN / "newsdesk")
    subprocess.run([newsdesk, "migrate", "-v0"], env=env, check=True)
    subprocess.run([newsdesk, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    ingested = subprocess.run([newsdesk, "ingest", "--json", str(CAPTURE)], env=env, check=True, capture_output=True, text=True)
    path = re.search(r'"url": "([^"]+)"', ingested.stdout).group(1)
    port = free_port()
    url = f"http://127.0.0.1:{port}{path}"
    page = home / "page.html"
    env["BENCH_PAGE_FILE"] = str(page)
    rows = []
    for name, argv in servers(port).items():
        if name.startswith("bare"):
            process = subprocess.Popen(servers(port)["newsdesk, granian"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_up(url)
            page.write_bytes(urllib.request.urlopen(url).read())
            process.terminate()
            process.wait(10)
        results = measure(argv, url, env, args)
        rows.append((name, statistics.median(results), results))
    baseline = rows[0][1]
    print(f"\narticle page {len(page.read_bytes()):,} bytes; wrk -t2 -c{args.connections} -d{args.seconds}s; median of {args.runs} runs\n")
    print(f"| server | req/s (median) | runs | vs baseline |\n| --- | ---: | --- | ---: |")
    for name, median, results in rows:
        print(f"| {name} | {median:,.0f} | {', '.join(f'{r:,.0f}' for r in results)} | {median / baseline:.2f} |")


if __name__ == "__main__":
    main()
