"""`newsdesk views_flush [--every SECONDS]`: move view counts waiting in Redis into the database."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from newsdesk.publish import readership, readership_redis


class Command(BaseCommand):
    help = "Flush the view counts buffered in Redis (REDIS_URL) into the database, and prune old hourly counts."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="keep running, flushing every SECONDS (0: once)")

    def handle(self, *args, **options):
        if not readership_redis.enabled():
            self.stdout.write("newsdesk views_flush: REDIS_URL is not set; views are counted in the database directly")
        while True:
            result = readership.views_flush()
            pruned = readership.views_prune()
            if options["verbosity"] > 1 or not options["every"]:
                self.stdout.write(f"newsdesk views_flush: {result.views} view(s) in {result.batches} batch(es); {pruned} old hourly row(s) pruned")
            if not options["every"]:
                return
            time.sleep(options["every"])
