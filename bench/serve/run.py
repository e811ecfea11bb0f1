"""bench/serve: req/s on a ~27 KB article page, baked and unbaked, against a bare WSGI callable, nginx and Wagtail.

Ingests one long article (the harbour capture from tests/cli/testdata with
paragraphs added, generated here) into a scratch NEWSDESK_HOME, then
measures with wrk (Debian's package) on 127.0.0.1, each server in turn:

- the bare WSGI baseline: a callable returning the same bytes from memory
  under granian (what the server can do when the application costs nothing);
- newsdesk under granian with the page baked (answered by site.baked_app
  before Django's stack; "warm");
- newsdesk under granian with baking off (NEWSDESK_BAKE=0: Django's view
  answers every request, no page cache; only what a commit changes is kept
  per process, site.kept; "cold");
- the same with nothing kept either (NEWSDESK_KEPT=0 as well: every request
  reads the article, its coverage, the rail and the masthead from the
  database and renders every template; "strictly cold");
- Wagtail 8 (in its own virtualenv under bench/serve/.cache, made with pip on
  first use; wagtail_bench.py) serving the same article from a page model,
  under the same granian with the same workers, without and with cache_page;
- with nginx installed: nginx serving the same bytes as a plain static file,
  and nginx in front of newsdesk serving the baked folder (deploy/nginx.conf);
- then `newsdesk serve` as shipped for --endurance seconds (60) with a view
  beacon POSTed every 10th request: 0 errors, and the stored count must equal
  the beacons answered.

Every server's warm-up run checks every response (status 200 and the full
body, by a wrk Lua script); the measured runs check the bytes read per
response. Prints req/s (median of --runs runs), p50 and p99 latency of the
median run, the server's RSS, ratios, and which of the issue's goals hold.
Usage: python bench/serve/run.py [--runs 3] [--seconds 8] [--connections 32] [--endurance 60] [--no-wagtail] [--gunicorn]
       python bench/serve/run.py --cold [--runs 5]   (newsdesk cold and strictly cold against Wagtail uncached, interleaved)
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
from dataclasses import dataclass
from pathlib import Path

import wagtail_bench  # noqa: E402  (beside this script)

ROOT = Path(__file__).resolve().parents[2]
CAPTURE = ROOT / "tests" / "cli" / "testdata" / "harbour-capture.txt"
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
BIN = Path(sys.executable).parent
PAGE_BYTES = 27_000  # the size the issue measured nginx and Wagtail with

CHECK_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
local expected = tonumber(os.getenv("BENCH_BYTES"))
function response(status, headers, body)
  if status ~= 200 or #body ~= expected then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("BAD %d\\n", total))
end
"""


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not come up at {url}")


def long_capture(folder: Path) -> Path:
    """The harbour capture with enough paragraphs (our own words, each different) for a ~27 KB page."""
    text = CAPTURE.read_text()
    credit = " – Northwind Wire"
    ports = ["Valmora", "Santa Rita", "Port Anselm", "Kerrow", "Ostvik", "Lamarque"]
    paragraphs = [
        f"By the {n + 2}th hour of the stoppage, {40 + n * 3} containers bound for {ports[n % len(ports)]} were stacked on the "
        f"western quay, and shipping agents said berth {n % 9 + 1} would not clear before the end of the week. "
        f"Hauliers reported queues of {n * 7 % 60 + 12} lorries at the northern gate, and a spokesman for the chamber of "
        f"commerce said exporters of fruit and fish stood to lose about {n % 5 + 2} million a day."
        for n in range(52)
    ]
    head, _, tail = text.partition(credit)
    padded = head + "\n\n" + "\n\n".join(paragraphs) + credit + tail
    path = folder / "harbour-long.txt"
    path.write_text(padded)
    return path


def wrk(url: str, seconds: int, connections: int, size: int, *, script: Path | None = None) -> Run:
    """One wrk run. With ``script`` every response is checked by Lua (status 200, whole body); wrk's Lua
    makes wrk itself the bottleneck on two cores, so measured runs check the bytes read per response instead."""
    env = {**os.environ, "BENCH_BYTES": str(size)}
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", *(["-s", str(script)] if script else []), url]
    out = subprocess.run(argv, capture_output=True, text=True, env=env).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not rps or re.search(r"Socket errors|Non-2xx", out):
        raise SystemExit(f"wrk failed or got errors:\n{out}")
    if script is not None:
        bad = re.search(r"BAD (\d+)", out)
        if not bad or int(bad.group(1)):
            raise SystemExit(f"a response was not a 200 with the whole page:\n{out}")
    else:
        done = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", out)
        if not done or not int(done.group(1)):
            raise SystemExit(f"no complete response:\n{out}")
        read = float(done.group(2)) * {"B": 1, "KB": 2**10, "MB": 2**20, "GB": 2**30}[done.group(3)]
        if read / int(done.group(1)) < size * 0.99:  # wrk rounds the total: allow 1 %
            raise SystemExit(f"responses shorter than the page ({size} bytes):\n{out}")
    return Run(float(rps.group(1)), _latency(out, "50"), _latency(out, "99"))


def _latency(out: str, percentile: str) -> float:
    value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return total / 1024


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def page_size(url: str) -> int:
    """The page's length in bytes, as one GET returns it (each server checked against its own page)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return len(response.read())


def measure(name: str, argv: list[str], url: str, env: dict, args, script: Path, size: int | None, *, cwd: Path = ROOT) -> Row:
    """Start a server, check every response of a warm-up run, then time ``--runs`` runs; ``size`` None: its own page."""
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(url)
        size = size or page_size(url)
        for _ in range(4):  # each worker's first requests: templates compiled, connections opened
            page_size(url)
        wrk(url, 2, args.connections, size, script=script)  # warm-up, every response checked
        page_size(url)  # answered once the warm-up's queued requests are: the runs start from an idle server
        runs = [wrk(url, args.seconds, args.connections, size) for _ in range(args.runs)]
        memory = rss_mb(process.pid)
    finally:
        stop(process)
    print(f"  {name}: {', '.join(f'{r.rps:,.0f}' for r in runs)} req/s", flush=True)
    return Row(name, runs, memory)


def interleaved(contenders: list[tuple[str, list[str], str, dict, Path, int | None]], args, script: Path) -> list[Row]:
    """Start every contender at once (each on its own port), check each, then alternate their runs.

    ``--cold``: newsdesk cold against Wagtail uncached, so a change in the machine's load (two shared cores)
    falls on both alike; the load average is printed before and after.
    """
    processes, sizes = [], []
    try:
        for name, argv, url, env, cwd, size in contenders:
            processes.append(subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            wait_up(url)
            size = size or page_size(url)
            for _ in range(4):
                page_size(url)
            wrk(url, 2, args.connections, size, script=script)  # warm-up, every response checked
            sizes.append(size)
        runs: list[list[Run]] = [[] for _ in contenders]
        for n in range(args.runs):
            for i, (name, _, url, *_rest) in enumerate(contenders):
                page_size(url)
                runs[i].append(wrk(url, args.seconds, args.connections, sizes[i]))
            print(f"  round {n + 1}: " + ", ".join(f"{c[0]} {r[-1].rps:,.0f}" for c, r in zip(contenders, runs)) + " req/s", flush=True)
        memory = [rss_mb(p.pid) for p in processes]
    finally:
        for process in processes:
            stop(process)
    return [Row(c[0], r, m, size) for c, r, m, size in zip(contenders, runs, memory, sizes)]


@dataclass
class Row:
    name: str
    runs: list[Run]
    rss: float
    size: int | None = None

    @property
    def median(self) -> Run:
        return sorted(self.runs, key=lambda r: r.rps)[len(self.runs) // 2]


BEACON_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  sent, answered, bad, n = 0, 0, 0, 0
  page = wrk.format("GET", wrk.path)
  beacon = wrk.format("POST", os.getenv("BENCH_BEACON"), {["Content-Length"] = "0"})
  every = tonumber(os.getenv("BENCH_BEACON_EVERY"))
  expected = tonumber(os.getenv("BENCH_BYTES"))
end
function request()
  n = n + 1
  if n % every == 0 then sent = sent + 1; last_beacon = true; return beacon end
  last_beacon = false
  return page
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1
  elseif string.sub(body, 1, 9) == '{"views":' then answered = answered + 1
  elseif #body ~= expected then bad = bad + 1 end
end
function done(summary, latency, requests)
  local s, a, b = 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("sent"); a = a + thread:get("answered"); b = b + thread:get("bad")
  end
  io.write(string.format("BEACONS %d %d BAD %d\\n", s, a, b))
end
"""


def endurance(url: str, env: dict, args, size: int, home: Path, pk: int) -> str:
    """``newsdesk serve`` (baked, as shipped) for ``--endurance`` seconds with a view beacon every 10 requests.

    Every response is checked (pages whole, beacons answered with a count); afterwards the stored count
    must equal the beacons answered (those still in flight when wrk stopped may have counted too: at most
    one per connection, reported).
    """
    script = home / "beacon.lua"
    script.write_text(BEACON_LUA)
    argv = [str(BIN / "newsdesk"), "serve", "--host", "127.0.0.1", "--port", url.split(":")[2].split("/")[0]]
    process = subprocess.Popen(argv, cwd=ROOT, env=env | {"NEWSDESK_WORKERS": "2"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(url)
        before = stored_views(env, pk)
        wenv = {**os.environ, "BENCH_BYTES": str(size), "BENCH_BEACON": f"/views/{pk}", "BENCH_BEACON_EVERY": "10"}
        argv = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.endurance}s", "--timeout", "10s", "--latency", "-s", str(script), url]
        out = subprocess.run(argv, capture_output=True, text=True, env=wenv).stdout
        time.sleep(1)  # the last beacons' transactions
        memory = rss_mb(process.pid)
    finally:
        stop(process)
    if env.get("REDIS_URL"):
        subprocess.run([str(BIN / "newsdesk"), "views_flush"], env=env, check=True, stdout=subprocess.DEVNULL)
    counted = stored_views(env, pk) - before
    sent, answered, bad = (int(x) for x in re.search(r"BEACONS (\d+) (\d+) BAD (\d+)", out).groups())
    errors = re.search(r"Socket errors: (.*)", out)
    rps, p50, p99 = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), _latency(out, "50"), _latency(out, "99")
    exact = answered <= counted <= sent
    verdict = "exact" if counted == answered else ("within the beacons in flight at the stop" if exact else "WRONG")
    line = (
        f"{args.endurance} s at {args.connections} connections: {rps:,.0f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
        f"RSS {memory:.0f} MB; bad responses {bad}, socket errors {errors.group(1) if errors else 'none'}; "
        f"beacons sent {sent:,}, answered {answered:,}, counted {counted:,} ({verdict})"
    )
    if bad or errors or not exact:
        raise SystemExit(f"endurance run failed: {line}\n{out}")
    return line


def stored_views(env: dict, pk: int) -> int:
    """The article's count as stored in the database (``newsdesk views_flush`` moves Redis's into it)."""
    import sqlite3

    with sqlite3.connect(Path(env["NEWSDESK_HOME"]) / "newsdesk.sqlite3") as db:
        row = db.execute("SELECT total FROM newsroom_viewcount WHERE article_id = ?", (pk,)).fetchone()
    return row[0] if row else 0


def nginx_conf(home: Path, port: int, app_port: int, static: Path | None) -> Path:
    """deploy/nginx.conf for this run: our ports and folders, run as the current user in the foreground."""
    site = NGINX_CONF.read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("server_name news.example.org;", "server_name 127.0.0.1;")
    site = site.replace("/var/lib/newsdesk", str(home)).replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    if static is not None:  # the same bytes as a plain static file: nginx at its fastest
        site = re.sub(r"location / \{.*?\n    \}\n", f"location / {{ root {static}; try_files /page.html =404; }}\n", site, flags=re.S)
    conf = home / f"nginx-{port}.conf"
    conf.write_text(
        f"worker_processes 2;\npid {home}/nginx-{port}.pid;\nerror_log {home}/nginx-error.log;\ndaemon off;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path {home}/nginx-tmp;\n"
        f"  proxy_temp_path {home}/nginx-tmp;\n{site}\n}}\n"
    )
    return conf


WARM = "newsdesk baked, granian (warm)"
COLD = "newsdesk unbaked, granian (cold: Django renders)"
STRICT = "newsdesk unbaked, nothing kept, granian (strictly cold)"
WAGTAIL = "Wagtail 8, granian (uncached)"
WAGTAIL_CACHED = "Wagtail 8, granian, cache_page"
NGINX_STATIC = "nginx, the page as a static file"
NGINX_FRONT = "nginx in front, baked folder"


def goals(median: dict[str, Run]) -> list[str]:
    """The issue's goals, each with the numbers behind it and whether it holds in this run."""
    def check(name: str, ok: bool, detail: str) -> str:
        return f"- {name}: {'holds' if ok else 'NOT MET'} ({detail})"

    lines = []
    static = median.get(NGINX_STATIC)
    warm = median.get(WARM)
    if static:
        lines.append(check("warm ≥ 40 % of nginx static, p99 < 20 ms", warm.rps >= 0.4 * static.rps and warm.p99_ms < 20,
                           f"{warm.rps / static.rps:.0%}, p99 {warm.p99_ms:.1f} ms"))
        front = median[NGINX_FRONT]
        lines.append(check("nginx in front ≥ 80 % of nginx static", front.rps >= 0.8 * static.rps, f"{front.rps / static.rps:.0%}"))
    if WAGTAIL in median:
        cold, wagtail = median[COLD], median[WAGTAIL]
        lines.append(check("cold ≥ 4× Wagtail uncached", cold.rps >= 4 * wagtail.rps, f"{cold.rps / wagtail.rps:.2f}×"))
        if STRICT in median:
            strict = median[STRICT]
            lines.append(check("strictly cold (nothing cached, baked or kept) ≥ 4× Wagtail uncached", strict.rps >= 4 * wagtail.rps,
                               f"{strict.rps / wagtail.rps:.2f}×, p99 {strict.p99_ms:.0f} ms"))
        if warm and WAGTAIL_CACHED in median:
            lines.append(f"- warm against Wagtail with cache_page: {warm.rps / median[WAGTAIL_CACHED].rps:.1f}×")
    return lines


def cold_against_wagtail(home: Path, path: str, url: str, size: int, one_thread: list[str], app: str, unbaked: dict, args, script: Path) -> None:
    """``--cold``: the cold and strictly cold article page against Wagtail uncached, same server and workers, runs interleaved."""
    bin_dir, wagtail_env, wagtail_path = wagtail_bench.site(home, home / "newsdesk.sqlite3", path)
    wagtail_port = free_port()
    strict_port = free_port()
    at = one_thread.index("--port") + 1  # its own port: the servers run side by side
    wagtail = [str(bin_dir / "granian"), *one_thread[1:at], str(wagtail_port), *one_thread[at + 1:], "wagtail_site.wsgi:application"]
    strict = [*one_thread[:at], str(strict_port), *one_thread[at + 1:], app]
    load_before = os.getloadavg()
    rows = interleaved([
        (COLD, [*one_thread, app], url, unbaked, ROOT, size),
        (STRICT, strict, f"http://127.0.0.1:{strict_port}{path}", unbaked | {"NEWSDESK_KEPT": "0"}, ROOT, size),
        (WAGTAIL, wagtail, f"http://127.0.0.1:{wagtail_port}{wagtail_path}", wagtail_env, wagtail_bench.HERE, None),
    ], args, script)
    load_after = os.getloadavg()
    cold, strict_row, wagtail_row = rows
    print(f"\nwrk -t2 -c{args.connections} -d{args.seconds}s, {args.runs} interleaved runs; load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after\n")
    print("| server | page bytes | req/s (median) | runs | p50 ms | p99 ms | RSS MB | vs Wagtail uncached |\n| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        m = row.median
        print(f"| {row.name} | {row.size:,} | {m.rps:,.0f} | {', '.join(f'{r.rps:,.0f}' for r in row.runs)} | {m.p50_ms:.2f} | "
              f"{m.p99_ms:.2f} | {row.rss:.0f} | {m.rps / wagtail_row.median.rps:.2f} |")
    for row in (cold, strict_row):
        pairs = ", ".join(f"{c.rps / w.rps:.2f}" for c, w in zip(row.runs, wagtail_row.runs))
        print(f"\n{row.name}: ratio to Wagtail uncached per round: {pairs}")
    print()
    for line in goals({COLD: cold.median, STRICT: strict_row.median, WAGTAIL: wagtail_row.median}):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--gunicorn", action="store_true", help="also measure newsdesk unbaked under gunicorn")
    parser.add_argument("--no-wagtail", action="store_true", help="skip the Wagtail rows (they need pip to make their virtualenv)")
    parser.add_argument("--cold", action="store_true", help="only newsdesk cold against Wagtail uncached, their runs interleaved")
    parser.add_argument("--endurance", type=int, default=60, help="seconds of the beacon run under `newsdesk serve` (0: none)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    home = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    home.chmod(0o755)  # nginx's workers run as another user
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")} | {
        "NEWSDESK_HOME": str(home),
        "NEWSDESK_SITE_URL": f"http://127.0.0.1:{port}",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    newsdesk = str(BIN / "newsdesk")
    subprocess.run([newsdesk, "migrate", "-v0"], env=env, check=True)
    subprocess.run([newsdesk, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    ingested = subprocess.run([newsdesk, "ingest", "--json", str(long_capture(home))], env=env, check=True, capture_output=True, text=True)
    path = re.search(r'"url": "([^"]+)"', ingested.stdout).group(1)
    subprocess.run([newsdesk, "bake"], env=env, check=True, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}{path}"
    page = home / "page.html"
    baked = home / "baked" / path.strip("/") / "index.html"
    page.write_bytes(baked.read_bytes())
    size = len(page.read_bytes())
    env["BENCH_PAGE_FILE"] = str(page)
    script = home / "check.lua"
    script.write_text(CHECK_LUA)

    granian = [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--log-level", "error"]
    app = "newsdesk.config.wsgi:application"
    unbaked = env | {"NEWSDESK_BAKE": "0"}
    one_thread = [*granian, "--blocking-threads", "1"]
    if args.cold:
        cold_against_wagtail(home, path, url, size, one_thread, app, unbaked, args, script)
        shutil.rmtree(home, ignore_errors=True)
        return
    rows = [
        measure("bare WSGI, granian (baseline)", [*one_thread, "bench.serve.bare_app:application"], url, env, args, script, size),
        measure(WARM, [*one_thread, app], url, env, args, script, size),
        measure("newsdesk baked, granian, 4 blocking threads", [*granian, "--blocking-threads", "4", app], url, env, args, script, size),
        measure(COLD, [*one_thread, app], url, unbaked, args, script, size),
        measure(STRICT, [*one_thread, app], url, unbaked | {"NEWSDESK_KEPT": "0"}, args, script, size),
    ]
    if args.gunicorn:
        gunicorn = [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2", "--worker-class", "gthread", "--threads", "4", "--log-level", "error", app]
        rows.append(measure("newsdesk unbaked, gunicorn gthread", gunicorn, url, unbaked, args, script, size))
    if not args.no_wagtail:
        bin_dir, wagtail_env, wagtail_path = wagtail_bench.site(home, home / "newsdesk.sqlite3", path)
        wagtail_url = f"http://127.0.0.1:{port}{wagtail_path}"
        wagtail = [str(bin_dir / "granian"), *one_thread[1:], "wagtail_site.wsgi:application"]
        rows.append(measure(WAGTAIL, wagtail, wagtail_url, wagtail_env, args, script, None, cwd=wagtail_bench.HERE))
        rows.append(measure(WAGTAIL_CACHED, wagtail, wagtail_url, wagtail_env | {"WAGTAIL_BENCH_CACHE": "1"}, args, script, None, cwd=wagtail_bench.HERE))
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx:
        (home / "nginx-tmp").mkdir()
        nginx_port = free_port()
        nginx_url = f"http://127.0.0.1:{nginx_port}{path}"
        rows.append(measure(NGINX_STATIC, [nginx, "-c", str(nginx_conf(home, nginx_port, port, home))], nginx_url, env, args, script, size))
        rows.append(measure(NGINX_FRONT, [nginx, "-c", str(nginx_conf(home, nginx_port, port, None))], nginx_url, env, args, script, size))
    else:
        print("  (nginx is not installed: apt-get install nginx-light for the nginx rows)")
    endurance_line = endurance(url, env, args, size, home, int(path.split("/")[2])) if args.endurance else None

    baseline = statistics.median(r.rps for r in rows[0].runs)
    print(f"\narticle page {size:,} bytes; wrk -t2 -c{args.connections} -d{args.seconds}s; median of {args.runs} runs; every response checked\n")
    print("| server | req/s (median) | runs | p50 ms | p99 ms | RSS MB | vs bare WSGI |\n| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        m = row.median
        print(
            f"| {row.name} | {m.rps:,.0f} | {', '.join(f'{r.rps:,.0f}' for r in row.runs)} | {m.p50_ms:.2f} | "
            f"{m.p99_ms:.2f} | {row.rss:.0f} | {m.rps / baseline:.2f} |"
        )
    print()
    for line in goals({row.name: row.median for row in rows}):
        print(line)
    if endurance_line:
        print(f"- endurance: {endurance_line}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
