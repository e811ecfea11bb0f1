"""Feeds of a story and of an entity: valid RSS 2.0, Atom and JSON Feed 1.1 with only published articles, newest first."""

from __future__ import annotations

import json

import feedparser
import lxml.etree
import pytest
from jsonfeed_spec import jsonfeed_errors
from story_rows import HOSTILE_NAME, summit_rows

from newsdesk.newsroom.models import Article

pytestmark = pytest.mark.django_db

XML_FORMATS = {"rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}
SITE = "http://testserver"


@pytest.fixture
def rows(article_factory):
    return summit_rows(article_factory)


def _xml_feed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    lxml.etree.fromstring(response.content)  # well-formed, or this raises
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("filename", XML_FORMATS)
def test_story_feed_parses_cleanly_with_its_published_articles_newest_first(client, rows, filename):
    response, feed = _xml_feed(client, f"{rows.story.get_absolute_url()}{filename}")
    assert response["Content-Type"].startswith(XML_FORMATS[filename])
    assert [e.link for e in feed.entries] == [SITE + a.get_absolute_url() for a in (rows.third, rows.second, rows.first)]
    assert feed.feed.title == "Beijing military parade — full coverage — newsdesk"
    assert feed.feed.link == SITE + rows.story.get_absolute_url()
    assert rows.draft.headline not in response.content.decode()


@pytest.mark.parametrize("filename", XML_FORMATS)
def test_entity_feed_parses_cleanly_with_the_articles_naming_it(client, rows, filename):
    response, feed = _xml_feed(client, f"{rows.xi.get_absolute_url()}{filename}")
    assert [e.link for e in feed.entries] == [SITE + a.get_absolute_url() for a in (rows.other, rows.second, rows.first)]
    assert feed.feed.title == "Xi Jinping — newsdesk"
    assert rows.draft.headline not in response.content.decode()  # the draft names Xi too


@pytest.mark.parametrize("subject", ["story", "xi", "hostile"])
def test_json_feeds_have_every_required_field(client, rows, subject):
    url = getattr(rows, subject).get_absolute_url() + "feed.json"
    response = client.get(url)
    assert response["Content-Type"].startswith("application/feed+json")
    document = json.loads(response.content)
    assert jsonfeed_errors(document) == []
    assert document["feed_url"] == SITE + url
    assert document["items"] and all(item["content_html"] for item in document["items"])


def test_hostile_entity_name_is_text_in_every_feed(client, rows):
    base = rows.hostile.get_absolute_url()
    for filename in XML_FORMATS:
        response, feed = _xml_feed(client, base + filename)
        assert feed.feed.title == f"{HOSTILE_NAME} — newsdesk"
        assert b"<script>" not in response.content
    assert json.loads(client.get(base + "feed.json").content)["title"] == f"{HOSTILE_NAME} — newsdesk"


def test_feeds_of_unknown_or_unpublished_subjects_are_not_found(client, rows):
    assert client.get("/stories/999999-nothing/rss.xml").status_code == 404
    assert client.get("/entities/nobody-at-all/atom.xml").status_code == 404
    assert client.get(f"{rows.draft_only.get_absolute_url()}feed.json").status_code == 404
    Article.objects.filter(story=rows.story).update(status=Article.Status.UNPUBLISHED)
    assert client.get(f"{rows.story.get_absolute_url()}rss.xml").status_code == 404


def test_story_and_entity_feeds_revalidate_with_their_etag(client, rows):
    for url in (f"{rows.story.get_absolute_url()}atom.xml", f"{rows.beijing.get_absolute_url()}feed.json"):
        response = client.get(url)
        assert "s-maxage=300" in response["Cache-Control"]
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
