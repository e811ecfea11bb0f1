"""Feed autodiscovery for the story and entity pages: their own RSS, Atom and JSON Feed, beside the site's."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString

from newsdesk.newsroom.models import Entity, Story
from newsdesk.publish.feeds import FORMATS
from newsdesk.site.templatetags.newsdesk_meta import FeedLink, feed_links_html

register = template.Library()


def subject_feeds(subject: Story | Entity) -> list[FeedLink]:
    """The three feeds of a story (``story_feed_*``) or an entity (``entity_feed_*``)."""
    if isinstance(subject, Story):
        name, kwargs, title = "story_feed", {"pk": subject.pk, "slug": subject.slug}, f"{subject.title} — full coverage"
    else:
        name, kwargs, title = "entity_feed", {"slug": subject.slug}, subject.name
    return [
        FeedLink(f"{title} — {settings.SITE_NAME} ({fmt.label})", fmt.media_type, reverse(f"site:{name}_{fmt.name}", kwargs=kwargs))
        for fmt in FORMATS
    ]


@register.simple_tag
def subject_feed_links(subject: Story | Entity) -> SafeString:
    """``<link rel="alternate">`` for each of the subject's feeds (the site's are in every page head already)."""
    return feed_links_html(subject_feeds(subject))


@register.simple_tag
def subject_feed_list(subject: Story | Entity) -> list[dict]:
    """The same feeds, for a visible "Follow" line on the page: label ("RSS"), href and media type."""
    return [
        {"label": fmt.label, "href": link.href, "media_type": link.media_type}
        for fmt, link in zip(FORMATS, subject_feeds(subject), strict=True)
    ]
