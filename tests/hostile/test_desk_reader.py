"""The desk's page check could not fail if it missed things: a queue template that forgets to escape shows it does not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import chromium_or_skip  # noqa: E402
from desk_pages import desk_reports  # noqa: E402


@pytest.mark.browser
@pytest.mark.django_db
def test_the_desk_check_reports_wire_markup_that_reaches_a_desk_page(article_factory, settings, tmp_path, monkeypatch):
    from django.db import DEFAULT_DB_ALIAS, connections
    from playwright.sync_api import sync_playwright

    from newsdesk.newsroom.models import Article

    chromium = chromium_or_skip()
    if chromium is None:
        pytest.skip("Chromium is not installed")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    article = article_factory(headline="Canary")
    Article.objects.filter(pk=article.pk).update(headline='Canary <img src="https://images.example/x.gif" onerror="alert(1)"><iframe></iframe>')
    # A broken queue template: the headline cell marked safe, as a careless change might do.
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "queue.html").write_text(
        '{% extends "desk/_screen.html" %}{% block content %}{% for article in page.object_list %}'
        '<p data-wire>{{ article.headline|safe }}</p>{% endfor %}{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    connection = connections[DEFAULT_DB_ALIAS]  # the test's own, taken before Playwright's loop starts
    with sync_playwright() as playwright:
        reports = desk_reports(playwright, chromium, connection=connection, pages={article.pk: []})
    queue = "\n".join(next(r for r in reports if r.url.startswith("/desk/?")).problems)
    for expected in ("element <img> in wire text", "element <iframe> in wire text", "event handler onerror"):
        assert expected in queue, queue
    editor = next(r for r in reports if r.url == f"/desk/articles/{article.pk}/")
    assert not editor.problems, editor.problems  # the real editor template escapes the same headline
