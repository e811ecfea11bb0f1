"""The read queries behind story, entity and article pages: a fixed number of queries however much there is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from story_rows import summit_rows

from newsdesk.newsroom import stories_selectors
from newsdesk.newsroom.models import Article, Mention, Quote, WireCopy

pytestmark = pytest.mark.django_db


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def _grow(rows, article_factory, count: int) -> None:
    """``count`` more published articles in the story, each naming Xi and Beijing, with two copies and a quote."""
    for n in range(count):
        a = article_factory(headline=f"Parade follow-up {n} from Beijing", section="World", published=rows.first.published_at - timedelta(hours=n + 1))
        Article.objects.filter(pk=a.pk).update(story=rows.story)
        Mention.objects.bulk_create([Mention(article=a, entity=rows.xi, salience=0.5), Mention(article=a, entity=rows.beijing, salience=0.5)])
        WireCopy.objects.bulk_create([
            WireCopy(article=a, wire_key=f"grow-{n}-{wire}", headline=a.headline, credit=wire, first=wire == "AP", snapshot={})
            for wire in ("AP", f"Wire {n}")
        ])
        Quote.objects.create(article=a, speaker=rows.xi, speaker_name="Xi Jinping", text=f"Statement {n}", position=0)


def test_pages_cost_the_same_number_of_queries_as_the_story_and_entity_grow(article_factory):
    rows = summit_rows(article_factory)
    calls = {
        "story": lambda: stories_selectors.story_page(pk=rows.story.pk),
        "entity": lambda: stories_selectors.entity_page(slug=rows.xi.slug),
        "article": lambda: stories_selectors.article_coverage(article=rows.second),
    }
    before = {name: _queries(call) for name, call in calls.items()}
    _grow(rows, article_factory, 12)
    after = {name: _queries(call) for name, call in calls.items()}
    assert after["story"] == before["story"] and after["entity"] == before["entity"]
    assert after["article"] <= before["article"]  # a full story leaves no room to score other articles: fewer
    assert stories_selectors.story_page(pk=rows.story.pk).source_count == 3 + 12  # every "Wire n" counted once


def test_related_is_bounded_and_skips_what_is_not_published(article_factory):
    rows = summit_rows(article_factory)
    Article.objects.filter(pk=rows.other.pk).update(status=Article.Status.KILLED)
    related = stories_selectors.related_articles(article=rows.second, limit=5)
    assert [a.pk for a in related] == [rows.third.pk, rows.first.pk]
    assert len(stories_selectors.related_articles(article=rows.second, limit=1)) == 1
