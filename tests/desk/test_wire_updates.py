"""A wire update never silently overwrites an editor's edits: it is held, flagged in the queue with a diff, and taken or set aside.

The wire's versions go through the real pipeline (``item_process`` on ninjs
items with the same ``uri`` and rising ``version``); the desk is driven
through its URLs as an editor would.
"""

from __future__ import annotations

import json
import re

import pytest

from desk_people import client_as, desk_user, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db
URI = "urn:northwindwire:2026:ferry-timetable"


def wire(version: int, headline: str, *paragraphs: str) -> list[dict]:
    """Send version ``version`` of the item; the JSON results of the ingest."""
    from newsdesk.pipeline.ingest import item_process

    body = "".join(f"<p>{p}</p>" for p in paragraphs or (f"The ferry timetable changes on Monday, version {version} of the story says.",))
    item = {
        "uri": URI, "type": "text", "version": str(version), "language": "en",
        "firstCreated": "2026-03-02T07:15:00+00:00", "versionCreated": f"2026-03-02T{8 + version:02d}:00:00+00:00",
        "headlines": [{"role": "main", "value": headline}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": body}],
    }
    return [r.as_json() for r in item_process(origin="item.json", payload=json.dumps(item).encode(), max_bytes=10**6)]


def article():
    from newsdesk.newsroom.models import Article

    return Article.objects.get(provider_id=URI)


def edit(user, **fields):
    from newsdesk.desk.workflow import article_edit

    return article_edit(article(), user, **fields)


def queue_flags(client, **query) -> list[tuple[str, str]]:
    """(article id, diff link) of every queue row flagged "wire update available"."""
    page = client.get("/desk/", query).content.decode()
    return re.findall(r'data-article="(\d+)">.*?<a class="wire-update" data-wire-update="\d+" href="([^"]+)"', page, re.S)


def test_an_article_nobody_edited_takes_the_wire_update_as_before(editor_client):
    [first] = wire(1, "Ferry timetable to change")
    [second] = wire(2, "Ferry timetable changes on Monday")
    assert second["status"] == "updated" and second["id"] == first["id"]
    assert article().headline == "Ferry timetable changes on Monday"
    assert queue_flags(editor_client) == []


def test_an_edited_article_keeps_the_editors_text_and_the_wire_update_is_held_and_flagged(desk_user, editor_client):
    from newsdesk.newsroom.models import AuditEntry
    from newsdesk.pipeline.wire_updates import HELD

    wire(1, "Ferry timetable to change", "The ferry timetable changes on Monday.")
    edit(desk_user("editor"), headline="Night ferry kept in new timetable", body_html="<p>The night ferry stays, the desk learnt.</p>")
    [held] = wire(2, "Ferry timetable changes on Monday, night crossing cut", "The night crossing is cut from Monday, the operator said.")
    assert held["status"] == "held"
    live = article()
    assert live.headline == "Night ferry kept in new timetable" and "desk learnt" in live.body_html
    kept = live.versions.get(reason=HELD)
    assert kept.snapshot["headline"] == "Ferry timetable changes on Monday, night crossing cut"
    assert AuditEntry.objects.filter(action="wire_update_held", article=live, actor_name="wire").count() == 1

    [(flagged, diff_link)] = queue_flags(editor_client)
    assert int(flagged) == live.pk
    diff = editor_client.get(diff_link.replace("&amp;", "&"))
    assert diff.status_code == 200
    text = diff.content.decode()
    assert "<ins>operator</ins>" in text and "<del>desk</del>" in text  # the wire's words against the editor's
    assert "Wire update available" in editor_client.get(f"/desk/articles/{live.pk}/").content.decode()


def test_the_same_or_an_older_wire_version_again_holds_nothing_more(desk_user):
    from newsdesk.pipeline.wire_updates import HELD

    wire(1, "Ferry timetable to change")
    wire(2, "Ferry timetable changes on Monday")
    edit(desk_user("editor"), headline="Ferry timetable: what changes")
    assert wire(3, "Ferry timetable: version three")[0]["status"] == "held"
    assert wire(3, "Ferry timetable: version three")[0]["status"] == "unchanged"
    assert wire(2, "Ferry timetable changes on Monday")[0]["status"] == "unchanged"
    assert article().versions.filter(reason=HELD).count() == 1 and article().headline == "Ferry timetable: what changes"


def test_an_editor_takes_the_wire_update_and_the_flag_goes(desk_user, editor_client):
    wire(1, "Ferry timetable to change")
    edit(desk_user("editor"), headline="Night ferry kept in new timetable")
    wire(2, "Night crossing cut from Monday", "The night crossing is cut from Monday, the operator said.")
    pk = article().pk
    response = editor_client.post(f"/desk/articles/{pk}/wire_take")
    assert response.status_code == 302
    taken = article()
    assert taken.headline == "Night crossing cut from Monday" and "operator said" in taken.body_html
    assert taken.versions.order_by("-number").first().reason == "wire_update_take"
    assert queue_flags(editor_client) == [] and queue_flags(editor_client, status="updates") == []
    assert wire(2, "Night crossing cut from Monday", "The night crossing is cut from Monday, the operator said.")[0]["status"] == "unchanged"
    assert editor_client.post(f"/desk/articles/{pk}/wire_take").status_code == 409  # nothing is waiting now


def test_an_editor_keeps_their_text_and_a_later_wire_version_is_flagged_again(desk_user, editor_client):
    wire(1, "Ferry timetable to change")
    edit(desk_user("editor"), headline="Night ferry kept in new timetable")
    wire(2, "Night crossing cut from Monday")
    pk = article().pk
    assert editor_client.post(f"/desk/articles/{pk}/wire_dismiss").status_code == 302
    assert article().headline == "Night ferry kept in new timetable" and queue_flags(editor_client) == []
    assert wire(3, "Night crossing cut, operator confirms")[0]["status"] == "held"
    assert [int(flagged) for flagged, _ in queue_flags(editor_client, status="updates")] == [pk]


def test_a_published_corrected_article_is_flagged_in_the_queue_and_stays_as_corrected(desk_user, editor_client):
    from newsdesk.desk.corrections import article_correct
    from newsdesk.newsroom.models import Article

    wire(1, "Ferry timetable to change")
    assert article().status == Article.Status.PUBLISHED
    article_correct(article(), desk_user("editor"), "The timetable starts on Monday, not Sunday.", headline="Ferry timetable changes on Monday")
    assert wire(2, "Ferry timetable changes on Sunday")[0]["status"] == "held"
    assert article().headline == "Ferry timetable changes on Monday" and article().status == Article.Status.PUBLISHED
    assert [int(flagged) for flagged, _ in queue_flags(editor_client)] == [article().pk]  # in the default queue though published


def test_a_contributor_cannot_take_or_dismiss_a_wire_update(desk_user, client_as):
    wire(1, "Ferry timetable to change")
    edit(desk_user("editor"), headline="Night ferry kept in new timetable")
    wire(2, "Night crossing cut from Monday")
    contributor = client_as("contributor")
    for action in ("wire_take", "wire_dismiss"):
        assert contributor.post(f"/desk/articles/{article().pk}/{action}").status_code == 403
    assert article().headline == "Night ferry kept in new timetable"
