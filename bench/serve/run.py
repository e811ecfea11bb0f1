"""bench/serve: req/s on a ~27 KB article page, baked and unbaked, against a bare WSGI callable and nginx.

Ingests one long article (the harbour capture from tests/cli/testdata with
paragraphs added, generated here) into a scratch NEWSDESK_HOME, then
measures with wrk (Debian's package) on 127.0.0.1, each server in turn:

- the bare WSGI baseline: a callable returning the same bytes from memory
  under granian (what the server can do when the application costs nothing);
- newsdesk under granian with the page baked (answered by site.baked_app
  before Django's stack; "warm");
- newsdesk under granian with baking off (NEWSDESK_BAKE=0: Django renders
  every request; "cold");
- with nginx installed: nginx serving the same bytes as a plain static file,
  and nginx in front of newsdesk serving the baked folder (deploy/nginx.conf).

Every response is checked (status 200 and the full body, by a wrk Lua
script); a run with a bad response fails. Prints req/s (median of --runs
runs), p50 and p99 latency of the median run, the server's RSS, and ratios.
Usage: python bench/serve/run.py [--runs 3] [--seconds 8] [--connections 32] [--gunicorn]
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


def wait_up(url: str, timeout: float = 30) -> None:
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
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *(["-s", str(script)] if script else []), url]
    out = subprocess.run(argv, capture_output=True, text=True, env=env).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not rps or re.search(r"Socket errors|Non-2xx", out):
        raise SystemExit(f"wrk failed or got errors:\n{out}")
    if script is not None:
        bad = re.search(r"BAD (\d+)", out)
        if not bad or int(bad.group(1)):
            raise SystemExit(f"a response was not a 200 with the whole page:\n{out}")
    else:
        done = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(KB|MB|GB) read", out)
        read = float(done.group(2)) * {"KB": 2**10, "MB": 2**20, "GB": 2**30}[done.group(3)]
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


def measure(name: str, argv: list[str], url: str, env: dict, args, script: Path, size: int) -> tuple[str, list[Run], float]:
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(url)
        wrk(url, 2, args.connections, size, script=script)  # warm-up, every response checked
        runs = [wrk(url, args.seconds, args.connections, size) for _ in range(args.runs)]
        memory = rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(10)
    print(f"  {name}: {', '.join(f'{r.rps:,.0f}' for r in runs)} req/s", flush=True)
    return name, runs, memory


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--gunicorn", action="store_true", help="also measure newsdesk unbaked under gunicorn")
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
    rows = [
        measure("bare WSGI, granian (baseline)", [*one_thread, "bench.serve.bare_app:application"], url, env, args, script, size),
        measure("newsdesk baked, granian (warm)", [*one_thread, app], url, env, args, script, size),
        measure("newsdesk baked, granian, 4 blocking threads", [*granian, "--blocking-threads", "4", app], url, env, args, script, size),
        measure("newsdesk unbaked, granian (cold: Django renders)", [*one_thread, app], url, unbaked, args, script, size),
    ]
    if args.gunicorn:
        gunicorn = [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2", "--worker-class", "gthread", "--threads", "4", "--log-level", "error", app]
        rows.append(measure("newsdesk unbaked, gunicorn gthread", gunicorn, url, unbaked, args, script, size))
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx:
        (home / "nginx-tmp").mkdir()
        nginx_port = free_port()
        nginx_url = f"http://127.0.0.1:{nginx_port}{path}"
        rows.append(measure("nginx, the page as a static file", [nginx, "-c", str(nginx_conf(home, nginx_port, port, home))], nginx_url, env, args, script, size))
        rows.append(measure("nginx in front, baked folder", [nginx, "-c", str(nginx_conf(home, nginx_port, port, None))], nginx_url, env, args, script, size))
    else:
        print("  (nginx is not installed: apt-get install nginx-light for the nginx rows)")

    baseline = statistics.median(r.rps for r in rows[0][1])
    print(f"\narticle page {size:,} bytes; wrk -t2 -c{args.connections} -d{args.seconds}s; median of {args.runs} runs; every response checked\n")
    print("| server | req/s (median) | runs | p50 ms | p99 ms | RSS MB | vs bare WSGI |\n| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for name, runs, memory in rows:
        median_run = sorted(runs, key=lambda r: r.rps)[len(runs) // 2]
        print(
            f"| {name} | {median_run.rps:,.0f} | {', '.join(f'{r.rps:,.0f}' for r in runs)} | {median_run.p50_ms:.2f} | "
            f"{median_run.p99_ms:.2f} | {memory:.0f} | {median_run.rps / baseline:.2f} |"
        )
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
