"""Versions and the diff: every version listed, any two compared, changed words marked, story markup shown as text."""

from __future__ import annotations

import re

import pytest

from desk_people import client_as, desk_user, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(article_factory, desk_user):
    """A published article corrected twice: versions 1 (ingest), then two corrections."""
    from newsdesk.desk.corrections import article_correct

    editor = desk_user("editor")
    article = article_factory(headline="Minister resigns", body_html="<p>She resigned on Monday.</p><p>More later.</p>")
    article_correct(article, editor, "Wrong day.", body_html="<p>She resigned on Tuesday.</p><p>More later.</p>")
    article_correct(article, editor, "Escaped markup.", headline="Minister <b>resigns</b> & leaves")
    return article


def test_the_versions_page_lists_every_version_newest_first(editor_client, corrected):
    page = editor_client.get(f"/desk/articles/{corrected.pk}/versions/").content.decode()
    numbers = [int(n) for n in re.findall(r'data-version="(\d+)"', page)]
    assert numbers == sorted(numbers, reverse=True) and len(numbers) == corrected.versions.count() >= 3
    assert "<code>correct</code>" in page


def test_the_diff_marks_deleted_and_inserted_words(editor_client, corrected):
    versions = list(corrected.versions.order_by("number").values_list("number", flat=True))
    response = editor_client.get(f"/desk/articles/{corrected.pk}/diff", {"a": versions[-3], "b": versions[-2]})  # the first correction
    assert response.status_code == 200
    body = re.search(r'data-field="body_html" data-wire>(.*?)</section>', response.content.decode(), re.S).group(1)
    assert "<del>Monday.</del><ins>Tuesday.</ins>" in body and "More later." in body


def test_story_markup_in_a_diff_is_shown_as_text(editor_client, corrected):
    versions = list(corrected.versions.order_by("number").values_list("number", flat=True))
    page = editor_client.get(f"/desk/articles/{corrected.pk}/diff", {"a": versions[-2], "b": versions[-1]}).content.decode()
    headline = re.search(r'data-field="headline" data-wire>(.*?)</section>', page, re.S).group(1)
    assert "<b>" not in headline
    assert "&amp;" in headline and "<ins>" in headline


def test_without_numbers_the_diff_compares_the_two_newest_and_unknown_numbers_are_a_404(editor_client, corrected):
    newest = corrected.versions.order_by("-number").first().number
    page = editor_client.get(f"/desk/articles/{corrected.pk}/diff").content.decode()
    assert f"Version {newest - 1} → {newest}" in page
    missing = editor_client.get(f"/desk/articles/{corrected.pk}/diff", {"a": 1, "b": 99})
    assert missing.status_code == 404 and "No version 99 of this article." in missing.content.decode()


def test_versions_need_a_desk_role(client, client_as, corrected):
    assert client.get(f"/desk/articles/{corrected.pk}/versions/").status_code == 302
    assert client_as(None).get(f"/desk/articles/{corrected.pk}/diff").status_code == 403
    assert client_as("contributor").get(f"/desk/articles/{corrected.pk}/diff").status_code == 200
