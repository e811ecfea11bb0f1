"""Scale-out (issue 5, point 7): two web processes and a worker on one PostgreSQL and one Redis.

Everything runs as an operator runs it: the server `newsdesk serve` starts, on two ports, `newsdesk worker` watching a
folder source, `newsdesk ingest` and `newsdesk views_flush` as their own processes, all pointed at the
same ``DATABASE_URL`` (database ``newsdesk_two_processes``), ``REDIS_URL`` (Redis database 1) and ``NEWSDESK_HOME``
(the baked folder every publishing process refreshes, as docs/deployment.md asks). Requests carry the
public host (``NEWSDESK_SITE_URL``), as behind a load balancer, so both web processes answer from
the shared baked folder. Skipped where PostgreSQL or Redis is missing; failed instead when CI is set.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newsdesk.cli.management.commands.serve import server_argv

ROOT = Path(__file__).resolve().parents[2]
CAPTURES = ROOT / "src" / "newsdesk" / "sample_wire" / "captures"
DATABASE = "newsdesk_two_processes"
POSTGRES = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS = "redis://127.0.0.1:6379/1"
HOST = "news.test"
BEACONS = (60, 40)  # sent to the first and to the second web process, at the same time


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def services():
    """A PostgreSQL database and a Redis database of this test's own, both emptied first."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("runs once per `make test`, in the PostgreSQL pass (DATABASE_URL names PostgreSQL there)")
    import psycopg
    import redis

    try:
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3, autocommit=True) as admin:
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
                admin.execute(f"CREATE DATABASE {DATABASE}")
    except psycopg.Error as error:
        _unavailable(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error.__class__.__name__}); apt-get install postgresql")
    client = redis.Redis.from_url(REDIS)
    try:
        client.flushdb()
    except redis.RedisError as error:
        _unavailable(f"Redis is not reachable at 127.0.0.1:6379 ({error.__class__.__name__}); apt-get install redis-server")
    yield client
    client.flushdb()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Deployment:
    """The processes of one small deployment, their environment and their logs."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.site_url = f"http://{HOST}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")} | {
            "DATABASE_URL": POSTGRES,
            "REDIS_URL": REDIS,
            "NEWSDESK_HOME": str(home),
            "NEWSDESK_SITE_URL": self.site_url,
            "NEWSDESK_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "NEWSDESK_WORKER_TICK_SECONDS": "0.2",
            "NEWSDESK_LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "newsdesk.config.settings",
        }
        self.processes: list[subprocess.Popen] = []

    def run(self, *argv: str) -> str:
        done = subprocess.run([sys.executable, "-m", "newsdesk.cli.main", *argv], env=self.env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"newsdesk {' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def start(self, name: str, *argv: str) -> None:
        self.spawn(name, [sys.executable, "-m", "newsdesk.cli.main", *argv])

    def spawn(self, name: str, argv: list[str]) -> None:
        log = (self.home / f"{name}.log").open("wb")
        self.processes.append(subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))
        log.close()

    def serve(self, name: str) -> str:
        """What `newsdesk serve` runs (its server command line), without its collectstatic: done once, in the fixture."""
        port = _free_port()
        self.spawn(name, server_argv("granian", host="127.0.0.1", port=port, workers=1))
        origin = f"http://127.0.0.1:{port}"
        _until(lambda: _get(origin, "/robots.txt") is not None, f"{name} did not come up", self)
        return origin

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()

    def logs(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text()[-2000:]}" for log in sorted(self.home.glob("*.log")))


def _request(origin: str, path: str, *, method: str = "GET") -> urllib.request.Request:
    return urllib.request.Request(origin + path, method=method, headers={"Host": HOST}, data=b"" if method == "POST" else None)


def _get(origin: str, path: str) -> str | None:
    try:
        with urllib.request.urlopen(_request(origin, path), timeout=10) as response:
            return response.read().decode()
    except OSError:
        return None


def _beacon(origin: str, pk: int) -> int:
    with urllib.request.urlopen(_request(origin, f"/views/{pk}", method="POST"), timeout=10) as response:
        return json.loads(response.read())["views"]


def _until(condition, message: str, deployment: Deployment, timeout: float = 25) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{message}\n{deployment.logs()}")


def _published(headline_part: str) -> tuple[int, str]:
    """(id, URL path) of the published article whose headline holds ``headline_part``, read from PostgreSQL."""
    import psycopg

    with psycopg.connect(POSTGRES.replace("postgres://", "postgresql://", 1)) as db:
        row = db.execute(
            "SELECT id, slug FROM newsroom_article WHERE status = 'published' AND headline ILIKE %s", (f"%{headline_part}%",)
        ).fetchone()
    return (row[0], f"/article/{row[0]}/{row[1]}/") if row else (0, "")


def _stored_views(pk: int) -> int:
    import psycopg

    with psycopg.connect(POSTGRES.replace("postgres://", "postgresql://", 1)) as db:
        row = db.execute("SELECT total FROM newsroom_viewcount WHERE article_id = %s", (pk,)).fetchone()
    return row[0] if row else 0


@pytest.fixture
def deployment(services, tmp_path):
    deployment = Deployment(tmp_path)
    deployment.run("migrate", "-v0")
    deployment.run("flush", "--noinput", "-v0")  # the database is this test's own: start empty
    deployment.run("collectstatic", "--noinput", "-v0")
    yield deployment
    deployment.stop()


def test_a_publish_through_one_process_is_seen_through_both_and_views_from_both_add_up(deployment):
    first, second = deployment.serve("web-1"), deployment.serve("web-2")
    incoming = deployment.home / "incoming"
    incoming.mkdir()
    shutil.copy(CAPTURES / "kenya-tea-auction-stalls.txt", incoming)
    deployment.run("source", "add", str(incoming), "--name", "Desk folder", "--auto-publish")
    deployment.start("worker", "worker", "--threads", "2")

    # The worker publishes the first story; both web processes show it, and the home page is baked.
    _until(lambda: _published("tea")[0], "the worker did not publish the folder's story", deployment)
    tea_id, tea_path = _published("tea")
    for origin in (first, second):
        page = _get(origin, tea_path)
        assert page is not None and "tea" in page.lower()
    home_before = _get(second, "/")
    assert home_before is not None and tea_path in home_before
    assert (deployment.home / "baked" / "index.html").exists()  # answered from the shared baked folder from now on

    # A publish through another process (the ingest command) refreshes the baked home page for both.
    ingested = json.loads(deployment.run("ingest", "--json", str(CAPTURES / "lisbon-cafe-mural-uncovered.txt")).splitlines()[-1])
    assert ingested["status"] == "created"
    for origin in (first, second):
        home = _get(origin, "/")
        assert home is not None and ingested["url"] in home and tea_path in home, f"{origin} still serves the old home page"

    # Views sent to both web processes at once add up exactly once flushed from Redis to PostgreSQL.
    targets = [first] * BEACONS[0] + [second] * BEACONS[1]
    with ThreadPoolExecutor(max_workers=8) as pool:
        totals = list(pool.map(lambda origin: _beacon(origin, tea_id), targets))
    assert sorted(totals) == list(range(1, sum(BEACONS) + 1))  # Redis counted each view once, in order
    assert _stored_views(tea_id) == 0  # nothing written to the database per view: they wait in Redis
    deployment.run("views_flush")
    assert _stored_views(tea_id) == sum(BEACONS)
    assert "views_flush: 0 view(s)" in deployment.run("views_flush")  # nothing left to move, nothing counted twice
    assert _stored_views(tea_id) == sum(BEACONS)
