"""Feeds out: RSS 2.0, Atom and JSON Feed 1.1 for the site, each section, each story and each entity.

``formats`` is the registry of formats, ``subjects`` the feed classes (one
per subject), ``generators`` the serialisers, ``entry`` what an article says
in a feed. The site's URL conf pairs every subject with every format.
"""

from newsdesk.publish.feeds.formats import FORMATS, FeedFormat
from newsdesk.publish.feeds.subjects import ArticleFeed, SectionFeed, SiteFeed
from newsdesk.publish.feeds.coverage import EntityFeed, StoryFeed  # noqa: E402 - after ArticleFeed, which they extend

__all__ = ["FORMATS", "ArticleFeed", "EntityFeed", "FeedFormat", "SectionFeed", "SiteFeed", "StoryFeed"]
