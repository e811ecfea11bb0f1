"""`newsdesk bake [--clear]`: render every public page into the baked folder (docs/performance.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from newsdesk.publish.bake import bake_all
from newsdesk.publish.bake.baker import state_wanted
from newsdesk.publish.bake.store import all_locks, clear


class Command(BaseCommand):
    help = "Bake every public page (home, sections, articles, feeds, sitemaps, robots.txt) into NEWSDESK_BAKED_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--clear", action="store_true", help="empty the folder first (readers get Django's answer until each page is baked)")

    def handle(self, *args, **options):
        if not settings.BAKE:
            raise CommandError("baking is off (NEWSDESK_BAKE=0): nothing would serve the pages")
        call_command("collectstatic", interactive=False, verbosity=0)  # pages name the hashed static files
        if options["clear"]:
            with all_locks():
                clear(state_wanted())
        done = bake_all()
        self.stdout.write(
            f"newsdesk bake: {len(done.written)} written, {len(done.unchanged)} unchanged, "
            f"{len(done.removed)} removed in {done.seconds:.1f}s into {settings.BAKED_DIR}"
        )
