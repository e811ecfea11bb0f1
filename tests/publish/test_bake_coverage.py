"""Baked article pages follow their entities, quotes, copies and story (issue 4), and nothing else is touched."""

from __future__ import annotations

import pytest

from newsdesk.core import clock
from newsdesk.newsroom.models import Entity, Mention, Quote, Story, WireCopy
from newsdesk.publish.bake import article_coverage_invalidate, bake_all, baked_file, store

committed = pytest.mark.django_db(transaction=True)


@pytest.fixture
def baked_site(settings, tmp_path, monkeypatch, article_factory):
    """Three World stories, baked, the clock stopped (as tests/publish/test_bake.py)."""
    settings.BAKED_DIR = str(tmp_path / "baked")
    settings.SITE_URL = "http://testserver"
    stopped = clock.now()
    monkeypatch.setattr(clock, "now", lambda: stopped)
    articles = [article_factory(headline=f"Harbour story {n}", section="World") for n in range(3)]
    bake_all()
    return articles


def snapshot() -> dict[str, bytes]:
    return {file: (store.root() / file).read_bytes() for file in store.pages()}


def changed_files(before: dict[str, bytes]) -> set[str]:
    after = snapshot()
    return {f for f in set(before) | set(after) if before.get(f) != after.get(f)}


def page_of(article) -> str:
    return f"article/{article.pk}/{article.slug}/index.html"


@committed
def test_a_quote_saved_bakes_its_article_page_again_and_nothing_else(baked_site):
    article = baked_site[1]
    before = snapshot()
    Quote.objects.create(article=article, speaker_name="The harbour master", text="The cranes are back", position=0)
    assert changed_files(before) == {page_of(article)}
    assert "The cranes are back" in (store.root() / page_of(article)).read_text()


@committed
def test_mentions_written_in_bulk_show_once_the_writer_calls_the_invalidation(baked_site):
    from django.db import transaction

    article = baked_site[0]
    port = Entity.objects.create(kind="place", name="Port of Leixões", slug="port-of-leixoes")
    before = snapshot()
    with transaction.atomic():
        Mention.objects.bulk_create([Mention(article=article, entity=port, salience=0.8, rel="about")])  # no signal
        article_coverage_invalidate(article_id=article.pk)
        article_coverage_invalidate(article_id=article.pk)  # a second call in one transaction bakes once
    assert changed_files(before) == {page_of(article)}
    assert 'href="/entities/port-of-leixoes/"' in (store.root() / page_of(article)).read_text()


@committed
def test_a_folded_copy_adds_its_wire_to_also_reported_by(baked_site):
    article = baked_site[2]
    WireCopy.objects.create(article=article, wire_key="k-first", headline=article.headline, credit="AP", first=True, snapshot={})
    WireCopy.objects.create(article=article, wire_key="k-fold", headline=article.headline, credit="Reuters", snapshot={})
    assert "Also reported by" in (store.root() / page_of(article)).read_text()


@committed
def test_a_story_change_drops_its_articles_pages_to_be_baked_again_with_the_story(baked_site):
    first, second, third = baked_site
    story = Story.objects.create(slug="harbour", title="Harbour", first_published_at=first.published_at, last_published_at=first.published_at)
    first.__class__.objects.filter(pk__in=[first.pk, second.pk]).update(story=story)  # as pipeline.stories does
    before = snapshot()
    story.article_count = 2
    story.save()  # pipeline.stories.story_counts_refresh
    assert changed_files(before) == {page_of(first), page_of(second)}
    assert page_of(first) not in store.pages()
    from newsdesk.publish.bake import page_bake
    from newsdesk.publish.bake.paths import BakedPage

    page_bake(BakedPage(first.get_absolute_url()))  # what the next reader's request does
    assert 'href="/stories/%d-harbour/"' % story.pk in (store.root() / page_of(first)).read_text()
    assert page_of(third) in store.pages()


@committed
def test_renaming_an_entity_drops_the_pages_of_the_articles_that_name_it(baked_site):
    first, second, _ = baked_site
    xi = Entity.objects.create(kind="person", name="Xi", slug="xi")
    Mention.objects.create(article=first, entity=xi, salience=0.9)
    before = snapshot()
    xi.name = "Xi Jinping"  # a fuller name arrived (pipeline.entities.entity_merge)
    xi.save(update_fields=["name"])
    assert changed_files(before) == {page_of(first)}
    xi.description = "President of China"  # not on any article page
    before = snapshot()
    xi.save(update_fields=["description"])
    assert changed_files(before) == set()


def test_story_and_entity_pages_are_never_baked_so_never_stale():
    assert baked_file("/stories/1-harbour/") is None
    assert baked_file("/entities/xi-jinping/") is None
    assert baked_file("/entities/xi-jinping/rss.xml") is None


@committed
def test_an_article_joining_a_story_leaves_the_other_articles_pages_baked(baked_site):
    """Counting a new article into a story is a save of its counts: the story's other pages stay (site.js refreshes the count)."""
    first, second, _ = baked_site
    story = Story.objects.create(slug="harbour", title="Harbour", first_published_at=first.published_at, last_published_at=first.published_at)
    first.__class__.objects.filter(pk__in=[first.pk, second.pk]).update(story=story)
    page_bake_again = {page_of(first), page_of(second)}
    from newsdesk.publish.bake import page_bake
    from newsdesk.publish.bake.paths import BakedPage

    for article in (first, second):
        page_bake(BakedPage(article.get_absolute_url()))
    before = snapshot()
    story.article_count, story.source_count = 3, 2
    story.save(update_fields=["article_count", "source_count", "modified_at"])  # pipeline.stories._story_join
    assert not changed_files(before) & page_bake_again
    story.slug = "harbour-strike"
    story.save(update_fields=["slug"])
    assert changed_files(before) >= page_bake_again, "a new slug changes the link on every page of the story"
