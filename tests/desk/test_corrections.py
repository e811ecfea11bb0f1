"""Corrections: a published article corrected in public, a note on its page, and a diff between any two versions."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from desk_people import desk_user  # noqa: F401
from newsdesk.desk.corrections import article_correct, body_paragraphs, versions_diff
from newsdesk.desk.workflow import WorkflowError, article_edit
from newsdesk.newsroom.models import AuditEntry, Correction

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(article_factory):
    return article_factory(
        headline="Bridge to close for six weeks of repairs",
        body_html="<p>The Eldon bridge will close on Monday for six weeks.</p><p>Buses will run every ten minutes.</p>",
    )


def test_an_editor_corrects_a_published_article_and_readers_see_the_note_and_the_fix(desk_user, story, client):
    correction = article_correct(
        story, desk_user("editor", username="ed"), "An earlier version said the bridge closes for six weeks; it is four.",
        headline="Bridge to close for four weeks of repairs",
        body_html="<p>The Eldon bridge will close on Monday for four weeks.</p><p>Buses will run every ten minutes.</p>",
    )
    story.refresh_from_db()
    assert story.headline == "Bridge to close for four weeks of repairs" and story.updated_at is not None
    assert correction.version.reason == "correct" and correction.version.snapshot["headline"] == story.headline
    assert correction.created_by.username == "ed"
    page = client.get(story.get_absolute_url()).content.decode()
    assert 'class="corrections"' in page and ">Correction<" in page
    assert "An earlier version said the bridge closes for six weeks; it is four." in page
    assert correction.created_at.strftime("%-d %B %Y") in page
    assert "close on Monday for four weeks" in page
    entry = AuditEntry.objects.get(article=story)
    assert (entry.actor_name, entry.action, entry.detail["fields"]) == ("ed", "correct", ["headline", "body_html"])


def test_a_correction_note_is_shown_as_text_never_as_markup(desk_user, story, client):
    article_correct(story, desk_user("editor"), 'Fixed <script>alert("x")</script> the <b>date</b>.')
    page = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_a_correction_needs_an_editor_a_note_and_a_published_article(desk_user, story, article_factory):
    with pytest.raises(PermissionDenied):
        article_correct(story, desk_user("contributor"), "A note")
    with pytest.raises(WorkflowError) as refused:
        article_correct(story, desk_user("editor"), "  ")
    assert refused.value.reason == "correction_note_missing"
    draft = article_factory(publish=False)
    with pytest.raises(WorkflowError) as refused:
        article_correct(draft, desk_user("editor"), "Not public yet")
    assert refused.value.reason == "correct_not_allowed"
    assert not Correction.objects.exists() and story.versions.count() == 1


def test_the_diff_between_two_versions_shows_what_changed_word_by_word(desk_user, story):
    editor = desk_user("editor")
    article_edit(story, editor, headline="Bridge to close for four weeks of repairs")
    article_correct(
        story, editor, "Bus frequency corrected.",
        body_html="<p>The Eldon bridge will close on Monday for six weeks.</p><p>Buses will run every five minutes.</p><p>Cyclists may still cross.</p>",
    )
    first, _, third = story.versions.order_by("number")
    diff = versions_diff(third, first)  # either order: always older → newer
    assert (diff.before, diff.after) == (1, 3)
    changed = {field.name: field for field in diff.changed_fields}
    assert set(changed) == {"headline", "body_html"}
    [headline] = changed["headline"].lines
    assert [(s.op, s.text) for s in headline.segments if s.op != "equal"] == [("delete", "six"), ("insert", "four")]
    body = changed["body_html"].lines
    assert [line.op for line in body] == ["equal", "change", "insert"]
    assert [(s.op, s.text) for s in body[1].segments if s.op != "equal"] == [("delete", "ten"), ("insert", "five")]
    assert body[2].text == "Cyclists may still cross."


def test_the_diff_is_plain_text_so_markup_in_a_story_cannot_reach_the_diff_view(article_factory, desk_user):
    article = article_factory(body_html="<p>Safe &amp; sound.</p>")
    article_edit(article, desk_user("editor"), body_html="<p>Safe &amp; <em>sound</em>, said &lt;b&gt;.</p>")
    old, new = article.versions.order_by("number")
    [line] = versions_diff(old, new).fields[-1].lines
    assert (line.old_text, line.new_text) == ("Safe & sound.", "Safe & sound, said <b>.")  # text: the template escapes it
    assert body_paragraphs("") == [] and body_paragraphs("Loose text<p>and a paragraph</p>") == ["Loose text", "and a paragraph"]


def test_versions_of_two_different_articles_cannot_be_compared(article_factory):
    a, b = article_factory(), article_factory()
    with pytest.raises(WorkflowError):
        versions_diff(a.versions.get(), b.versions.get())
