"""Splitting a wrong fold from the desk and from the admin: the copy becomes an article, and the audit log says who did it."""

from __future__ import annotations

import pytest

from desk_people import client_as, desk_user  # noqa: F401

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    f"Harbour pilots in the port town said on day {n} that the new ferry timetable would keep the night crossing, "
    f"after a week of talks between the operator, the council and the crews about pay, rest and the winter season {n}."
    for n in range(1, 9)
]


def _capture(headline: str) -> bytes:
    body = "\n\n".join(PARAGRAPHS)
    return f"World\n\n{headline}\n\nMarch 02, 2026\n\n{body}\n\n\nMarch 02, 2026\n12 views\nHIGHLIGHTS\n".encode()


@pytest.fixture
def fold():
    """An article and a second wire's copy folded into it (the pipeline decides, as on ingest)."""
    from newsdesk.newsroom.models import WireCopy
    from newsdesk.pipeline.ingest import item_process
    from newsdesk.pipeline.warm import warm_reset

    warm_reset()
    [first] = item_process(origin="a.txt", payload=_capture("Night ferry stays after talks"), max_bytes=10**6)
    [second] = item_process(origin="b.txt", payload=_capture("Ferry crews win their night crossing"), max_bytes=10**6)
    assert second.status == "duplicate" and second.duplicate_of == first.article_id
    yield first.article_id, WireCopy.objects.get(pk=second.copy_id)
    warm_reset()


def test_an_editor_splits_a_fold_from_the_desk_and_the_audit_log_names_them(fold, client_as):
    from newsdesk.newsroom.models import Article, AuditEntry

    article_id, copy = fold
    client = client_as("editor", username="edna")
    response = client.post(f"/desk/articles/{article_id}/copies/{copy.pk}/split")
    assert response.status_code == 302
    new = Article.objects.exclude(pk=article_id).get()
    entry = AuditEntry.objects.get(action="split")
    assert (entry.actor.username, entry.actor_name, entry.article_id) == ("edna", "edna", article_id)
    assert entry.detail["new_article"] == new.pk and entry.detail["copy"] == copy.pk
    log = client.get("/desk/audit/", {"action": "split"}).content.decode()
    assert f'data-audit="{entry.pk}"' in log and f"new_article: {new.pk}" in log


def test_a_contributor_cannot_split_and_nothing_is_logged(fold, client_as):
    from newsdesk.newsroom.models import Article, AuditEntry

    article_id, copy = fold
    response = client_as("contributor").post(f"/desk/articles/{article_id}/copies/{copy.pk}/split")
    assert response.status_code == 403
    assert Article.objects.count() == 1 and not AuditEntry.objects.filter(action="split").exists()


def test_the_admin_split_action_is_logged_under_the_admin_user(fold, desk_user):
    from django.test import Client

    from newsdesk.newsroom.models import AuditEntry

    article_id, copy = fold
    chief = desk_user("admin", username="chief")
    chief.is_staff = chief.is_superuser = True
    chief.save()
    client = Client()
    client.force_login(chief, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/admin/newsroom/wirecopy/", {"action": "split", "_selected_action": [copy.pk]})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="split")
    assert entry.actor_id == chief.pk and entry.actor_name == "chief" and entry.article_id == article_id
