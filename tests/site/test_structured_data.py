"""What search engines and social sites read from our pages, checked with a structured-data extractor (extruct)."""

from __future__ import annotations

from datetime import datetime, timedelta

import extruct
import lxml.html
import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def _page(client, path: str) -> tuple[str, dict]:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return html, extruct.extract(html, base_url=SITE + path, syntaxes=["json-ld", "opengraph"], errors="strict")


def _json_ld(data: dict, kind: str) -> dict:
    (found,) = [item for item in data["json-ld"] if item.get("@type") == kind]
    return found


def _twitter(html: str) -> dict[str, str]:
    tree = lxml.html.fromstring(html)
    return {meta.get("name"): meta.get("content") for meta in tree.xpath("//head/meta[starts-with(@name, 'twitter:')]")}


def _aware(value: str) -> datetime:
    when = datetime.fromisoformat(value)
    assert when.tzinfo is not None, f"{value} has no time zone"
    return when


def test_article_page_has_news_article_json_ld_with_googles_recommended_fields(client, harbour_article):
    url = SITE + harbour_article.get_absolute_url()
    html, data = _page(client, harbour_article.get_absolute_url())
    article = _json_ld(data, "NewsArticle")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == harbour_article.headline
    assert article["image"] == ["https://images.example/ajuda-palace.jpg"]
    assert _aware(article["datePublished"]) == harbour_article.published_at
    assert _aware(article["dateModified"]) == harbour_article.published_at  # never updated
    assert article["author"] == [{"@type": "Person", "name": "Ana Ribeiro"}, {"@type": "Person", "name": "Tomás Vidal"}]
    assert article["articleSection"] == "World"
    assert article["isBasedOn"] == "https://wire.example/world/iberian-leaders-meet"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    canonical = lxml.html.fromstring(html).xpath("//link[@rel='canonical']/@href")
    assert canonical == [url]


def test_publisher_is_the_site_with_a_logo_that_exists(client, harbour_article, settings):
    settings.SITE_NAME = "The Harbour Courier"
    _, data = _page(client, harbour_article.get_absolute_url())
    publisher = _json_ld(data, "NewsArticle")["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "The Harbour Courier"
    logo = publisher["logo"]["url"]
    assert logo.startswith(SITE + "/static/") and logo.endswith(".png")
    assert finders.find(logo.removeprefix(SITE + "/static/")) is not None  # a file we ship


def test_an_updated_story_has_a_later_date_modified(client, article_factory, harbour_fields):
    article = article_factory(**harbour_fields, updated=harbour_fields["published"] + timedelta(hours=1))
    _, data = _page(client, article.get_absolute_url())
    news = _json_ld(data, "NewsArticle")
    assert _aware(news["dateModified"]) == article.updated_at > _aware(news["datePublished"])


def test_a_story_without_byline_is_by_its_credited_organisation(client, article_factory, harbour_fields):
    article = article_factory(**{**harbour_fields, "byline": None})
    _, data = _page(client, article.get_absolute_url())
    assert _json_ld(data, "NewsArticle")["author"] == [{"@type": "Organization", "name": "CNN"}]


def test_a_story_of_our_own_without_photo_or_original_leaves_those_fields_out(client, article_factory):
    article = article_factory(headline="Council agrees new bus lanes")
    _, data = _page(client, article.get_absolute_url())
    news = _json_ld(data, "NewsArticle")
    assert "image" not in news and "isBasedOn" not in news
    assert news["author"][0]["@type"] == "Organization" and news["author"][0]["name"] == "newsdesk"


def test_opengraph_and_twitter_cards_describe_the_article(client, harbour_article):
    url = SITE + harbour_article.get_absolute_url()
    html, data = _page(client, harbour_article.get_absolute_url())
    (og,) = data["opengraph"]
    properties = dict(og["properties"])
    assert properties["og:type"] == "article"
    assert properties["og:title"] == harbour_article.headline
    assert properties["og:description"].startswith("The prime ministers of Portugal and Spain")
    assert properties["og:url"] == url
    assert properties["og:image"] == "https://images.example/ajuda-palace.jpg"
    assert properties["og:site_name"] == "newsdesk"
    assert _aware(properties["article:published_time"]) == harbour_article.published_at
    assert _aware(properties["article:modified_time"]) == harbour_article.published_at
    assert properties["article:section"] == "World"
    assert _twitter(html) == {
        "twitter:card": "summary_large_image",
        "twitter:title": harbour_article.headline,
        "twitter:description": properties["og:description"],
        "twitter:image": "https://images.example/ajuda-palace.jpg",
    }
    description = lxml.html.fromstring(html).xpath("//meta[@name='description']/@content")
    assert description == [properties["og:description"]]


@pytest.mark.parametrize("trick", ["</script><script>alert(1)</script>", "<!-- <script>alert(1)</script>", "</SCRIPT ><img src=x onerror=alert(1)>"])
def test_a_headline_with_script_markup_stays_inside_the_json_ld(client, article_factory, trick):
    headline = f"Harbour pilots strike {trick} over pay"
    article = article_factory(headline=headline)
    html, data = _page(client, article.get_absolute_url())
    assert _json_ld(data, "NewsArticle")["headline"] == headline
    tree = lxml.html.fromstring(html)
    assert [s.get("type") for s in tree.xpath("//script")] == [None, "application/ld+json"]  # site.js, then ours
    assert "alert(1)" not in "".join(tree.xpath("//script[not(@type)]/@src"))
    assert not tree.xpath("//img[@onerror]")


def test_home_page_is_a_website_and_a_section_page_a_collection_page(client, harbour_article):
    _, home = _page(client, "/")
    site = _json_ld(home, "WebSite")
    assert site["name"] == "newsdesk" and site["url"] == SITE + "/"
    _, section = _page(client, "/section/world/")
    collection = _json_ld(section, "CollectionPage")
    assert collection["url"] == SITE + "/section/world/"
    assert collection["isPartOf"]["url"] == SITE + "/"


def test_a_photo_served_by_the_site_itself_is_given_as_an_absolute_url(client, harbour_article):
    from newsdesk.newsroom.models import Article

    Article.objects.filter(pk=harbour_article.pk).update(image_url="/static/site/sample/harbour.svg")
    _, data = _page(client, harbour_article.get_absolute_url())
    assert _json_ld(data, "NewsArticle")["image"] == [SITE + "/static/site/sample/harbour.svg"]
    assert dict(data["opengraph"][0]["properties"])["og:image"] == SITE + "/static/site/sample/harbour.svg"
