"""The feeds, one class per subject, declared the Django syndication way.

``ArticleFeed`` says how any article becomes an entry; a subject subclass
says which articles and what the feed is called. A feed of entities or of a
story is one more subclass with ``get_object``, ``title``, ``link`` and
``items``, and one more line in the URL conf.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, SyndicationFeed
from django.utils.html import escape

from newsdesk.newsroom import listings, selectors
from newsdesk.newsroom.models import Article, Section
from newsdesk.publish.byline import article_authors
from newsdesk.publish.feeds import entry
from newsdesk.publish.feeds.formats import FeedFormat
from newsdesk.publish.links import absolute_url
from newsdesk.publish.standfirst import standfirst


class ArticleFeed(Feed):
    """The newest published articles of a subject, each with its full content, photo and labels."""

    size = 50
    # The guid is the article's short URL (/article/<id>/): a permalink that redirects to the
    # page, and unlike the page's URL it stays the same when a corrected headline changes the slug.
    item_guid_is_permalink = True

    def __init__(self, feed_format: FeedFormat) -> None:
        super().__init__()
        self.format = feed_format
        self.feed_type = feed_format.generator

    @property
    def language(self) -> str:
        return settings.SITE_LANGUAGE

    def get_feed(self, obj: object, request: HttpRequest) -> SyndicationFeed:
        """Django makes item links absolute; guids and photos on this site need the same (readers are elsewhere)."""
        feed = super().get_feed(obj, request)
        origin = request.build_absolute_uri("/")
        for item in feed.items:
            item["unique_id"] = absolute_url(item["unique_id"], origin=origin)
            item["enclosures"] = [Enclosure(absolute_url(e.url, origin=origin), e.length, e.mime_type) for e in item["enclosures"]]
            if item.get("image"):
                item["image"] = absolute_url(item["image"], origin=origin)
        return feed

    def items(self, subject: object) -> list[Article]:
        return listings.feed_articles(limit=self.size)

    def item_title(self, article: Article) -> str:
        return article.headline

    def item_link(self, article: Article) -> str:
        return article.get_absolute_url()

    def item_guid(self, article: Article) -> str:
        return reverse("site:article_short", kwargs={"pk": article.pk})

    def item_description(self, article: Article) -> str:
        """The summary; as HTML (RSS description, Atom ``type="html"``), so the plain text is escaped."""
        return escape(standfirst(article))

    def item_pubdate(self, article: Article):
        return article.published_at

    def item_updateddate(self, article: Article):
        return article.updated_at or article.published_at

    def item_author_name(self, article: Article) -> str | None:
        names = [author.name for author in article_authors(article)]
        return " and ".join(names) if names else None

    def item_categories(self, article: Article) -> list[str]:
        return entry.categories(article)

    def item_enclosures(self, article: Article):
        return entry.enclosures(article)

    def item_extra_kwargs(self, article: Article) -> dict:
        return {
            "content_html": entry.content_html(article),
            "summary": standfirst(article),
            "image": entry.image_url(article),
            "authors": [author.name for author in article_authors(article)],
            "language": article.language,
        }


class SiteFeed(ArticleFeed):
    """Everything we publish."""

    def title(self) -> str:
        return settings.SITE_NAME

    def link(self) -> str:
        return reverse("site:home")

    def description(self) -> str:
        return f"The latest news from {settings.SITE_NAME}."


class SectionFeed(ArticleFeed):
    """One section's stories; an unknown section is a 404."""

    def get_object(self, request: HttpRequest, slug: str) -> Section:
        section = selectors.section_by_slug(slug=slug)
        if section is None:
            raise Section.DoesNotExist(slug)
        return section

    def title(self, section: Section) -> str:
        return f"{section.name} — {settings.SITE_NAME}"

    def link(self, section: Section) -> str:
        return section.get_absolute_url()

    def description(self, section: Section) -> str:
        return f"The latest {section.name} news from {settings.SITE_NAME}."

    def items(self, section: Section) -> list[Article]:
        return listings.feed_articles(section=section, limit=self.size)
