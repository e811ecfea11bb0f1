"""`newsdesk ingest PATH|URL... [--json]`: store, extract and save; report each input."""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdesk.pipeline.inputs import input_read, inputs_expand
from newsdesk.pipeline.ingest import IngestResult, item_process
from newsdesk.core.errors import IngestError

PROGRESS_FROM = 5  # show a progress bar on a terminal from this many inputs


class Command(BaseCommand):
    help = "Ingest files, folders or URLs; bad inputs are reported one line each and the rest still go in."

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="PATH|URL")
        parser.add_argument("--json", action="store_true", help="print one JSON object per article")
        parser.add_argument("--draft", action="store_true", help="save as drafts instead of publishing")

    def handle(self, *args, **options):
        names = inputs_expand(options["inputs"])
        failed = 0
        for name in self._progress(names):
            for result in self._ingest_one(name, publish=not options["draft"]):
                failed += result.status == "failed"
                self._report(result, as_json=options["json"])
        if failed:
            raise CommandError(f"{failed} item(s) could not be ingested; see the lines above")

    def _ingest_one(self, name: str, *, publish: bool) -> list[IngestResult]:
        try:
            origin, payload, content_type = input_read(name, max_bytes=settings.MAX_PAYLOAD_BYTES)
        except IngestError as error:
            return [IngestResult(origin=name, status="failed", reason=error.reason, message=error.message)]
        return item_process(
            origin=origin, payload=payload, content_type=content_type,
            max_bytes=settings.MAX_PAYLOAD_BYTES, publish=publish,
        )

    def _report(self, result: IngestResult, *, as_json: bool) -> None:
        if result.status == "skipped":
            self.stderr.write(f"newsdesk ingest: {result.origin}: skipped: {result.message} ({result.reason})")
            if as_json:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        elif result.status == "failed":
            self.stderr.write(f"newsdesk ingest: {result.origin}: {result.message} ({result.reason})")
            if as_json:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        elif as_json:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(f"{result.status:9} {result.url}  {result.headline}")

    def _progress(self, names: list[str]):
        if len(names) >= PROGRESS_FROM and sys.stdout.isatty():
            from tqdm import tqdm

            return tqdm(names, unit="input", file=sys.stderr)
        return names
