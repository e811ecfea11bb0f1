"""The incoming queue: new wire copy newest first, filters, search, folds and stories, failures, paging, roles."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from desk_people import client_as, contributor_client, desk_user, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db


def _source(name: str):
    from django.utils.text import slugify

    from newsdesk.newsroom.models import Source

    return Source.objects.create(name=name, slug=slugify(name), credit=name)


def _draft(article_factory, *, source=None, status="draft", **fields):
    from newsdesk.newsroom.models import Article

    article = article_factory(publish=False, **fields)
    Article.objects.filter(pk=article.pk).update(source=source, status=status)
    article.refresh_from_db()
    return article


def _rows(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-queue-row data-article="(\d+)"', response.content.decode())]


def test_the_queue_lists_drafts_and_ready_copy_newest_first_and_leaves_published_out(contributor_client, article_factory):
    old = _draft(article_factory, headline="Older draft")
    ready = _draft(article_factory, headline="Ready for the desk", status="ready")
    article_factory(headline="Already on the site")
    response = contributor_client.get("/desk/")
    assert response.status_code == 200
    assert _rows(response) == [ready.pk, old.pk]
    assert "Already on the site" not in response.content.decode()


def test_filters_by_source_section_status_and_search(contributor_client, article_factory):
    agency, other = _source("Agency One"), _source("Other Wire")
    ferry = _draft(article_factory, source=agency, headline="Ferry strike ends", section="World")
    _draft(article_factory, source=other, headline="Ferry timetable changes", section="Business")
    _draft(article_factory, source=agency, headline="Budget passes", section="Business")
    published = article_factory(headline="Ferry museum opens")
    from newsdesk.newsroom.models import Section

    world = Section.objects.get(name="World")
    assert _rows(contributor_client.get("/desk/", {"q": "ferry", "source": agency.pk})) == [ferry.pk]
    assert _rows(contributor_client.get("/desk/", {"q": "FERRY", "section": world.pk})) == [ferry.pk]
    assert _rows(contributor_client.get("/desk/", {"q": "ferry", "status": "published"})) == [published.pk]
    # Nonsense filters are ignored, not an error page.
    assert len(_rows(contributor_client.get("/desk/", {"source": "x1", "status": "nope", "page": "999"}))) == 3


def test_folded_duplicates_show_how_many_wires_and_their_credits_and_the_story(contributor_client, article_factory):
    from newsdesk.newsroom.models import Story, WireCopy
    from newsdesk.core import clock

    article = _draft(article_factory, headline="Quake shakes the coast")
    story = Story.objects.create(slug="quake", title="Coast quake", first_published_at=clock.now(), last_published_at=clock.now(), article_count=2)
    article.story = story
    article.save(update_fields=["story"])
    for number, credit in enumerate(("Agency One", "Other Wire", "Third Press")):
        WireCopy.objects.create(article=article, wire_key=f"k{number}", headline=article.headline, credit=credit,
                                first=number == 0, snapshot={})
    page = contributor_client.get("/desk/").content.decode()
    assert 'data-copies="3">3 wires: Agency One, Other Wire, Third Press' in page
    assert "Coast quake" in page and "(2 articles)" in page


def test_recent_failed_raw_items_are_listed_with_their_reason(contributor_client):
    from newsdesk.newsroom.models import RawItem

    agency = _source("Agency One")
    RawItem.objects.create(source=agency, origin="https://agency.example/feed", sha256="a" * 64, payload=b"<x", size=2,
                           status="failed", reason="bad_xml", message="the feed is not well-formed XML at line 1")
    RawItem.objects.create(origin="fine.xml", sha256="b" * 64, payload=b"ok", size=2, status="parsed")
    page = contributor_client.get("/desk/").content.decode()
    assert "<code>bad_xml</code>" in page and "not well-formed XML at line 1" in page
    assert "fine.xml" not in page


def test_the_queue_pages_fifty_at_a_time_and_keeps_the_filters(contributor_client, article_factory):
    for number in range(55):
        _draft(article_factory, headline=f"Copy {number}")
    first = contributor_client.get("/desk/", {"q": "copy"})
    assert len(_rows(first)) == 50
    assert 'href="?q=copy&amp;page=2"' in first.content.decode()
    assert len(_rows(contributor_client.get("/desk/", {"q": "copy", "page": 2}))) == 5


def test_headlines_from_the_wire_are_escaped(contributor_client, article_factory):
    from newsdesk.newsroom.models import Article

    article = _draft(article_factory, headline="Safe")
    Article.objects.filter(pk=article.pk).update(headline='<img src=x onerror="alert(1)">')
    page = contributor_client.get("/desk/").content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_the_queue_has_the_keyboard_script_and_the_keys_are_explained(contributor_client):
    page = contributor_client.get("/desk/").content.decode()
    assert re.search(r'<script src="/static/desk/keys\.js" defer></script>', page)
    assert "<kbd>j</kbd>" in page and "data-search" in page


def test_the_queue_needs_a_desk_role(client, client_as):
    response = client.get("/desk/")
    assert response.status_code == 302 and response["Location"].startswith("/desk/login/?next=/desk/")
    assert client_as(None).get("/desk/").status_code == 403
