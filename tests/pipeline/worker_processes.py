"""Real `newsdesk worker` processes on the test's own database, to be killed and started again.

pytest-django gives each test run its own database (``test_test``,
``test_test_gw0`` on PostgreSQL; a file in a temporary folder on SQLite), so
the workers are told where it is through ``DATABASE_URL``, exactly as an
operator would; the test needs ``transactional_db`` so what it writes is
committed and visible to them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote


def database_url() -> str:
    """The URL of the database this test is using, for a subprocess."""
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(home: Path, **settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSDESK_")}
    env.update(
        DATABASE_URL=database_url(),
        NEWSDESK_HOME=str(home),
        NEWSDESK_ALLOW_PRIVATE_FETCH="1",
        NEWSDESK_LOG_LEVEL="WARNING",
        NEWSDESK_ENRICH="0",  # these tests are about ingest under load and crashes; NER (a task per article) is tested in test_understand
        DJANGO_SETTINGS_MODULE="newsdesk.config.settings",
        **settings,
    )
    return env


class WorkerProcesses:
    """Start, kill (SIGKILL) and stop `newsdesk worker` processes; their output goes to files in ``home``."""

    def __init__(self, home: Path, env: dict[str, str], *, threads: int = 3) -> None:
        self.home, self.env, self.threads = home, env, threads
        self.running: list[subprocess.Popen] = []
        self.born: dict[int, float] = {}
        self.started = 0
        self.killed = 0

    def start(self) -> subprocess.Popen:
        self.started += 1
        log = (self.home / f"worker-{self.started}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk.cli.main", "worker", "--threads", str(self.threads)],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        log.close()
        self.running.append(process)
        self.born[process.pid] = time.monotonic()
        return process

    def age(self, process: subprocess.Popen) -> float:
        return time.monotonic() - self.born[process.pid]

    def kill(self, process: subprocess.Popen) -> None:
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.running.remove(process)
        self.killed += 1

    def stop_all(self, timeout: float = 20) -> None:
        for process in self.running:
            process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.running.clear()

    def logs(self) -> str:
        return "\n".join(path.read_text(errors="replace") for path in sorted(self.home.glob("worker-*.log")))
