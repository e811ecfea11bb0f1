"""The audit log: who did what to which article, when; filtered by user, action, article and date; editors only."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from desk_people import client_as, desk_user, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db


def _entry(actor, action, article=None, at=None, **detail):
    from newsdesk.newsroom.models import AuditEntry

    entry = AuditEntry.objects.create(actor=actor, actor_name=actor.username if actor else "wire", action=action,
                                      article=article, detail=detail)
    if at:
        AuditEntry.objects.filter(pk=entry.pk).update(at=at)
    return entry


def _shown(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-audit="(\d+)"', response.content.decode())]


@pytest.fixture
def log(desk_user, article_factory):
    ed, cora = desk_user("editor", username="edna"), desk_user("contributor", username="cora")
    ferry, budget = article_factory(headline="Ferry strike ends"), article_factory(headline="Budget passes")
    return {
        "submit": _entry(cora, "submit", budget, datetime(2026, 3, 1, 9, tzinfo=UTC)),
        "publish": _entry(ed, "publish", ferry, datetime(2026, 3, 2, 10, tzinfo=UTC), to="published"),
        "kill": _entry(ed, "kill", budget, datetime(2026, 3, 3, 23, 59, tzinfo=UTC), notice="legal"),
        "ferry": ferry,
    }


def test_the_log_says_who_did_what_to_which_article_newest_first(editor_client, log):
    response = editor_client.get("/desk/audit/")
    page = response.content.decode()
    assert _shown(response) == [log["kill"].pk, log["publish"].pk, log["submit"].pk]
    row = re.search(rf'data-audit="{log["publish"].pk}">(.*?)</tr>', page, re.S).group(1)
    assert "2026-03-02 10:00:00" in row and "edna" in row and "<code>publish</code>" in row
    assert f'href="/desk/articles/{log["ferry"].pk}/">Ferry strike ends</a>' in row and "to: published" in row


def test_the_log_filters_by_user_action_article_and_date(editor_client, log):
    assert _shown(editor_client.get("/desk/audit/", {"user": "cora"})) == [log["submit"].pk]
    assert _shown(editor_client.get("/desk/audit/", {"action": "kill"})) == [log["kill"].pk]
    assert _shown(editor_client.get("/desk/audit/", {"article": log["ferry"].pk})) == [log["publish"].pk]
    # "until" includes the whole day it names.
    assert _shown(editor_client.get("/desk/audit/", {"since": "2026-03-02", "until": "2026-03-03"})) == [log["kill"].pk, log["publish"].pk]
    assert len(_shown(editor_client.get("/desk/audit/", {"since": "not a date", "article": "x"}))) == 3


def test_the_log_pages_fifty_entries_at_a_time(editor_client, desk_user):
    ed = desk_user("editor")
    for _ in range(51):
        _entry(ed, "edit")
    first = editor_client.get("/desk/audit/", {"action": "edit"})
    assert len(_shown(first)) == 50 and 'href="?action=edit&amp;page=2"' in first.content.decode()
    assert len(_shown(editor_client.get("/desk/audit/", {"action": "edit", "page": 2}))) == 1


def test_only_editors_and_admins_read_the_log(client, client_as):
    assert client_as("contributor").get("/desk/audit/").status_code == 403
    assert client_as("admin").get("/desk/audit/").status_code == 200
    assert client.get("/desk/audit/").status_code == 302
