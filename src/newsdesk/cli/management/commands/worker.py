"""`newsdesk worker`: poll the sources that are due and run the background tasks, until stopped."""

from __future__ import annotations

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from newsdesk.pipeline.worker import WorkerOptions, worker_run


class Command(BaseCommand):
    help = "Run the scheduler (queue a refresh for each due source) and task runner threads. Stop with Ctrl+C or SIGTERM."

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=settings.WORKER_THREADS, help="task runner threads (default: NEWSDESK_WORKER_THREADS)")
        parser.add_argument("--burst", action="store_true", help="poll what is due, finish every queued task, then exit")

    def handle(self, *args, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())  # finish the tasks in hand, then exit
        worker_options = WorkerOptions(
            threads=options["threads"], tick=settings.WORKER_TICK_SECONDS, lease=settings.WORKER_LEASE_SECONDS, burst=options["burst"]
        )
        self.stdout.write(f"newsdesk worker: {worker_options.threads} runner thread(s); Ctrl+C stops after the tasks in hand")
        self.stdout.flush()
        worker_run(worker_options, stop=stop)
