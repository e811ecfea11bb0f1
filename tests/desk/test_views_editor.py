"""The editor: its fields and the buttons each role may use, every workflow action, refusals, CSRF, the preview."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from desk_people import client_as, contributor_client, desk_user, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(article_factory):
    from newsdesk.newsroom.models import Article

    article = article_factory(publish=False, headline="Ferry strike ends after talks", dateline="LISBON",
                              body_html="<p>The strike ended on Tuesday.</p>")
    Article.objects.filter(pk=article.pk).update(status="draft")
    article.refresh_from_db()
    return article


def _fields(article, **changes) -> dict:
    data = {"headline": article.headline, "section": article.section_id or "", "dateline": article.dateline,
            "byline": article.byline, "credit": article.credit, "image_caption": article.image_caption,
            "body_html": article.body_html}
    return {**data, **changes}


def _buttons(page: str) -> set[str]:
    return set(re.findall(r'formaction="/desk/articles/\d+/(\w+)"', page))


def test_the_editor_shows_the_fields_and_only_the_buttons_the_role_allows(client_as, draft):
    contributor = client_as("contributor").get(f"/desk/articles/{draft.pk}/").content.decode()
    assert 'value="Ferry strike ends after talks"' in contributor and "&lt;p&gt;The strike ended on Tuesday.&lt;/p&gt;" in contributor
    for label in ("Headline", "Section", "Dateline", "Byline", "Credit", "Lead image caption", "Body"):
        assert f">{label}" in contributor
    assert _buttons(contributor) == {"save", "submit", "preview"}
    editor = client_as("editor").get(f"/desk/articles/{draft.pk}/").content.decode()
    assert _buttons(editor) == {"save", "submit", "preview", "publish", "schedule", "embargo", "kill"}


def test_a_contributor_saves_a_draft_and_submits_it(contributor_client, draft):
    from newsdesk.newsroom.models import AuditEntry

    response = contributor_client.post(f"/desk/articles/{draft.pk}/save", _fields(draft, headline="Ferry strike is over"))
    assert response.status_code == 302 and response["Location"] == f"/desk/articles/{draft.pk}/"
    draft.refresh_from_db()
    assert draft.headline == "Ferry strike is over" and draft.status == "draft"
    contributor_client.post(f"/desk/articles/{draft.pk}/submit", _fields(draft))
    draft.refresh_from_db()
    assert draft.status == "ready"
    assert list(AuditEntry.objects.filter(article=draft).order_by("at", "pk").values_list("action", "actor_name")) == [
        ("edit", "cora"), ("submit", "cora")]


def test_a_contributor_cannot_publish_even_with_a_forged_post(contributor_client, draft):
    for action in ("publish", "kill", "unpublish", "correct", "schedule", "embargo"):
        response = contributor_client.post(f"/desk/articles/{draft.pk}/{action}", _fields(draft, kill_notice="x", note="x"))
        assert response.status_code == 403, action
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_an_editor_edits_the_headline_and_publishes_in_one_step(editor_client, draft):
    response = editor_client.post(f"/desk/articles/{draft.pk}/publish", _fields(draft, headline="Ferry strike ends"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.headline) == ("published", "Ferry strike ends")
    assert editor_client.get(draft.get_absolute_url()).status_code == 200
    page = editor_client.get(f"/desk/articles/{draft.pk}/").content.decode()
    assert "Published." in page and _buttons(page) >= {"correct", "unpublish", "kill"} and "save" not in _buttons(page)


def test_schedule_and_embargo_take_a_time(editor_client, draft):
    from newsdesk.core import clock

    later = (clock.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    response = editor_client.post(f"/desk/articles/{draft.pk}/schedule", _fields(draft, publish_at=f"{later:%Y-%m-%dT%H:%M}"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "scheduled" and draft.publish_at == later
    refused = editor_client.post(f"/desk/articles/{draft.pk}/embargo", _fields(draft, embargo_until=""))
    assert refused.status_code == 400 and "Give the time the embargo ends." in refused.content.decode()
    past = editor_client.post(f"/desk/articles/{draft.pk}/embargo", _fields(draft, embargo_until="2001-01-01T00:00"))
    assert past.status_code == 409 and "has passed" in past.content.decode()
    editor_client.post(f"/desk/articles/{draft.pk}/embargo", _fields(draft, embargo_until=f"{later + timedelta(hours=2):%Y-%m-%dT%H:%M}"))
    draft.refresh_from_db()
    assert draft.embargo_until == later + timedelta(hours=2)


def test_a_kill_needs_a_notice_and_then_takes_the_article_down(editor_client, article_factory):
    article = article_factory(headline="Wrongly named suspect")
    assert editor_client.post(f"/desk/articles/{article.pk}/kill", {"kill_notice": ""}).status_code == 400
    response = editor_client.post(f"/desk/articles/{article.pk}/kill", {"kill_notice": "Withdrawn for legal reasons."})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "killed" and article.kill_notice == "Withdrawn for legal reasons."
    assert editor_client.get(article.get_absolute_url()).status_code in (404, 410)


def test_a_published_article_changes_by_correction_with_a_note(editor_client, article_factory):
    from newsdesk.newsroom.models import Correction

    article = article_factory(headline="Minister resigns", body_html="<p>She resigned on Monday.</p>")
    refused = editor_client.post(f"/desk/articles/{article.pk}/save", _fields(article, body_html="<p>She resigned on Tuesday.</p>"))
    assert refused.status_code == 409 and "correction" in refused.content.decode()
    no_note = editor_client.post(f"/desk/articles/{article.pk}/correct", _fields(article, note=""))
    assert no_note.status_code == 400
    editor_client.post(f"/desk/articles/{article.pk}/correct",
                       _fields(article, body_html="<p>She resigned on Tuesday.</p>", note="She resigned on Tuesday, not Monday."))
    article.refresh_from_db()
    assert article.body_html == "<p>She resigned on Tuesday.</p>" and article.status == "published"
    assert list(Correction.objects.filter(article=article).values_list("note", flat=True)) == ["She resigned on Tuesday, not Monday."]


def test_the_body_is_sanitised_when_saved(contributor_client, draft):
    contributor_client.post(f"/desk/articles/{draft.pk}/save", _fields(
        draft, body_html='<p onclick="alert(1)">Text <a href="javascript:alert(2)">link</a></p><script>alert(3)</script>'))
    draft.refresh_from_db()
    assert "onclick" not in draft.body_html and "javascript:" not in draft.body_html and "<script" not in draft.body_html
    assert draft.body_html.startswith("<p>Text")


def test_bad_input_is_refused_with_the_reason_and_nothing_is_written(contributor_client, draft):
    response = contributor_client.post(f"/desk/articles/{draft.pk}/save", _fields(draft, headline="", section="99999"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page and "Select a valid choice." in page
    draft.refresh_from_db()
    assert draft.headline == "Ferry strike ends after talks"


def test_actions_refuse_get_and_a_post_without_the_csrf_token(client_as, draft):
    editor = client_as("editor", csrf=True)
    assert editor.get(f"/desk/articles/{draft.pk}/publish").status_code == 405
    assert editor.post(f"/desk/articles/{draft.pk}/publish", _fields(draft)).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_preview_shows_the_public_page_of_the_saved_or_unsaved_draft_and_is_never_cached(contributor_client, draft):
    saved = contributor_client.get(f"/desk/articles/{draft.pk}/preview")
    assert saved.status_code == 200
    assert re.search(r'<h1 class="headline">Ferry strike ends after talks</h1>', saved.content.decode())
    assert "no-store" in saved["Cache-Control"] and "noindex" in saved["X-Robots-Tag"]
    assert "data-views-url" not in saved.content.decode()  # a preview is not a reader's view
    unsaved = contributor_client.post(f"/desk/articles/{draft.pk}/preview",
                                      _fields(draft, headline="Unsaved headline", body_html="<p>New</p><script>alert(1)</script>"))
    page = unsaved.content.decode()
    assert '<h1 class="headline">Unsaved headline</h1>' in page and "<script>alert(1)" not in page
    draft.refresh_from_db()
    assert draft.headline == "Ferry strike ends after talks"


def test_unknown_articles_answer_404(editor_client):
    assert editor_client.get("/desk/articles/999999/").status_code == 404
    assert editor_client.post("/desk/articles/999999/publish", {}).status_code == 404


def test_the_editor_needs_a_desk_role(client, client_as, draft):
    assert client.get(f"/desk/articles/{draft.pk}/").status_code == 302
    assert client_as(None).get(f"/desk/articles/{draft.pk}/").status_code == 403
    assert client_as(None).post(f"/desk/articles/{draft.pk}/save", _fields(draft)).status_code == 403
