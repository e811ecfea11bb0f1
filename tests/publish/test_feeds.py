"""Feeds out: RSS 2.0, Atom and JSON Feed 1.1 for the site and each section, valid and complete."""

from __future__ import annotations

import json
from datetime import timezone

import feedparser
import lxml.etree
import lxml.html
import pytest
from jsonfeed_spec import jsonfeed_errors

from newsdesk.newsroom.models import Article

pytestmark = pytest.mark.django_db

XML_FORMATS = {"rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}
ALL_FORMATS = {**XML_FORMATS, "feed.json": "application/feed+json"}
SITE = "http://testserver"


def _url(article: Article) -> str:
    return SITE + article.get_absolute_url()


def _id(article: Article) -> str:
    """The permanent id: the short URL, which survives a corrected headline (and its new slug)."""
    return f"{SITE}/article/{article.pk}/"


def _xml_feed(client, path: str):
    """The feed parsed strictly by lxml (well-formed XML) and by feedparser (no bozo)."""
    response = client.get(path)
    assert response.status_code == 200
    lxml.etree.fromstring(response.content)  # raises on anything ill-formed
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def _json_feed(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/feed+json")
    document = json.loads(response.content)
    assert jsonfeed_errors(document) == []
    return document


@pytest.mark.parametrize("filename", XML_FORMATS)
def test_site_xml_feeds_parse_without_errors_and_list_only_published_articles(client, article_factory, filename):
    published = [article_factory(section=s) for s in ("World", "Sport", "World")]
    article_factory(publish=False, headline="An unpublished draft")
    response, feed = _xml_feed(client, f"/feeds/{filename}")
    assert response["Content-Type"].startswith(XML_FORMATS[filename])
    assert [entry.link for entry in feed.entries] == [_url(a) for a in published]  # newest first
    assert "An unpublished draft" not in response.content.decode()
    assert feed.feed.title == "newsdesk"


def test_site_json_feed_has_every_required_field_and_only_published_articles(client, article_factory):
    published = [article_factory() for _ in range(3)]
    article_factory(publish=False, headline="An unpublished draft")
    feed = _json_feed(client, "/feeds/feed.json")
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["home_page_url"] == SITE + "/"
    assert feed["feed_url"] == SITE + "/feeds/feed.json"
    assert [item["id"] for item in feed["items"]] == [_id(a) for a in published]
    assert [item["url"] for item in feed["items"]] == [_url(a) for a in published]
    assert all(item["content_html"] for item in feed["items"])
    assert "An unpublished draft" not in json.dumps(feed)


@pytest.mark.parametrize("filename", ALL_FORMATS)
def test_feeds_hold_the_fifty_newest_articles(client, article_factory, filename):
    articles = [article_factory() for _ in range(51)]  # each a minute older than the one before
    response = client.get(f"/feeds/{filename}")
    if filename == "feed.json":
        ids = [item["id"] for item in json.loads(response.content)["items"]]
    else:
        ids = [entry.id for entry in feedparser.parse(response.content).entries]
    assert ids == [_id(a) for a in articles[:50]]


@pytest.mark.parametrize("filename", XML_FORMATS)
def test_xml_entry_has_full_content_dates_author_enclosure_categories_and_a_permanent_id(client, ferry_article, filename):
    response, feed = _xml_feed(client, f"/feeds/{filename}")
    (entry,) = feed.entries
    url = _url(ferry_article)
    assert entry.title == ferry_article.headline
    assert entry.link == url
    assert entry.id == _id(ferry_article)
    assert client.get(entry.id.removeprefix(SITE)).url == ferry_article.get_absolute_url()  # the id leads to the page
    if filename == "rss.xml":
        assert lxml.etree.fromstring(response.content).xpath("//item/guid/@isPermaLink") == ["true"]
    content = entry.content[0].value
    assert '<span class="dateline">TALLINN</span> – A night ferry between Tallinn and Stockholm' in content
    assert "“We missed the sea,” one passenger said." in content
    assert '<p class="credit">– <a href="https://wire.example/world/night-ferry-returns"' in content
    assert entry.summary.startswith("A night ferry between Tallinn")
    assert entry.published_parsed[:6] == ferry_article.published_at.astimezone(timezone.utc).timetuple()[:6]
    if filename == "atom.xml":
        assert entry.updated_parsed[:6] == ferry_article.updated_at.astimezone(timezone.utc).timetuple()[:6]
    assert entry.author == "Liis Tamm and Jonas Berg"
    (enclosure,) = entry.enclosures
    assert enclosure.href == "https://images.example/ferry-at-dawn.png"
    assert enclosure.type == "image/png"
    assert enclosure.length == "0"
    assert [tag.term for tag in entry.tags] == ["World"]


def test_json_feed_item_has_full_content_dates_authors_image_and_tags(client, ferry_article):
    (item,) = _json_feed(client, "/feeds/feed.json")["items"]
    assert item["id"] == _id(ferry_article)
    assert item["url"] == _url(ferry_article)
    assert item["title"] == ferry_article.headline
    assert item["content_html"].startswith('<p><span class="dateline">TALLINN</span> – A night ferry')
    assert item["content_html"].endswith('rel="nofollow noopener">Reuters</a></p>')
    assert item["date_published"] == ferry_article.published_at.isoformat()
    assert item["date_modified"] == ferry_article.updated_at.isoformat()
    assert item["authors"] == [{"name": "Liis Tamm"}, {"name": "Jonas Berg"}]
    assert item["image"] == "https://images.example/ferry-at-dawn.png"
    assert item["attachments"] == [{"url": "https://images.example/ferry-at-dawn.png", "mime_type": "image/png"}]
    assert item["tags"] == ["World"]


def test_a_story_without_byline_is_by_its_credited_source_and_one_without_photo_has_no_enclosure(client, article_factory):
    article_factory(credit="AFP", byline=None)
    _, feed = _xml_feed(client, "/feeds/atom.xml")
    (entry,) = feed.entries
    assert entry.author == "AFP"
    assert not entry.get("enclosures")
    (item,) = _json_feed(client, "/feeds/feed.json")["items"]
    assert item["authors"] == [{"name": "AFP"}] and "image" not in item and "attachments" not in item


@pytest.mark.parametrize("filename", ALL_FORMATS)
def test_section_feed_lists_only_that_sections_articles(client, article_factory, filename):
    world = [article_factory(section="World") for _ in range(2)]
    article_factory(section="Sport")
    response = client.get(f"/section/world/{filename}")
    assert response.status_code == 200
    if filename == "feed.json":
        feed = json.loads(response.content)
        assert jsonfeed_errors(feed) == []
        assert feed["title"] == "World — newsdesk"
        assert [item["url"] for item in feed["items"]] == [_url(a) for a in world]
    else:
        _, feed = _xml_feed(client, f"/section/world/{filename}")
        assert feed.feed.title == "World — newsdesk"
        assert [entry.link for entry in feed.entries] == [_url(a) for a in world]


@pytest.mark.parametrize("filename", ALL_FORMATS)
def test_an_unknown_sections_feed_is_not_found(client, filename):
    assert client.get(f"/section/no-such-section/{filename}").status_code == 404


@pytest.mark.parametrize("path", ["/feeds/rss.xml", "/feeds/atom.xml", "/section/world/rss.xml", "/section/world/atom.xml"])
def test_markup_cdata_ends_and_control_characters_keep_xml_feeds_well_formed(client, hostile_article, path):
    response, feed = _xml_feed(client, path)
    (entry,) = feed.entries
    assert "alert(1)" in entry.title and "]]>" in entry.title
    assert "Dockers voted ]]> to return" in entry.content[0].value
    assert b"<script>" not in response.content  # markup travels as escaped text, never as elements of the feed


@pytest.mark.parametrize("path", ["/feeds/feed.json", "/section/world/feed.json"])
def test_markup_and_control_characters_keep_the_json_feed_valid(client, hostile_article, path):
    (item,) = _json_feed(client, path)["items"]
    assert item["title"] == "Port strike ends </script><script>alert(1)</script> ]]>  as deal is signed"


@pytest.mark.parametrize("filename", ALL_FORMATS)
def test_our_own_wire_reader_reads_our_feeds_back(client, ferry_article, filename):
    """newsdesk can subscribe to newsdesk: each format reads back through `wire` with headline, link and date."""
    from newsdesk import wire

    response = client.get(f"/feeds/{filename}")
    (document,) = wire.read(response.content, origin=SITE + f"/feeds/{filename}", content_type=response["Content-Type"])
    assert document.entry.title == ferry_article.headline
    assert document.entry.link == _url(ferry_article)
    assert document.entry.published.replace(microsecond=0) == ferry_article.published_at.replace(microsecond=0)  # RSS: seconds
    assert "A night ferry between Tallinn and Stockholm" in document.text


def _alternates(client, path: str) -> list[tuple[str, str]]:
    tree = lxml.html.fromstring(client.get(path).content)
    return [(link.get("type"), link.get("href")) for link in tree.xpath("//head/link[@rel='alternate']")]


SITE_FEEDS = [("application/rss+xml", "/feeds/rss.xml"), ("application/atom+xml", "/feeds/atom.xml"), ("application/feed+json", "/feeds/feed.json")]
WORLD_FEEDS = [(kind, "/section/world/" + href.rsplit("/", 1)[1]) for kind, href in SITE_FEEDS]


def test_every_page_head_links_the_site_feeds_and_section_pages_and_articles_their_sections_feeds(client, ferry_article):
    assert _alternates(client, "/") == SITE_FEEDS
    assert _alternates(client, "/section/world/") == SITE_FEEDS + WORLD_FEEDS
    assert _alternates(client, ferry_article.get_absolute_url()) == SITE_FEEDS + WORLD_FEEDS
    for _, href in SITE_FEEDS + WORLD_FEEDS:
        assert client.get(href).status_code == 200


@pytest.mark.parametrize("filename", ALL_FORMATS)
def test_a_photo_served_by_the_site_itself_gets_an_absolute_url_in_feeds(client, article_factory, filename):
    article = article_factory()
    Article.objects.filter(pk=article.pk).update(image_url="/static/site/sample/ocean.svg")
    response = client.get(f"/feeds/{filename}")
    photo = SITE + "/static/site/sample/ocean.svg"
    if filename == "feed.json":
        (item,) = json.loads(response.content)["items"]
        assert item["image"] == photo
        assert item["attachments"] == [{"url": photo, "mime_type": "image/svg+xml"}]
    else:
        (enclosure,) = feedparser.parse(response.content).entries[0].enclosures
        assert (enclosure.href, enclosure.type) == (photo, "image/svg+xml")


def test_an_entrys_id_stays_the_same_when_a_corrected_headline_changes_its_url(client, article_factory):
    from newsdesk.core.draft import Draft
    from newsdesk.pipeline.save import article_save

    article = article_factory(headline="Ferry sails to Helsinki", guid="urn:test:ferry")
    before = feedparser.parse(client.get("/feeds/atom.xml").content).entries[0]
    article_save(draft=Draft(headline="Ferry sails to Stockholm", body_html="<p>Corrected.</p>", section="World",
                             published=article.published_at, guid="urn:test:ferry"), source=None, raw_item=None)
    after = feedparser.parse(client.get("/feeds/atom.xml").content).entries[0]
    assert after.link != before.link
    assert after.id == before.id == _id(article)
