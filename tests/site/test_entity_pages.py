"""Entity pages: a person, place or organisation with its stories, the entities named with it, its quotes and feeds."""

from __future__ import annotations

import lxml.html
import pytest
from story_rows import HOSTILE_NAME, HOSTILE_QUOTE, summit_rows
from story_rows import page_tree as _page
from story_rows import texts as _texts

from newsdesk.newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(article_factory):
    return summit_rows(article_factory)


def test_entity_page_timeline_lists_its_stories_newest_first_each_once(client, rows):
    _, tree = _page(client, rows.xi.get_absolute_url())
    entries = [(a.text_content(), a.get("href")) for a in tree.cssselect(".timeline-entry > a")]
    assert entries == [
        ("Beijing markets rally", "/stories/%d-beijing-markets/" % rows.other.story_id),
        ("Beijing military parade", rows.story.get_absolute_url()),  # two articles name Xi: one entry
    ]
    assert "2 articles name Xi Jinping" in _texts(tree, ".timeline-entry")[1]


def test_entity_page_shows_its_names_description_and_the_entities_named_with_it(client, rows):
    _, tree = _page(client, rows.xi.get_absolute_url())
    assert _texts(tree, "h1") == ["Xi Jinping"]
    assert _texts(tree, ".entity-aliases") == ["Also called Chinese leader Xi Jinping, Xi"]
    together = [a.text_content() for a in tree.cssselect(".coverage-entities a")]
    assert together[0] == "Beijing"  # named in all three of Xi's published articles
    assert set(together) == {"Beijing", "Kim Jong Un", "Edward Howell", "University of Oxford", HOSTILE_NAME}
    _, howell = _page(client, rows.howell.get_absolute_url())
    assert _texts(howell, ".entity-description") == ["a lecturer in politics at the University of Oxford"]


def test_entity_page_shows_only_quotes_from_published_articles_with_their_article(client, rows):
    _, tree = _page(client, rows.howell.get_absolute_url())
    quotes = tree.cssselect(".coverage-quotes .quote")
    assert [" ".join(q.cssselect("blockquote")[0].text_content().split()) for q in quotes] == ["“China is not angry; it is confident”"]
    assert quotes[0].cssselect("figcaption a")[0].get("href") == rows.second.get_absolute_url()
    assert "A draft quote nobody may read" not in lxml.html.tostring(tree, encoding="unicode")


def test_entity_page_announces_and_links_its_feeds(client, rows):
    _, tree = _page(client, rows.beijing.get_absolute_url())
    alternates = {link.get("href") for link in tree.cssselect('head link[rel="alternate"]')}
    assert {"/entities/beijing/rss.xml", "/entities/beijing/atom.xml", "/entities/beijing/feed.json"} <= alternates
    assert [a.get("href") for a in tree.cssselect(".follow a")] == [
        "/entities/beijing/rss.xml", "/entities/beijing/atom.xml", "/entities/beijing/feed.json",
    ]


def test_entity_named_only_by_drafts_or_unknown_has_no_page(client, rows):
    assert client.get(rows.draft_only.get_absolute_url()).status_code == 404
    assert client.get("/entities/no-such-entity/").status_code == 404
    Article.objects.filter(pk=rows.second.pk).update(status=Article.Status.UNPUBLISHED)
    assert client.get(rows.kim.get_absolute_url()).status_code == 404  # only the unpublished article named Kim


def test_entity_page_revalidates_with_its_etag_and_changes_when_an_article_is_unpublished(client, rows):
    response = client.get(rows.beijing.get_absolute_url())
    assert client.get(rows.beijing.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    Article.objects.filter(pk=rows.other.pk).update(status=Article.Status.UNPUBLISHED)
    changed = client.get(rows.beijing.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200 and rows.other.headline not in changed.content.decode()


def test_hostile_entity_name_and_quote_are_inert_on_its_page(client, rows):
    response, tree = _page(client, rows.hostile.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(" not in html
    assert _texts(tree, "h1") == [HOSTILE_NAME]
    assert _texts(tree, "title") == [f"{HOSTILE_NAME} — newsdesk"]
    assert _texts(tree, ".quote blockquote") == [f"“{' '.join(HOSTILE_QUOTE.split())}”"]
