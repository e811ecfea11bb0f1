"""The registry of feed formats: each one a serialiser, a file name and a media type.

Every subject (the site, a section; entities and stories next) is offered in
each of these, at ``<subject URL>/<filename>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.feedgenerator import SyndicationFeed

from newsdesk.publish.feeds.generators import AtomFeed, JsonFeed, RssFeed


@dataclass(frozen=True)
class FeedFormat:
    name: str
    label: str
    filename: str
    generator: type[SyndicationFeed]

    @property
    def media_type(self) -> str:
        """For ``<link rel="alternate" type=…>``: the content type without its charset."""
        return self.generator.content_type.split(";")[0].strip()


RSS = FeedFormat(name="rss", label="RSS", filename="rss.xml", generator=RssFeed)
ATOM = FeedFormat(name="atom", label="Atom", filename="atom.xml", generator=AtomFeed)
JSON_FEED = FeedFormat(name="json", label="JSON Feed", filename="feed.json", generator=JsonFeed)

FORMATS: tuple[FeedFormat, ...] = (RSS, ATOM, JSON_FEED)
