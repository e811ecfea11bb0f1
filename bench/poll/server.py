"""A small, fast HTTP/1.1 server for the benchmarks: a folder served from 127.0.0.1 on several ports.

Run in its own process (so it never shares newsdesk's GIL) by ``serve()``;
each port stands for one publisher's host (newsdesk caps fetches per host
and port, as a newsroom's feeds come from many hosts). Every file under the
folder is served at its relative path on every port, with a strong ETag and
a Last-Modified: a request carrying a matching If-None-Match (or, without
one, If-Modified-Since) gets ``304 Not Modified`` and no body. In a served
file the text ``http://BENCH-HOST`` becomes the base URL of the port that
answers, so the corpus can link to pages before the ports are known. Files
are read on first request and then kept in memory.

``--delay`` makes every answer wait that many seconds first (a publisher
across the Internet rather than on 127.0.0.1). ``GET /_stats`` answers the counts per status and the times (``time.time()``)
of the first and last request since the last ``GET /_stats?reset=1``.

    python -m bench.poll.server FOLDER --ports 50 [--delay 0.05]   # prints {"ports": [...]} and serves until killed
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

PLACEHOLDER = b"http://BENCH-HOST"
LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8", ".json": "application/json"}
ROOT = Path(__file__).resolve().parents[2]


class Folder:
    """The files and the counts: shared by every port of the process."""

    def __init__(self, root: Path, delay: float = 0.0) -> None:
        self.root = root.resolve()
        self.delay = delay
        self.cache: dict[tuple[str, int], tuple[bytes, str, str] | None] = {}
        self.statuses: Counter[int] = Counter()
        self.first = self.last = 0.0

    def file(self, path: str, port: int) -> tuple[bytes, str, str] | None:
        """Body, ETag and Content-Type of ``path`` as served on ``port``; None when there is no such file."""
        key = (path, port)
        if key not in self.cache:
            target = (self.root / path.lstrip("/")).resolve()
            if self.root not in target.parents or not target.is_file():
                self.cache[key] = None
            else:
                body = target.read_bytes().replace(PLACEHOLDER, f"http://127.0.0.1:{port}".encode())
                etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
                self.cache[key] = (body, etag, TYPES.get(target.suffix, "application/octet-stream"))
        return self.cache[key]

    def count(self, status: int) -> None:
        now = time.time()
        self.first = self.first or now
        self.last = now
        self.statuses[status] += 1

    def stats(self, reset: bool) -> bytes:
        body = json.dumps({"statuses": {str(k): v for k, v in self.statuses.items()}, "first": self.first, "last": self.last}).encode()
        if reset:
            self.statuses.clear()
            self.first = self.last = 0.0
        return body


async def _answer(folder: Folder, port: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = (lines[0].split(" ") + ["", "", ""])[:3]
            headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:] if line)}
            keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
            path, _, query = target.partition("?")
            extra = ""
            if path == "/_stats":
                status, body, content_type = 200, folder.stats(reset="reset=1" in query), "application/json"
            else:
                if folder.delay:
                    await asyncio.sleep(folder.delay)
                found = folder.file(path, port) if method in ("GET", "HEAD") else None
                if found is None:
                    status, body, content_type = 404, b"not found", "text/plain"
                else:
                    body, etag, content_type = found
                    inm, ims = headers.get("if-none-match"), headers.get("if-modified-since")
                    fresh = inm == etag if inm else ims == LAST_MODIFIED
                    status = 304 if fresh else 200
                    body = b"" if fresh else body
                    extra = f"ETag: {etag}\r\nLast-Modified: {LAST_MODIFIED}\r\n"
                folder.count(status)
            reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
            length = "" if status == 304 else f"Content-Length: {len(body)}\r\n"
            writer.write(
                (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{length}{extra}"
                 f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n").encode("latin-1")
                + (b"" if method == "HEAD" else body)
            )
            await writer.drain()
            if not keep_alive:
                return
    finally:
        writer.close()


async def _serve(root: Path, count: int, delay: float) -> None:
    folder = Folder(root, delay)
    servers, ports = [], []
    for _ in range(count):
        holder: dict[str, int] = {}
        server = await asyncio.start_server(
            lambda r, w, h=holder: _answer(folder, h["port"], r, w), "127.0.0.1", 0, backlog=1024, reuse_address=True
        )
        holder["port"] = server.sockets[0].getsockname()[1]
        servers.append(server)
        ports.append(holder["port"])
    print(json.dumps({"ports": ports}), flush=True)
    await asyncio.gather(*(server.serve_forever() for server in servers))


class ServerProcess:
    """The server in a child process: ``with ServerProcess(folder, ports=50) as server: server.base(3)``."""

    def __init__(self, root: Path, *, ports: int, delay: float = 0.0) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.poll.server", str(root), "--ports", str(ports), "--delay", str(delay)],
            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("the benchmark's HTTP server did not start")
        self.ports: list[int] = json.loads(line)["ports"]

    def base(self, n: int) -> str:
        """The base URL of host ``n`` (its port), for n over any number (round-robin)."""
        return f"http://127.0.0.1:{self.ports[n % len(self.ports)]}"

    def stats(self, *, reset: bool = False) -> dict:
        with urllib.request.urlopen(self.base(0) + "/_stats" + ("?reset=1" if reset else ""), timeout=10) as response:
            return json.loads(response.read())

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)

    def __enter__(self) -> "ServerProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--ports", type=int, default=1)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds every answer waits (default 0)")
    args = parser.parse_args()
    try:
        asyncio.run(_serve(args.root, max(args.ports, 1), args.delay))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
