"""`newsdesk extract FILE`: print the draft as ninjs 3.x JSON, without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdesk.core.errors import IngestError
from newsdesk.pipeline.preview import drafts_from_payload
from newsdesk.core.ninjs import draft_to_ninjs


class Command(BaseCommand):
    help = "Extract FILE and print it as IPTC ninjs 3.x JSON (one object, or an array for a feed). No database."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="a page capture, an HTML page or a feed file ('-' for standard input)")
        parser.add_argument(
            "--enrich",
            action="store_true",
            help="also fill ninjs people, places and organisations (needs spaCy and the model NEWSDESK_SPACY_MODEL names)",
        )

    def handle(self, *args, **options):
        name = options["file"]
        try:
            payload = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as error:
            raise CommandError(f"{name}: cannot read: {error.strerror}") from error
        try:
            drafts = drafts_from_payload(payload, origin=name, max_bytes=settings.MAX_PAYLOAD_BYTES)
        except IngestError as error:
            raise CommandError(f"{name}: {error.message} ({error.reason})") from error
        items = [draft_to_ninjs(draft) for draft in drafts]
        if options["enrich"]:
            items = [item | _entities(draft) for item, draft in zip(items, drafts)]
        self.stdout.write(json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2))


def _entities(draft) -> dict:
    """ninjs people, places and organisations of the draft; a missing model is an error naming what to install."""
    from newsdesk.enrich import ModelMissing, article_text_from_draft, enrich_article, load_recognizer, ninjs_entities

    try:
        recognizer = load_recognizer(settings.SPACY_MODEL or None)
    except ModelMissing as error:
        raise CommandError(f"{error.message} ({error.reason})") from error
    enrichment = enrich_article(article_text_from_draft(draft), recognizer=recognizer)
    return ninjs_entities(enrichment.entities)
