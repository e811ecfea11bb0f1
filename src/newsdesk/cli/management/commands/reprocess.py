"""`newsdesk reprocess [--source S] [--since DATE]`: run the pipeline again over stored raw items."""

from __future__ import annotations

from datetime import datetime, timezone as dt_timezone

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsdesk.pipeline.reprocess import reprocess
from newsdesk.pipeline.sources import SourceError, interval_parse


class Command(BaseCommand):
    help = "Re-run the pipeline over stored raw items (nothing is fetched again); poison items are set aside with their reason."

    def add_arguments(self, parser):
        parser.add_argument("--source", default=None, help="only this source's raw items (its name)")
        parser.add_argument("--since", default=None, help="only raw items received since DATE (2026-03-01, 2026-03-01T09:00) or a time ago (24h, 7d)")

    def handle(self, *args, **options):
        since = _since(options["since"]) if options["since"] else None
        try:
            report = reprocess(source=options["source"], since=since)
        except SourceError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"newsdesk reprocess: {report.line()}")
        for item in report.set_aside:
            self.stderr.write(f"newsdesk reprocess: {item.origin}: set aside: {item.message} ({item.reason})")


def _since(text: str) -> datetime:
    try:
        return timezone.now() - interval_parse(text)
    except SourceError:
        pass
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--since {text!r}: write a date (2026-03-01), a date and time, or a time ago (24h, 7d)") from None
    return when if when.tzinfo else when.replace(tzinfo=dt_timezone.utc)
