"""Home, section pages with pagination, and the error pages, as a reader gets them."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from newsdesk.newsroom import selectors
from newsdesk.site import views

pytestmark = pytest.mark.django_db


def _tree(response):
    return lxml.html.fromstring(response.content)


def test_home_leads_with_the_newest_story_its_photo_and_caption_then_a_grid(client, harbour_article, rail_articles):
    response = client.get("/")
    assert response.status_code == 200
    tree = _tree(response)
    (lead,) = tree.xpath("//article[@class='lead-story']")
    assert lead.xpath("string(.//h2)") == harbour_article.headline
    assert lead.xpath(".//figure//img/@src") == [harbour_article.image_url]
    assert response.content.decode().count("Ajuda Palace, following a naval review") == 1
    grid = {h.text_content() for h in tree.xpath("//section[@aria-labelledby='top-title']//h3")}
    assert grid == {a.headline for a in rail_articles}
    assert len(tree.xpath("//h1")) == 1
    assert "public" in response["Cache-Control"] and not response.cookies


def test_home_has_a_block_per_section_and_the_rail_without_repeating_top_stories(client, article_factory):
    for n in range(7):
        article_factory(headline=f"World top {n}", section="World")
    sport = [article_factory(headline=f"Sport story {n}", section="Sport") for n in range(3)]
    tree = _tree(client.get("/"))
    (block,) = tree.xpath("//section[@aria-labelledby='block-sport']")
    assert block.xpath("string(.//h2/a/@href)") == reverse("site:section", kwargs={"slug": "sport"})
    assert [h.text_content() for h in block.xpath(".//h3")] == [a.headline for a in sport]
    assert not tree.xpath("//section[@aria-labelledby='block-world']")  # every World story is already a top story
    nav = [a.text_content() for a in tree.xpath("//nav[@class='section-nav']//a")]
    assert nav == ["Home", "Sport", "World"]  # position, then name: stable, so baked pages stay baked


def test_the_masthead_names_at_most_nine_sections(client, article_factory):
    for n in range(12):
        article_factory(headline=f"Story {n}", section=f"Desk {n:02d}")
    nav = _tree(client.get("/")).xpath("//nav[@class='section-nav']//a")
    assert len(nav) == 1 + 9


def test_home_with_nothing_published_still_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No stories have been published yet." in response.content.decode()


def test_section_pages_show_twenty_stories_a_page_with_prev_and_next(client, article_factory):
    stories = [article_factory(headline=f"Harbour story {n}", section="World") for n in range(25)]
    url = reverse("site:section", kwargs={"slug": "world"})
    first = _tree(client.get(url))
    assert [h.text_content() for h in first.xpath("//ul[contains(@class,'cards--list')]//h3")] == [s.headline for s in stories[:20]]
    assert first.xpath("//h1/text()") == ["World"]
    assert first.xpath("//a[@rel='next']/@href") == ["?page=2"] and not first.xpath("//a[@rel='prev']")
    response = client.get(url, {"page": 2})
    second = _tree(response)
    assert [h.text_content() for h in second.xpath("//ul[contains(@class,'cards--list')]//h3")] == [s.headline for s in stories[20:]]
    assert second.xpath("//a[@rel='prev']/@href") == ["?page=1"] and not second.xpath("//a[@rel='next']")
    assert second.xpath("//link[@rel='canonical']/@href") == [f"http://testserver{url}?page=2"]
    assert "max-age=60" in response["Cache-Control"]


@pytest.mark.parametrize("page", ["3", "0", "abc"])
def test_section_page_past_the_end_is_a_404(client, article_factory, page):
    for n in range(25):
        article_factory(section="World")
    assert client.get(reverse("site:section", kwargs={"slug": "world"}), {"page": page}).status_code == 404


def test_unknown_section_is_a_404_in_the_site_style(client):
    response = client.get(reverse("site:section", kwargs={"slug": "nowhere"}))
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_an_unexpected_error_shows_the_500_page_in_the_site_style(monkeypatch, settings):
    def broken(**kwargs):
        raise RuntimeError("the database fell over")

    monkeypatch.setattr(selectors, "front_page", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and settings.SITE_NAME in html and "site/site.css" in html


def test_the_500_page_never_touches_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "<h1" in response.content.decode()


def test_post_to_a_page_is_refused(client, harbour_article):
    assert client.post(harbour_article.get_absolute_url()).status_code == 405
    assert client.head(harbour_article.get_absolute_url()).status_code == 200
