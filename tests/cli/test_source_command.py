"""`newsdesk source`: add, list with health, pause, resume, remove — the operator's view of polling."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsdesk.newsroom.models import Article, Source
from newsdesk.pipeline.save import article_save
from newsdesk.core.draft import Draft

pytestmark = pytest.mark.django_db


def source(*args: str) -> str:
    out = StringIO()
    call_command("source", *args, stdout=out)
    return out.getvalue()


def test_add_takes_name_credit_section_auto_publish_and_interval():
    out = source("add", "https://wire.example/rss/world.xml", "--name", "World wire", "--credit", "Reuters",
                 "--section", "World", "--auto-publish", "--every", "5m")
    assert "added World wire (feed URL): polled every 5 min" in out
    added = Source.objects.get()
    assert (added.kind, added.credit, added.section.name, added.auto_publish) == ("feed", "Reuters", "World", True)
    assert added.interval == timedelta(minutes=5)


def test_add_refuses_what_cannot_work_with_a_sentence():
    with pytest.raises(CommandError, match="not an interval"):
        source("add", "https://wire.example/rss", "--name", "W", "--every", "often")
    with pytest.raises(CommandError, match="not a folder"):
        source("add", "/no/such/drop", "--name", "Drop")


def test_list_shows_each_sources_health_in_a_table():
    source("add", "https://ok.example/rss", "--name", "Healthy")
    source("add", "https://bad.example/rss", "--name", "Broken")
    now = timezone.now()
    Source.objects.filter(name="Healthy").update(last_success_at=now - timedelta(minutes=3), next_poll_at=now + timedelta(minutes=12))
    Source.objects.filter(name="Broken").update(
        last_error_at=now - timedelta(minutes=1), last_error_reason="http_error",
        last_error_message="cannot fetch https://bad.example/rss: HTTP 404 Not Found", consecutive_failures=2,
    )
    healthy = Source.objects.get(name="Healthy")
    article_save(draft=Draft(headline="One item today", body_html="<p>x</p>", guid="urn:1"), source=healthy, raw_item=None)
    lines = source("list").splitlines()
    assert lines[0].split() == ["name", "kind", "state", "last", "success", "last", "error", "items", "24h", "next", "poll"]
    broken = next(line for line in lines if line.startswith("Broken"))
    assert "failing ×2" in broken and "http_error: cannot fetch: HTTP 404 Not Found (1 min ago)" in broken and "never" in broken
    ok = next(line for line in lines if line.startswith("Healthy"))
    assert " ok " in ok and "3 min ago" in ok and " 1 " in ok and "in 12 min" in ok


def test_list_as_json_has_the_same_facts():
    source("add", "https://ok.example/rss", "--name", "Healthy")
    (row,) = [json.loads(line) for line in source("list", "--json").splitlines()]
    assert row["name"] == "Healthy" and row["state"] == "new" and row["items_24h"] == 0 and row["next_poll_at"]


def test_pause_resume_and_remove_by_name():
    source("add", "https://ok.example/rss", "--name", "Healthy")
    assert source("pause", "Healthy").strip() == "paused Healthy"
    assert "paused" in source("list").splitlines()[1]
    assert "resumed Healthy" in source("resume", "Healthy")
    assert "removed Healthy" in source("remove", "Healthy")
    assert not Source.objects.exists()
    with pytest.raises(CommandError, match="no source named"):
        source("pause", "Healthy")
