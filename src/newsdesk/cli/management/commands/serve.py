"""`newsdesk serve`: the production server (granian by default, gunicorn on request), never runserver.

granian was chosen on measurement: see docs/performance.md and bench/serve.
"""

from __future__ import annotations

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

WSGI_APP = "newsdesk.config.wsgi:application"


def server_argv(server: str, *, host: str, port: int, workers: int) -> list[str]:
    """The command line that starts ``server`` on the newsdesk WSGI app."""
    if server == "gunicorn":
        return [sys.executable, "-m", "gunicorn", WSGI_APP, "--bind", f"{host}:{port}", "--workers", str(workers),
                "--worker-class", "gthread", "--threads", "4", "--access-logfile", "-"]
    return [sys.executable, "-m", "granian", "--interface", "wsgi", WSGI_APP, "--host", host, "--port", str(port),
            "--workers", str(workers), "--blocking-threads", "4"]


class Command(BaseCommand):
    help = "Serve the site with a production server (granian, or gunicorn) and WhiteNoise for static files."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("NEWSDESK_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("NEWSDESK_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("NEWSDESK_WORKERS", os.cpu_count() or 2)))
        parser.add_argument("--server", choices=["granian", "gunicorn"], default=os.environ.get("NEWSDESK_SERVER", "granian"))

    def handle(self, *args, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        argv = server_argv(options["server"], host=options["host"], port=options["port"], workers=options["workers"])
        self.stdout.write(f"newsdesk: serving on http://{options['host']}:{options['port']}/ with {options['server']}")
        self.stdout.flush()
        os.execv(argv[0], argv)
