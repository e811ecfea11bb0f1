"""newsroom.prepared: a query Django builds once gives, with each call's values, what the ORM gives."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.db.models import Value
from django.db.models.functions import Coalesce

from newsdesk.newsroom import selectors, stories_selectors
from newsdesk.newsroom.models import Article, Entity, Mention, Quote, Story, ViewCount, WireCopy
from newsdesk.newsroom.prepared import Prepared

pytestmark = pytest.mark.django_db
PUBLISHED = Article.Status.PUBLISHED


def orm_article(pk: int) -> Article | None:
    return (
        Article.objects.filter(pk=pk, status=PUBLISHED).select_related("section", "source", "story")
        .annotate(view_total=Coalesce("views__total", Value(0))).first()
    )


def test_each_call_runs_with_its_own_values_and_gives_whole_model_instances(article_factory, django_assert_num_queries):
    first = article_factory(headline="Harbour cranes fall silent", section="World", dateline="LISBON")
    second = article_factory(headline="Night ferry returns", section="Travel", publish=False)
    third = article_factory(headline="Wheat prices climb", section="Business")
    ViewCount.objects.update_or_create(article=third, defaults={"total": 12})
    for article in (first, second, third):
        expected = orm_article(article.pk)
        with django_assert_num_queries(1):  # section, source, story joined: nothing read later
            got = selectors.article_published(pk=article.pk)
            shown = (got.section.name, got.source, got.story.title if got.story_id else None) if got else None
        if expected is None:
            assert got is None  # the draft
            continue
        assert [getattr(got, f.attname) for f in Article._meta.concrete_fields] == [
            getattr(expected, f.attname) for f in Article._meta.concrete_fields
        ]
        assert isinstance(got.published_at, datetime) and got.published_at.tzinfo is not None  # SQLite's text converted
        assert got.view_total == expected.view_total
        assert shown == (expected.section.name, expected.source, expected.story.title if expected.story_id else None)
    assert selectors.article_published(pk=third.pk).view_total == 12


def test_values_list_columns_come_in_the_order_asked_for(article_factory):
    article = article_factory(headline="Harbour cranes fall silent")
    ViewCount.objects.update_or_create(article=article, defaults={"total": 7})
    live = selectors.article_live(pk=article.pk)
    stored = Article.objects.get(pk=article.pk)
    assert (live.slug, live.view_total, live.modified_at) == (stored.slug, 7, stored.modified_at)
    assert selectors.article_live(pk=article.pk + 1000) is None


def test_a_list_value_of_any_length_excludes_what_it_lists(article_factory):
    articles = [article_factory(headline=f"Story {n}") for n in range(6)]
    for exclude in ([], [articles[0].pk], [a.pk for a in articles[1:4]], [a.pk for a in articles]):
        expected = list(Article.objects.filter(status=PUBLISHED).exclude(pk__in=exclude).order_by("-published_at", "-pk")[:3])
        assert selectors.highlights(exclude_ids=set(exclude), limit=3) == expected


def test_distinct_values_and_the_story_source_count(article_factory):
    article = article_factory(headline="Harbour cranes fall silent", credit="Northwind Wire")
    other = article_factory(headline="Harbour cranes idle", credit="Southern Press")
    story = Story.objects.create(slug="harbour-cranes", title="Harbour cranes", first_published_at=other.published_at,
                                 last_published_at=article.published_at)
    Article.objects.filter(pk__in=[article.pk, other.pk]).update(story=story)
    copy(article, "Eastern Agency", "k1")
    copy(other, "Eastern Agency", "k2")
    copy(other, "Northwind Wire", "k3")
    assert stories_selectors.story_source_count(story=story) == 3  # each name once, copies and articles alike


def copy(article: Article, credit: str, key: str) -> WireCopy:
    return WireCopy.objects.create(article=article, credit=credit, wire_key=key, headline=article.headline, snapshot={})


def test_coverage_reads_entities_quotes_and_copies_in_their_order(article_factory, django_assert_max_num_queries):
    article = article_factory(headline="Harbour cranes fall silent as dockworkers strike", credit="Northwind Wire")
    port = Entity.objects.create(kind="place", name="Port of Leixões", slug="port-of-leixoes")
    union = Entity.objects.create(kind="organisation", name="Dockers' Union", slug="dockers-union")
    mayor = Entity.objects.create(kind="person", name="Rui Moreira", slug="rui-moreira")
    for entity, salience in ((port, 0.9), (union, 0.5), (mayor, 0.7)):
        Mention.objects.create(article=article, entity=entity, salience=salience, rel="about")
    Quote.objects.create(article=article, speaker=mayor, text="Second", position=1)
    Quote.objects.create(article=article, speaker_name="A docker", text="First", position=0)
    copy(article, "Southern Press", "k1")
    related = article_factory(headline="Cranes idle at the harbour for a second day", section="World")
    Mention.objects.create(article=related, entity=port, salience=0.8, rel="about")
    shown = selectors.article_published(pk=article.pk)
    with django_assert_max_num_queries(10):
        coverage = stories_selectors.article_coverage(article=shown)
        speakers = [q.speaker.name if q.speaker else q.speaker_name for q in coverage.quotes]
        kicker = [a.section.name for a in coverage.related]
    assert (coverage.places, coverage.organisations, coverage.people) == ([port], [union], [mayor])
    assert [q.text for q in coverage.quotes] == ["First", "Second"] and speakers == ["A docker", "Rui Moreira"]
    assert coverage.sources == ["Northwind Wire", "Southern Press"]
    assert coverage.related == [related] and kicker == ["World"]


def test_a_value_that_does_not_reach_the_sql_is_an_error():
    ignored = Prepared(lambda pk: Article.objects.all())
    with pytest.raises(ValueError, match="does not reach its SQL"):
        ignored.rows(pk=1)
