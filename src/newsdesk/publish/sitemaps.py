"""Sitemaps, declared the Django way: every article (paged), the sections, the home page, and Google News.

Each class says which items and when each last changed; Django's sitemap
views page them and write the XML. The index (``/sitemap.xml``) lists every
page of every sitemap in ``SITEMAPS``, the news sitemap included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsdesk.core import clock
from newsdesk.newsroom import listings
from newsdesk.newsroom.models import Article, Section
from newsdesk.publish.xml_text import xml_text


def _last_change(article: Article) -> datetime:
    return article.updated_at or article.published_at


class ArticleSitemap(Sitemap):
    """Every published article, in id order so pages stay put; 50,000 a page (the protocol's limit)."""

    limit = 50_000

    def items(self):
        return listings.sitemap_articles()

    def lastmod(self, article: Article) -> datetime:
        return _last_change(article)

    def get_latest_lastmod(self) -> datetime | None:
        # Django's default would load every article to find the newest date; one aggregate does.
        return listings.latest_change()


class SectionSitemap(Sitemap):
    """Each section page that has published stories, dated by its newest story."""

    def items(self):
        return listings.sections_with_latest()

    def lastmod(self, section: Section) -> datetime:
        return section.latest

    def get_latest_lastmod(self) -> datetime | None:
        return listings.latest_change()


class HomeSitemap(Sitemap):
    """The front page, which changes whenever anything is published."""

    changefreq = "always"

    def items(self) -> list[str]:
        return ["site:home"]

    def location(self, name: str) -> str:
        return reverse(name)

    def lastmod(self, name: str) -> datetime | None:
        return listings.latest_change()

    def get_latest_lastmod(self) -> datetime | None:
        return listings.latest_change()


@dataclass(frozen=True)
class NewsEntry:
    """The ``<news:news>`` part of one URL: who published it, in which language, when, under which title."""

    publication_name: str
    language: str
    publication_date: datetime
    title: str


class NewsSitemap(Sitemap):
    """Google News: articles published in the last two days, at most 1,000, newest first.

    https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
    """

    limit = 1000
    window = timedelta(days=2)

    def since(self) -> datetime:
        return clock.now() - self.window

    def items(self) -> list[Article]:
        return listings.news_sitemap_articles(since=self.since(), limit=self.limit)

    def lastmod(self, article: Article) -> datetime:
        return _last_change(article)

    def get_latest_lastmod(self) -> datetime | None:
        return listings.latest_change(since=self.since())

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["news"] = news_entry(url["item"])
        return urls


def news_entry(article: Article) -> NewsEntry:
    return NewsEntry(
        publication_name=xml_text(settings.SITE_NAME),
        language=news_language(article.language or settings.SITE_LANGUAGE),
        publication_date=article.published_at,
        title=xml_text(article.headline),
    )


def news_language(code: str) -> str:
    """An ISO 639 code as Google News wants it: "en-GB" → "en"; Chinese keeps its script ("zh-cn", "zh-tw")."""
    code = code.strip().lower().replace("_", "-")
    if code in {"zh-cn", "zh-tw"}:
        return code
    if code in {"zh-hans", "zh-sg"}:
        return "zh-cn"
    if code in {"zh-hant", "zh-hk"}:
        return "zh-tw"
    return code.split("-")[0] or "en"


# The sitemap index lists these, in this order; the keys are the `sitemap-<key>.xml` names.
SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": HomeSitemap,
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "news": NewsSitemap,
}
