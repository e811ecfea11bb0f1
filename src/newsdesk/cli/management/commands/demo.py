"""`newsdesk demo`: migrate, load the bundled sample wire (dated relative to now), serve."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from newsdesk.pipeline.sample_wire import sample_wire_load, sample_wire_loaded, sample_wire_unload


class Command(BaseCommand):
    help = "Set up the database, load the sample wire and serve on 127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="set up and load only")
        parser.add_argument("--refresh", action="store_true", help="reload the sample wire dated from now")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if options["refresh"]:
            self.stdout.write(f"newsdesk demo: removed {sample_wire_unload()} sample article(s)")
        if sample_wire_loaded():
            self.stdout.write("newsdesk demo: the sample wire is already loaded (--refresh dates it from now again)")
        else:
            self._load(port=options["port"])
        if not options["no_serve"]:
            call_command("serve", host="127.0.0.1", port=options["port"])

    def _load(self, *, port: int) -> None:
        results = sample_wire_load(images_base=f"http://127.0.0.1:{port}/static/site/sample")
        failed = [r for r in results if r.status == "failed"]
        self.stdout.write(f"newsdesk demo: sample wire loaded: {len(results) - len(failed)} articles, {len(failed)} failed")
        for result in failed:
            self.stderr.write(f"  {result.origin}: {result.message} ({result.reason})")
