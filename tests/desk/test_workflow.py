"""The workflow services: each move checks the role, records a version and an audit entry, and the site follows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from desk_people import desk_user  # noqa: F401
from newsdesk.core import clock
from newsdesk.desk import workflow
from newsdesk.desk.workflow import WorkflowError
from newsdesk.newsroom.models import Article, AuditEntry

pytestmark = pytest.mark.django_db
S = Article.Status


@pytest.fixture
def draft(article_factory):
    return article_factory(publish=False, headline="Harbour cranes stand idle as dockers strike", section="Business")


def _audit(article) -> list[tuple[str, str]]:
    return list(AuditEntry.objects.filter(article=article).order_by("pk").values_list("actor_name", "action"))


def _on_front_page(client, headline: str) -> bool:
    return headline in client.get("/").content.decode()


def test_a_contributor_edits_a_draft_and_the_body_is_sanitised_on_save(desk_user, draft):
    cora = desk_user("contributor", username="cora")
    workflow.article_edit(
        draft, cora, headline="  Dockers strike:   cranes idle ",
        body_html='<p onclick="steal()">Cranes stood idle.</p><script>alert(1)</script><p><a href="javascript:alert(2)">more</a></p>',
    )
    draft.refresh_from_db()
    assert draft.headline == "Dockers strike: cranes idle"
    assert "script" not in draft.body_html and "onclick" not in draft.body_html and "javascript:" not in draft.body_html
    assert "<p>Cranes stood idle.</p>" in draft.body_html
    assert draft.slug == "dockers-strike-cranes-idle"  # never public yet, so the address follows the headline
    version = draft.versions.order_by("-number").first()
    assert version.number == 2 and version.reason == "edit" and version.snapshot["headline"] == "Dockers strike: cranes idle"
    assert _audit(draft) == [("cora", "edit")]
    assert AuditEntry.objects.get(article=draft).detail["fields"] == ["headline", "body_html"]


def test_an_edit_that_changes_nothing_records_nothing(desk_user, draft):
    workflow.article_edit(draft, desk_user("editor"), headline=draft.headline)
    assert draft.versions.count() == 1 and not _audit(draft)


def test_bad_edits_are_refused_with_a_reason_and_leave_the_article_as_it_was(desk_user, draft):
    editor = desk_user("editor")
    for fields, reason in (
        ({"headline": "   "}, "headline_empty"),
        ({"body_html": "<script>alert(1)</script>"}, "body_empty"),
        ({"status": "published"}, "unknown_field"),
    ):
        with pytest.raises(WorkflowError) as refused:
            workflow.article_edit(draft, editor, **fields)
        assert refused.value.reason == reason
    draft.refresh_from_db()
    assert draft.status == S.DRAFT and draft.headline.startswith("Harbour cranes") and draft.versions.count() == 1


def test_a_contributor_submits_but_cannot_publish_or_edit_what_is_public(desk_user, draft, client):
    cora = desk_user("contributor", username="cora")
    workflow.article_submit(draft, cora)
    assert Article.objects.get(pk=draft.pk).status == S.READY
    for action in (workflow.article_publish, workflow.article_unpublish):
        with pytest.raises(PermissionDenied):
            action(draft, cora)
    with pytest.raises(PermissionDenied):
        workflow.article_edit(draft, cora, headline="Changed after submitting")
    assert Article.objects.get(pk=draft.pk).status == S.READY
    assert _audit(draft) == [("cora", "submit")]
    assert not _on_front_page(client, "Harbour cranes")


def test_an_editor_publishes_ready_copy_and_readers_see_it_on_the_front_page(desk_user, draft, client):
    workflow.article_submit(draft, desk_user("contributor"))
    before = clock.now()
    workflow.article_publish(draft, desk_user("editor", username="ed"))
    draft.refresh_from_db()
    assert draft.status == S.PUBLISHED and draft.published_at >= before  # public from now, at the top
    assert _on_front_page(client, "Harbour cranes stand idle")
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert _audit(draft)[-1] == ("ed", "publish")
    assert draft.versions.order_by("-number").first().snapshot["status"] == "published"


def test_a_published_article_cannot_be_published_twice_or_submitted(desk_user, article_factory):
    article = article_factory(headline="Already out")
    with pytest.raises(WorkflowError) as refused:
        workflow.article_publish(article, desk_user("editor"))
    assert refused.value.reason == "publish_not_allowed"
    with pytest.raises(WorkflowError):
        workflow.article_submit(article, desk_user("editor"))


def test_a_scheduled_article_goes_public_only_when_the_worker_finds_it_due(desk_user, draft, client):
    at = clock.now() + timedelta(hours=2)
    workflow.article_schedule(draft, desk_user("editor"), at)
    assert Article.objects.get(pk=draft.pk).status == S.SCHEDULED
    assert workflow.scheduled_publish_due(clock.now()) == []
    assert not _on_front_page(client, "Harbour cranes")
    assert workflow.scheduled_publish_due(at + timedelta(seconds=1)) == [draft.pk]
    draft.refresh_from_db()
    assert draft.status == S.PUBLISHED and draft.published_at == at and draft.publish_at is None
    assert _on_front_page(client, "Harbour cranes")
    assert _audit(draft)[-1] == ("scheduler", "publish")
    assert workflow.scheduled_publish_due(at + timedelta(hours=1)) == []  # once only


def test_a_time_in_the_past_or_without_a_zone_is_refused(desk_user, draft):
    editor = desk_user("editor")
    with pytest.raises(WorkflowError, match="has passed"):
        workflow.article_schedule(draft, editor, clock.now() - timedelta(minutes=1))
    with pytest.raises(WorkflowError, match="time zone"):
        workflow.article_schedule(draft, editor, (clock.now() + timedelta(hours=1)).replace(tzinfo=None))


def test_an_embargoed_article_is_never_public_before_the_embargo_even_when_published(desk_user, draft, client):
    editor = desk_user("editor")
    until = clock.now() + timedelta(hours=3)
    workflow.article_embargo(draft, editor, until)
    workflow.article_publish(draft, editor)  # asked to publish now: it waits for the embargo
    draft.refresh_from_db()
    assert draft.status == S.SCHEDULED and draft.publish_at == until
    assert not _on_front_page(client, "Harbour cranes")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert workflow.scheduled_publish_due(until - timedelta(seconds=1)) == []
    assert workflow.scheduled_publish_due(until) == [draft.pk]
    assert _on_front_page(client, "Harbour cranes")


def test_a_schedule_earlier_than_the_embargo_waits_for_the_embargo(desk_user, draft):
    editor = desk_user("editor")
    now = clock.now()
    workflow.article_embargo(draft, editor, now + timedelta(hours=5))
    workflow.article_schedule(draft, editor, now + timedelta(hours=1))
    assert workflow.scheduled_publish_due(now + timedelta(hours=2)) == []
    assert workflow.scheduled_publish_due(now + timedelta(hours=5)) == [draft.pk]


def test_an_embargo_set_on_a_published_article_takes_it_down_until_it_lifts(desk_user, article_factory, client):
    article = article_factory(headline="Budget figures leak early")
    until = clock.now() + timedelta(hours=1)
    workflow.article_embargo(article, desk_user("editor"), until)
    article.refresh_from_db()
    assert article.status == S.SCHEDULED and not _on_front_page(client, "Budget figures leak")
    assert workflow.scheduled_publish_due(until) == [article.pk]


def test_unpublishing_takes_an_article_down_and_publishing_again_brings_it_back_at_its_first_time(desk_user, article_factory, client):
    article = article_factory(headline="Mayor opens new bridge")
    first = article.published_at
    editor = desk_user("editor")
    workflow.article_unpublish(article, editor)
    assert not _on_front_page(client, "Mayor opens new bridge")
    assert client.get(article.get_absolute_url()).status_code == 404
    workflow.article_publish(article, editor)
    article.refresh_from_db()
    assert article.status == S.PUBLISHED and article.published_at == first
    assert [action for _, action in _audit(article)] == ["unpublish", "publish"]


def test_an_editor_edits_a_published_article_and_the_page_shows_the_change_at_the_same_address(desk_user, article_factory, client):
    article = article_factory(headline="Council approves the budget")
    url = article.get_absolute_url()
    workflow.article_edit(article, desk_user("editor"), headline="Council approves the city budget")
    article.refresh_from_db()
    assert article.get_absolute_url() == url and article.updated_at is not None
    assert "Council approves the city budget" in client.get(url).content.decode()


def test_the_services_lock_the_row_so_a_stale_copy_cannot_undo_a_newer_state(desk_user, draft):
    editor = desk_user("editor")
    stale = Article.objects.get(pk=draft.pk)
    workflow.article_kill(draft, editor, "Legal advice: the story is removed.")
    with pytest.raises(WorkflowError):
        workflow.article_publish(stale, editor)  # the copy says draft; the row says killed
    assert Article.objects.get(pk=draft.pk).status == S.KILLED
