"""Pages Django renders (a page not baked yet, or every page with NEWSDESK_BAKE=0 on web processes that do
not share the baked folder) revalidate like baked ones: a strong ETag, 304s, and the CDN's Cache-Control."""

from __future__ import annotations

import pytest

from newsdesk.newsroom.models import Article
from newsdesk.publish.bake import article_pages_invalidate
from newsdesk.publish.bake.store import content_hash

pytestmark = pytest.mark.django_db

PAGES = ["/", "/section/world/", "{article}", "/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/sitemap.xml",
         "/sitemap-news.xml", "/robots.txt"]


@pytest.fixture
def story(article_factory):
    return article_factory(headline="Ferry service resumes after the storm")


@pytest.mark.parametrize("page", PAGES)
def test_a_page_django_renders_has_the_baked_pages_etag_and_answers_304_while_it_holds(client, story, page):
    path = page.format(article=story.get_absolute_url())
    response = client.get(path)
    assert response.status_code == 200
    assert response["ETag"] == f'"{content_hash(response.content)}"'  # what the baked file of these bytes carries
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=300" in cache_control and "stale-while-revalidate=600" in cache_control

    again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.head(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(path, HTTP_IF_NONE_MATCH='"an-older-page"').status_code == 200


def test_a_changed_story_gets_a_new_etag_so_an_old_copy_is_sent_again(client, story):
    path = story.get_absolute_url()
    before = client.get(path)["ETag"]
    Article.objects.filter(pk=story.pk).update(summary="Crossings run every hour again.")
    article_pages_invalidate(article_id=story.pk)  # what code writing with update() must do (publish.bake.invalidation)
    after = client.get(path, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before
    assert b"Crossings run every hour again." in after.content


def test_errors_and_the_view_beacon_carry_no_etag(client, story):
    assert not client.get("/article/999999/nothing-here/").has_header("ETag")
    beacon = client.post(f"/views/{story.pk}")
    assert beacon.status_code == 200 and not beacon.has_header("ETag")
