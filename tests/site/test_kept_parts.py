"""Article pages keep their rendered parts between requests (site.kept), and every change shows on the next one.

Baking is off here ("cold"): Django's view answers every request. What it keeps
must be exactly what a fresh render gives, and an edit, a publish, an
unpublish or a change to the article's coverage must show at once — in this
process through the commit hooks, in another through the stamp file.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from newsdesk.desk import workflow
from newsdesk.newsroom.models import Article, Entity, Mention, Quote, Section, ViewCount
from newsdesk.site import kept

committed = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cold(settings, tmp_path):
    """Baking off, the page generation's stamp in a folder of this test's own, nothing kept from other tests."""
    settings.BAKE = False
    settings.HOME = tmp_path
    kept.ARTICLES.clear()
    kept.SITE.clear()


def page(client, article: Article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def fresh(client, article: Article) -> bytes:
    """The page rendered with nothing kept."""
    kept.ARTICLES.clear()
    kept.SITE.clear()
    return client.get(article.get_absolute_url()).content


@committed
def test_a_kept_page_is_byte_for_byte_a_fresh_render_and_costs_one_query(client, cold, article_factory, django_assert_num_queries):
    article = article_factory(headline="Harbour cranes fall silent as dockworkers strike", section="World", dateline="LISBON")
    article_factory(headline="Harbour cranes idle for a second day", section="World")  # related, highlights
    port = Entity.objects.create(kind="place", name="Port of Leixões", slug="port-of-leixoes")
    Mention.objects.create(article=article, entity=port, salience=0.9, rel="about")
    Quote.objects.create(article=article, speaker_name="The harbour master", text="The cranes will be back", position=0)
    first = fresh(client, article)
    with django_assert_num_queries(1):  # is it public, its slug, the view count
        again = client.get(article.get_absolute_url()).content
    assert again == first
    shown = first.decode()
    assert "Port of Leixões" in shown and "The cranes will be back" in shown and "Harbour cranes idle" in shown


@committed
def test_the_view_count_is_read_on_every_request(client, cold, article_factory):
    article = article_factory(headline="Harbour cranes fall silent", section="World")
    assert "0 views" in page(client, article)
    ViewCount.objects.filter(article=article).update(total=41)  # the beacon's flush: no commit hook
    assert "41 views" in page(client, article)


@committed
def test_an_edit_a_quote_a_section_renamed_an_unpublish_and_a_publish_show_on_the_next_request(client, cold, article_factory):
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "not-a-real-password")
    article = article_factory(headline="Harbour cranes fall silent", section="World")
    other = article_factory(headline="Night ferry returns to the Baltic", section="Travel")
    html = page(client, article)
    assert "Night ferry returns" in html and ">Travel</a>" in html  # the highlights, the masthead

    article.headline = "Harbour cranes move again"
    article.save()
    assert "Harbour cranes move again" in page(client, article)

    Quote.objects.create(article=article, speaker_name="The harbour master", text="We are back at work", position=0)
    assert "We are back at work" in page(client, article)

    section = Section.objects.get(slug="world")
    section.name = "World news"
    section.save()
    assert '>World news</a></p>' in page(client, article)  # the kicker

    workflow.article_unpublish(other, editor)
    html = page(client, article)
    assert "Night ferry returns" not in html and ">Travel</a>" not in html

    workflow.article_unpublish(article, editor)
    assert client.get(article.get_absolute_url()).status_code == 404
    workflow.article_publish(article, editor)
    assert "Harbour cranes move again" in page(client, article)
    assert client.get(article.get_absolute_url()).content == fresh(client, article)


@committed
def test_a_commit_in_another_process_shows_through_the_stamp_file(client, cold, article_factory, settings):
    article = article_factory(headline="Harbour cranes fall silent", section="World")
    page(client, article)
    Article.objects.filter(pk=article.pk).update(headline="Written by another process")  # no signal in this one
    assert "Harbour cranes fall silent" in page(client, article), "kept until a commit hook says otherwise"
    other_process = "import django; django.setup(); from newsdesk.publish.bake import generation; generation.committed()"
    subprocess.run([sys.executable, "-c", other_process], env={**os.environ, "NEWSDESK_HOME": str(settings.HOME)}, check=True)
    assert "Written by another process" in page(client, article)


@committed
def test_the_kept_page_is_what_the_whole_template_renders(client, cold, article_factory, rf):
    """article.html (the desk's preview renders it too) and the kept parts give the same page."""
    from django.template.loader import render_to_string

    from newsdesk.newsroom import selectors, stories_selectors

    article = article_factory(headline="Harbour cranes fall silent", section="World", dateline="LISBON", byline="By Ana Ribeiro")
    article_factory(headline="Harbour cranes idle for a second day", section="World")
    Quote.objects.create(article=article, speaker_name="The harbour master", text="The cranes will be back", position=0)
    whole = selectors.article_page(pk=article.pk)
    context = {
        "page": whole, "article": whole.article, "current_section": whole.article.section,
        "coverage": stories_selectors.article_coverage(article=whole.article),
    }
    expected = render_to_string("site/article.html", context, rf.get(article.get_absolute_url()))
    assert page(client, article) == expected
    assert page(client, article) == expected  # kept


@committed
def test_with_redis_a_commit_on_another_machine_shows_through_the_shared_counter(client, cold, article_factory, settings):
    """Web hosts that share only the database and Redis: the counter in Redis, not the stamp file, tells them."""
    import redis

    from newsdesk.publish.bake import generation

    settings.REDIS_URL = "redis://127.0.0.1:6379/12"
    try:
        shared = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1)
        shared.delete(generation.REDIS_KEY)
    except redis.RedisError:
        pytest.skip("Redis is not reachable at 127.0.0.1:6379 (apt-get install redis-server)")
    article = article_factory(headline="Harbour cranes fall silent", section="World")
    assert shared.get(generation.REDIS_KEY) is not None, "the commit bumped the shared counter"
    page(client, article)
    Article.objects.filter(pk=article.pk).update(headline="Written on another machine")
    assert "Harbour cranes fall silent" in page(client, article)
    shared.incr(generation.REDIS_KEY)  # that machine's commit hook
    assert "Written on another machine" in page(client, article)
    shared.delete(generation.REDIS_KEY)
