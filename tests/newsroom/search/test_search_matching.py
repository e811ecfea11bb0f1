"""The newest matches past the cap, phrase pairs and the narrow rows beside the index: faster, and the same answers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newsdesk.newsroom.models import Article, Section
from newsdesk.newsroom.search import SearchQuery, search, service

pytestmark = pytest.mark.django_db


@pytest.fixture
def lighthouses(article_factory, now):
    """Twelve stories, every other one about the beacon, added in an order unlike their publication times."""
    made = []
    for n in range(12):
        words = "beacon light on the point" if n % 2 == 0 else "fog over the point"
        if n % 4 == 0:
            words += " and fog horn"
        made.append(article_factory(headline=f"Coast story {n}", body_html=f"<p>The {words}.</p>", published=now - timedelta(hours=(n * 7) % 12)))
    return made


def test_past_the_cap_the_newest_added_matches_are_ranked(lighthouses, monkeypatch):
    monkeypatch.setattr(service, "RANKED_MAX", 4)
    page = search(SearchQuery(text="beacon"))
    assert (page.total, page.capped) == (4, True)
    assert {hit.article_id for hit in page.hits} == {article.pk for article in lighthouses[4::2]}


def test_a_phrase_is_found_in_any_word_form_and_only_in_its_order(article_factory, find):
    article_factory(headline="Crossing resumes", body_html="<p>The ferries sailed at dawn; their crews were late.</p>")
    article_factory(headline="Harbour notes", body_html="<p>A ferry was seen; it sailed later.</p>")
    assert find('"ferry sails"') == ["Crossing resumes"]
    assert find('"sails ferry"') == []
    assert find('"ferry sailing"') == ["Crossing resumes"]
    assert find('"ferries sailed at dawn"') == ["Crossing resumes"]
    assert find('"dawn ferries"') == []


def test_moving_an_article_moves_it_in_the_filters(find, article_factory, now):
    article = article_factory(headline="Regatta moved to the bay", section="Sport", published=now - timedelta(days=3))
    Section.objects.get_or_create(slug="travel", defaults={"name": "Travel"})
    assert find("regatta", section="sport") == ["Regatta moved to the bay"]
    Article.objects.filter(pk=article.pk).update(section=Section.objects.get(slug="travel"), published_at=now - timedelta(days=40))
    assert find("regatta", section="sport") == [] and find("regatta", section="travel") == ["Regatta moved to the bay"]
    assert find("regatta", since=now - timedelta(days=7)) == []
    assert find("regatta", since=now - timedelta(days=41), until=now - timedelta(days=39)) == ["Regatta moved to the bay"]
    Article.objects.filter(pk=article.pk).update(status="unpublished")
    assert find("regatta") == []


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_no_index_row_behind_to_collide_with_the_next_article(article_factory):
    """`newsdesk flush` truncates the articles (no triggers fire) and restarts their ids: the index rows must go too."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's flush deletes rows, and the index triggers see each delete")
    article_factory(headline="Ferry strike ends after three days")
    call_command("flush", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM newsroom_search_document")
        assert cursor.fetchone()[0] == 0
    article_factory(headline="Ferry strike ends after three days")  # the same id again: no duplicate key
