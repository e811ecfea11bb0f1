"""Sitemaps: an index, article sitemaps paged at the limit, sections, home, Google News; robots.txt names them."""

from __future__ import annotations

import uuid
from datetime import timedelta

import lxml.etree
import pytest

from newsdesk.core import clock
from newsdesk.newsroom.models import Article
from newsdesk.publish.sitemaps import ArticleSitemap, NewsSitemap

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def _xml(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return lxml.etree.fromstring(response.content)


def _locations(client, path: str) -> list[str]:
    return _xml(client, path).xpath("//sm:loc/text()", namespaces=NS)


def _url(article: Article) -> str:
    return SITE + article.get_absolute_url()


def test_the_index_lists_the_home_section_article_and_news_sitemaps_and_each_one_answers(client, article_factory):
    article_factory()
    listed = _locations(client, "/sitemap.xml")
    assert listed == [f"{SITE}/sitemap-pages.xml", f"{SITE}/sitemap-sections.xml", f"{SITE}/sitemap-articles.xml", f"{SITE}/sitemap-news.xml"]
    for location in listed:
        assert _xml(client, location.removeprefix(SITE)) is not None
    assert all(_xml(client, "/sitemap.xml").xpath("//sm:sitemap/sm:lastmod/text()", namespaces=NS))


def test_article_sitemaps_page_at_the_limit_and_together_list_every_published_article(client, article_factory, monkeypatch):
    assert ArticleSitemap.limit == 50_000  # the sitemap protocol's maximum
    monkeypatch.setattr(ArticleSitemap, "limit", 5)
    articles = [article_factory() for _ in range(12)]
    article_factory(publish=False, headline="An unpublished draft")
    index = _locations(client, "/sitemap.xml")
    pages = [f"{SITE}/sitemap-articles.xml", f"{SITE}/sitemap-articles.xml?p=2", f"{SITE}/sitemap-articles.xml?p=3"]
    assert [location for location in index if "articles" in location] == pages
    listed = [_locations(client, page.removeprefix(SITE)) for page in pages]
    assert [len(page) for page in listed] == [5, 5, 2]
    assert sorted(sum(listed, [])) == sorted(_url(a) for a in articles)
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_article_urls_carry_their_last_change_with_a_time_zone(client, article_factory):
    from datetime import datetime

    published = clock.now() - timedelta(days=5)
    article = article_factory(published=published, updated=published + timedelta(hours=2))
    (lastmod,) = _xml(client, "/sitemap-articles.xml").xpath("//sm:lastmod/text()", namespaces=NS)
    assert datetime.fromisoformat(lastmod) == article.updated_at


def test_sections_and_home_page_are_in_their_sitemaps(client, article_factory):
    article_factory(section="World")
    article_factory(section="Sport")
    article_factory(section="Culture", publish=False)
    assert sorted(_locations(client, "/sitemap-sections.xml")) == [f"{SITE}/section/sport/", f"{SITE}/section/world/"]
    assert _locations(client, "/sitemap-pages.xml") == [f"{SITE}/"]


def test_news_sitemap_has_only_the_last_two_days_with_publication_date_and_title(client, article_factory, settings):
    settings.SITE_NAME = "The Harbour Courier"
    recent = article_factory(headline="Cranes return to the north quay", published=clock.now() - timedelta(hours=30))
    article_factory(headline="Old news from three days ago", published=clock.now() - timedelta(days=3))
    article_factory(headline="A draft from today", publish=False)
    tree = _xml(client, "/sitemap-news.xml")
    (url,) = tree.xpath("//sm:url", namespaces=NS)
    assert url.xpath("string(sm:loc)", namespaces=NS) == _url(recent)
    news = url.xpath("news:news", namespaces=NS)[0]
    assert news.xpath("string(news:publication/news:name)", namespaces=NS) == "The Harbour Courier"
    assert news.xpath("string(news:publication/news:language)", namespaces=NS) == "en"
    assert news.xpath("string(news:publication_date)", namespaces=NS) == recent.published_at.isoformat()
    assert news.xpath("string(news:title)", namespaces=NS) == "Cranes return to the north quay"


def test_news_sitemap_stops_at_a_thousand_newest_articles(client, article_factory):
    assert NewsSitemap.limit == 1000
    template = article_factory()  # one through the real save path; the rest inserted directly for speed
    now = clock.now()
    Article.objects.bulk_create(
        Article(
            wire_key=uuid.uuid4().hex, content_hash="x", headline=f"Bulletin {n}", slug=f"bulletin-{n}",
            section=template.section, published_at=now - timedelta(minutes=n + 2), body_html="<p>Bulletin.</p>",
        )
        for n in range(1005)
    )
    urls = _locations(client, "/sitemap-news.xml")
    assert len(urls) == 1000
    assert urls[0] == _url(template)  # newest first; the oldest six bulletins are left out
    assert not any(url.endswith(("/bulletin-1004/", "/bulletin-999/")) for url in urls)
    assert client.get("/sitemap-news.xml?p=2").status_code == 404


def test_a_hostile_headline_keeps_the_news_sitemap_well_formed(client, hostile_article):
    tree = _xml(client, "/sitemap-news.xml")
    title = tree.xpath("string(//news:title)", namespaces=NS)
    assert title == "Port strike ends </script><script>alert(1)</script> ]]>  as deal is signed"


def test_robots_txt_names_both_sitemaps_by_absolute_url_and_keeps_crawlers_out_of_the_admin_only(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert [line for line in lines if line.startswith("Disallow:")] == ["Disallow: /admin/"]
    assert "Allow: /" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/sitemap-news.xml" in lines
