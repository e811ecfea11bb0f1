"""The per-host fetch cap holds across worker processes, and a killed worker never leaves its host blocked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from worker_processes import database_url

from newsdesk.pipeline.hosts import HostBusy, host_slot

pytestmark = pytest.mark.django_db

URL = "http://wire.example:8080/feed.xml"
HOLD = """
import django, sys, time
django.setup()
from newsdesk.pipeline.hosts import host_slot
with host_slot(sys.argv[1], limit=int(sys.argv[2])):
    print("held", flush=True)
    time.sleep(120)
"""


def _holder(limit: int = 1) -> subprocess.Popen:
    """Another worker process holding a slot of the host, the way a fetch in flight does."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {"DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "newsdesk.config.settings"}
    process = subprocess.Popen([sys.executable, "-c", HOLD, URL, str(limit)], env=env, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line.strip() == "held", f"the holding process did not start (exit {process.poll()})"
    return process


def _free_within(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with host_slot(URL, limit=1):
                return True
        except HostBusy:
            time.sleep(0.05)
    return False


def test_a_fetch_in_another_process_counts_against_the_hosts_cap():
    holder = _holder()
    try:
        with pytest.raises(HostBusy):
            with host_slot(URL, limit=1):
                pass
        with host_slot(URL, limit=2):  # the second slot is free
            with host_slot("http://other.example/feed.xml", limit=1):  # and other hosts are not affected
                pass
    finally:
        holder.kill()
        holder.wait()


def test_a_worker_killed_mid_fetch_frees_its_slot():
    holder = _holder()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert _free_within(5.0), "the killed process's slot was never given back"


def test_a_thread_asking_twice_for_a_full_host_is_refused():
    with host_slot(URL, limit=1):
        with pytest.raises(HostBusy):
            with host_slot(URL, limit=1):
                pass
    with host_slot(URL, limit=1):  # and everything was given back
        pass
