"""With NEWSDESK_KEPT=0 nothing is kept between requests: every article page is read and rendered afresh.

bench/serve's "strictly cold" row measures this path; it must give the very
page the kept path gives, in a fixed number of queries whatever the
article's coverage, and its URLs (``site.links``) must be reverse()'s.
"""

from __future__ import annotations

import pytest
from django.urls import reverse, set_script_prefix

from newsdesk.newsroom.models import Article, Correction, Entity, Mention, Quote, Section, Story
from newsdesk.site import kept, links

committed = pytest.mark.django_db(transaction=True)


@pytest.fixture
def nothing_kept(settings, tmp_path):
    settings.BAKE = False
    settings.HOME = tmp_path
    settings.KEPT = False
    kept.ARTICLES.clear()
    kept.SITE.clear()


def covered(article_factory) -> Article:
    """An article with everything its page can show: entities, quotes, a correction, a story, related stories."""
    article = article_factory(headline="Harbour cranes fall silent as dockworkers strike", section="World",
                              dateline="LISBON", byline="By Ana Ribeiro", summary="Dockworkers walked out at dawn.")
    other = article_factory(headline="Harbour cranes idle for a second day", section="World")
    article_factory(headline="Night ferry returns to the Baltic", section="Travel")
    story = Story.objects.create(slug="harbour-strike", title="Harbour strike", first_published_at=other.published_at,
                                 last_published_at=article.published_at)
    Article.objects.filter(pk__in=[article.pk, other.pk]).update(story=story)
    port = Entity.objects.create(kind="place", name="Port of Leixões", slug="port-of-leixoes")
    mayor = Entity.objects.create(kind="person", name="Rui Moreira", slug="rui-moreira")
    Mention.objects.create(article=article, entity=port, salience=0.9, rel="about")
    Mention.objects.create(article=article, entity=mayor, salience=0.4, rel="mentions")
    Quote.objects.create(article=article, speaker=mayor, text="The cranes will be back", position=0)
    Correction.objects.create(article=article, note="An earlier version misnamed the port.")
    return Article.objects.get(pk=article.pk)


@committed
def test_nothing_kept_gives_the_kept_page_and_keeps_nothing(client, nothing_kept, article_factory, settings):
    article = covered(article_factory)
    strict = client.get(article.get_absolute_url()).content
    assert not kept.ARTICLES._items and not kept.SITE._items
    shown = strict.decode()
    for text in ("Port of Leixões", "The cranes will be back", "misnamed the port", "Full coverage", "Harbour cranes idle",
                 "Night ferry returns", "NewsArticle", 'property="og:description" content="Dockworkers walked out at dawn."'):
        assert text in shown
    settings.KEPT = True
    assert client.get(article.get_absolute_url()).content == strict  # kept: rendered now and kept
    assert client.get(article.get_absolute_url()).content == strict  # kept: from the store


@committed
def test_a_strictly_cold_page_costs_a_fixed_number_of_queries(client, nothing_kept, article_factory, django_assert_num_queries):
    bare = article_factory(headline="Wheat prices climb", section="Business")
    full = covered(article_factory)
    client.get(bare.get_absolute_url())  # each prepared query compiled once in this process
    client.get(full.get_absolute_url())
    with django_assert_num_queries(9):
        assert client.get(bare.get_absolute_url()).status_code == 200
    with django_assert_num_queries(13):  # + the story's articles and sources, the entities' other mentions, the related
        assert client.get(full.get_absolute_url()).status_code == 200


@committed
def test_an_edit_shows_on_the_next_request(client, nothing_kept, article_factory):
    article = covered(article_factory)
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(headline="Harbour cranes move again")  # no signal, no hook
    assert "Harbour cranes move again" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/", "/news/"])
def test_links_are_what_reverse_gives(prefix, article_factory):
    article = article_factory(headline="Harbour cranes fall silent", section="World")
    section = Section.objects.get(slug="world")
    odd = Article(pk=article.pk, slug="café-é")  # quoted by reverse(): no pattern for it
    entity = Entity(kind="person", name="Rui Moreira", slug="rui-moreira")
    story = Story(pk=7, slug="harbour-strike")
    set_script_prefix(prefix)
    try:
        for obj in (article, section, odd, entity, story):
            assert links.page_url(obj) == obj.get_absolute_url()
        assert links.site_url("site:home") == reverse("site:home") == prefix
        assert links.site_url("site:views", pk=article.pk) == reverse("site:views", kwargs={"pk": article.pk})
        assert links.site_url("site:section_feed_rss", slug="world") == reverse("site:section_feed_rss", kwargs={"slug": "world"})
    finally:
        set_script_prefix("/")
