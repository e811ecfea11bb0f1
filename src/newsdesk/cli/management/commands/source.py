"""`newsdesk source add|list|pause|resume|remove`: the sources the worker polls, and their health."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsdesk.newsroom.models import Source
from newsdesk.newsroom.selectors import SourceHealth, sources_health
from newsdesk.pipeline.sources import SourceError, interval_parse, source_add, source_pause, source_remove, source_resume

COLUMNS = ("name", "kind", "state", "last success", "last error", "items 24h", "next poll")
ERROR_WIDTH = 100


class Command(BaseCommand):
    help = "Manage the sources the worker polls: add, list (with their health), pause, resume, remove."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="add|list|pause|resume|remove")
        add = actions.add_parser("add", help="add a feed URL, an article page URL or a watched folder")
        add.add_argument("url", metavar="URL|FOLDER")
        add.add_argument("--name", required=True)
        add.add_argument("--credit", default="", help="the credit line for its items (e.g. Reuters)")
        add.add_argument("--section", default=None, help="the section for items that name none")
        add.add_argument("--auto-publish", action="store_true", help="publish new items at once (default: drafts for the desk)")
        add.add_argument("--every", default="15m", help="poll interval: 30s, 15m, 1h, 1d (default 15m)")
        add.add_argument("--kind", choices=[k.value for k in Source.Kind], default=None, help="default: guessed from the URL")
        listing = actions.add_parser("list", help="every source with its health")
        listing.add_argument("--json", action="store_true", help="one JSON object per source")
        for name in ("pause", "resume", "remove"):
            actions.add_parser(name, help=f"{name} a source").add_argument("name")

    def handle(self, *args, **options):
        action = options["action"]
        try:
            if action == "add":
                source = source_add(
                    url=options["url"], name=options["name"], credit=options["credit"], section=options["section"],
                    auto_publish=options["auto_publish"], interval=interval_parse(options["every"]), kind=options["kind"],
                )
                self.stdout.write(f"added {source.name} ({source.get_kind_display()}): polled every {_duration(source.interval)}")
            elif action == "list":
                self._list(as_json=options["json"])
            elif action == "pause":
                self.stdout.write(f"paused {source_pause(name=options['name']).name}")
            elif action == "resume":
                self.stdout.write(f"resumed {source_resume(name=options['name']).name}: polled now")
            else:
                self.stdout.write(f"removed {source_remove(name=options['name'])} (its articles stay)")
        except SourceError as error:
            raise CommandError(str(error)) from error

    def _list(self, *, as_json: bool) -> None:
        rows = sources_health()
        if as_json:
            for row in rows:
                self.stdout.write(json.dumps(_as_json(row), ensure_ascii=False))
            return
        table = [COLUMNS, *(_cells(row) for row in rows)]
        widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
        for line in table:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())


def _cells(row: SourceHealth) -> tuple[str, ...]:
    source = row.source
    state = f"{row.state} ×{source.consecutive_failures}" if source.consecutive_failures else row.state
    return (source.name, source.kind, state, _ago(source.last_success_at), _error(source), str(row.items_24h), _next_poll(source))


def _error(source: Source) -> str:
    if not source.last_error_at:
        return "—"
    message = source.last_error_message.replace(f" {source.url}", "") if source.url else source.last_error_message
    text = f"{source.last_error_reason}: {message}"
    text = text if len(text) <= ERROR_WIDTH else text[: ERROR_WIDTH - 1] + "…"
    return f"{text} ({_ago(source.last_error_at)})"


def _next_poll(source: Source) -> str:
    if source.paused:
        return "paused"
    if not source.is_polled or source.next_poll_at is None:
        return "—"
    wait = (source.next_poll_at - timezone.now()).total_seconds()
    return "due" if wait <= 0 else f"in {_span(wait)}"


def _ago(when) -> str:
    return f"{_span((timezone.now() - when).total_seconds())} ago" if when else "never"


def _span(seconds: float) -> str:
    """A length of time the way an operator reads it: 40 s, 12 min, 3 h 5 min, 2 d 4 h."""
    seconds = max(int(round(seconds)), 0)
    if seconds < 60:
        return f"{seconds} s"
    minutes = (seconds + 30) // 60  # to the nearest minute: "in 2 min" for a Retry-After of 120 s asked 4 s ago
    hours, days = minutes // 60, minutes // 1440
    if hours < 1:
        return f"{minutes} min"
    if days < 1:
        return f"{hours} h {minutes % 60} min" if minutes % 60 else f"{hours} h"
    return f"{days} d {hours % 24} h" if hours % 24 else f"{days} d"


def _duration(interval) -> str:
    return _span(interval.total_seconds())


def _as_json(row: SourceHealth) -> dict:
    source = row.source
    iso = lambda when: when.isoformat() if when else None  # noqa: E731
    return {
        "name": source.name, "kind": source.kind, "url": source.url, "state": row.state, "paused": source.paused,
        "last_success_at": iso(source.last_success_at), "last_error_at": iso(source.last_error_at),
        "last_error_reason": source.last_error_reason, "last_error_message": source.last_error_message,
        "consecutive_failures": source.consecutive_failures, "items_24h": row.items_24h, "next_poll_at": iso(source.next_poll_at),
    }
