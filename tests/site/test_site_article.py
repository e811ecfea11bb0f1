"""The article page shows every element of the reference page, once, and the same HTML to everyone."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse
from django.utils.html import escape

from newsdesk.newsroom.models import Article, ViewCount
from newsdesk.publish.readership import rails_forget

pytestmark = pytest.mark.django_db


def _get(client, article: Article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response, response.content.decode(), lxml.html.fromstring(response.content)


def test_headline_is_the_only_h1_and_the_section_label_links_to_its_section(client, harbour_article):
    _, _, tree = _get(client, harbour_article)
    assert [h.text_content() for h in tree.xpath("//h1")] == [harbour_article.headline]
    (kicker,) = tree.xpath("//article[contains(@class,'story')]//p[@class='kicker']/a")
    assert kicker.text_content() == "World"
    assert kicker.get("href") == reverse("site:section", kwargs={"slug": "world"})


def test_caption_is_shown_exactly_once_with_the_lead_image_and_its_credit(client, harbour_article):
    caption = harbour_article.image_caption
    _, html, tree = _get(client, harbour_article)
    assert html.count(escape(caption)) == 1
    (figure,) = tree.xpath("//figure[contains(@class,'lead-figure')]")
    assert figure.xpath(".//img/@src") == ["https://images.example/ajuda-palace.jpg"]
    assert caption in figure.xpath("string(.//figcaption)")
    assert "Pedro Nunes/Reuters" in figure.xpath("string(.//figcaption/span[@class='image-credit'])")


def test_caption_without_an_image_is_still_shown_once_in_a_placeholder(client, article_factory, harbour_fields):
    from newsdesk.core.draft import Picture

    article = article_factory(**{**harbour_fields, "picture": Picture(caption="A quiet harbour at dawn")})
    _, html, tree = _get(client, article)
    assert html.count("A quiet harbour at dawn") == 1
    (figure,) = tree.xpath("//figure")
    assert "figure--placeholder" in figure.get("class")
    assert not figure.xpath(".//img")


def test_dateline_opens_the_first_paragraph_of_the_body(client, harbour_article):
    _, _, tree = _get(client, harbour_article)
    first = tree.xpath("//div[@class='story-body']/p")[0]
    assert first.xpath("string(span[@class='dateline'])") == "LISBON"
    assert first.text_content().startswith("LISBON – The prime ministers of Portugal and Spain")


def test_credit_links_to_the_original_with_nofollow(client, harbour_article):
    _, _, tree = _get(client, harbour_article)
    (credit,) = tree.xpath("//p[@class='credit']")
    assert credit.text_content().strip() == "– CNN"
    (link,) = credit.xpath("a")
    assert link.get("href") == "https://wire.example/world/iberian-leaders-meet"
    assert set(link.get("rel").split()) == {"nofollow", "noopener"}
    assert tree.xpath("//div[@class='story-body']/following-sibling::p[@class='credit']")


def test_publication_time_is_machine_readable_and_human_readable(client, harbour_article):
    _, _, tree = _get(client, harbour_article)
    (published,) = tree.xpath("//p[@class='dates']/time")
    assert published.get("datetime") == harbour_article.published_at.isoformat()
    assert str(harbour_article.published_at.year) in published.text_content()
    assert not tree.xpath("//span[@class='updated']")


def test_update_time_is_shown_when_a_wire_resends_the_story(client, article_factory, harbour_fields):
    from datetime import timedelta

    article = article_factory(**harbour_fields, updated=harbour_fields["published"] + timedelta(hours=1))
    _, _, tree = _get(client, article)
    (updated,) = tree.xpath("//span[@class='updated']/time")
    assert updated.get("datetime") == article.updated_at.isoformat()


def test_our_own_view_count_is_shown_with_the_beacon_url(client, harbour_article):
    ViewCount.objects.filter(article=harbour_article).update(total=40)
    _, _, tree = _get(client, harbour_article)
    (views,) = tree.xpath("//*[@data-views-url]")
    assert views.text_content() == "40 views"
    assert views.get("data-views-url") == reverse("site:views", kwargs={"pk": harbour_article.pk})
    assert views.get("data-views-count") == "40"
    assert tree.xpath("//noscript/img/@src") == [reverse("site:views_pixel", kwargs={"pk": harbour_article.pk})]


def test_highlights_rail_is_in_the_page_and_refreshed_from_rails_json_never_listing_this_story(
    client, harbour_article, rail_articles
):
    """Readers without JavaScript get the rail as rendered; site.js refreshes it from rails.json."""
    _, html, tree = _get(client, harbour_article)
    (rail,) = tree.xpath("//aside[contains(@class,'rail')]")
    assert rail.get("data-rails-url") == reverse("site:rails")
    assert rail.get("data-rail-exclude").split() == [str(harbour_article.pk)]
    (highlights_list,) = rail.xpath(".//ol[@data-rail='highlights']")
    assert highlights_list.get("data-rail-sent") is None, "the script must be free to refresh it"
    listed = [h.text_content().strip() for h in highlights_list.xpath(".//h3")]
    assert set(listed) == {a.headline for a in rail_articles} and harbour_article.headline not in listed
    for item in highlights_list.xpath(".//li"):
        assert item.xpath(".//a[@class='kicker']")[0].text_content() == "World"
        assert item.xpath(".//time[@data-relative]/@datetime")
    rails_forget()  # the cache outlives each test's transaction: another test may have cached other rails
    highlights = client.get(reverse("site:rails")).json()["highlights"]
    others = [item for item in highlights if item["id"] != harbour_article.pk]
    assert {item["headline"] for item in others} == {a.headline for a in rail_articles}
    for item in others:
        assert item["section"] == {"name": "World", "url": reverse("site:section", kwargs={"slug": "world"})}
        assert item["published"] and item["url"].startswith("/article/")


def test_head_has_title_language_absolute_canonical_and_description(client, harbour_article, settings):
    _, _, tree = _get(client, harbour_article)
    assert tree.xpath("string(//title)") == f"{harbour_article.headline} — {settings.SITE_NAME}"
    assert tree.get("lang") == settings.SITE_LANGUAGE
    assert tree.xpath("//link[@rel='canonical']/@href") == ["http://testserver" + harbour_article.get_absolute_url()]
    assert tree.xpath("//meta[@name='description']/@content")[0].startswith("The prime ministers of Portugal and Spain")
    assert tree.xpath("//script[@defer]/@src")[0].endswith("site/site.js")


def test_page_is_the_same_for_every_reader_and_cacheable(client, harbour_article):
    response, _, _ = _get(client, harbour_article)
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_wrong_slug_redirects_permanently_to_the_canonical_url(client, harbour_article):
    response = client.get(reverse("site:article", kwargs={"pk": harbour_article.pk, "slug": "old-headline"}))
    assert response.status_code == 301
    assert response["Location"] == harbour_article.get_absolute_url()
    short = client.get(reverse("site:article_short", kwargs={"pk": harbour_article.pk}))
    assert (short.status_code, short["Location"]) == (301, harbour_article.get_absolute_url())


def test_unknown_article_is_a_404_in_the_site_style(client, harbour_article, settings):
    response = client.get(reverse("site:article", kwargs={"pk": harbour_article.pk + 1000, "slug": "x"}))
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html and settings.SITE_NAME in html and "site/site.css" in html


def test_unpublished_article_is_a_404(client, article_factory, harbour_fields):
    draft = article_factory(**harbour_fields, publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("site:article_short", kwargs={"pk": draft.pk})).status_code == 404


def test_unsafe_urls_from_the_wire_never_reach_src_or_href(client, article_factory, harbour_fields):
    from newsdesk.core.draft import Picture

    article = article_factory(
        **{**harbour_fields, "original_url": "javascript:alert(1)", "picture": Picture(url="javascript:alert(2)", caption="c")}
    )
    _, html, tree = _get(client, article)
    assert "javascript:" not in html
    assert tree.xpath("string(//p[@class='credit'])").strip() == "– CNN"


def test_images_served_by_the_site_itself_are_shown(client, article_factory, harbour_fields):
    from newsdesk.core.draft import Picture

    article = article_factory(**{**harbour_fields, "picture": Picture(url="/static/site/photo.svg", caption="c")})
    _, _, tree = _get(client, article)
    assert tree.xpath("//figure/img/@src") == ["/static/site/photo.svg"]
