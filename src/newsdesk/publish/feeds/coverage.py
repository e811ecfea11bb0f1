"""Feeds of one story and of one entity (issue 4, issue 5 point 1): the same entries as every other feed.

A story's feed follows the event as new articles join it; an entity's feed
is every new article naming the person, place or organisation. Both are
``ArticleFeed`` subclasses, so an entry says exactly what it says in the
site and section feeds; an unknown story or entity (or one no published
article names) is a 404.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from newsdesk.newsroom import stories_selectors
from newsdesk.newsroom.models import Article, Entity, Story
from newsdesk.publish.feeds.subjects import ArticleFeed


class StoryFeed(ArticleFeed):
    """Every published article of one story, newest first."""

    def get_object(self, request: HttpRequest, pk: int, slug: str) -> Story:
        story = stories_selectors.story_by_pk(pk=pk)
        if story is None:
            raise Story.DoesNotExist(pk)
        return story

    def title(self, story: Story) -> str:
        return f"{story.title} — full coverage — {settings.SITE_NAME}"

    def link(self, story: Story) -> str:
        return story.get_absolute_url()

    def description(self, story: Story) -> str:
        return f"Every article {settings.SITE_NAME} has published on this story: {story.title}"

    def items(self, story: Story) -> list[Article]:
        return stories_selectors.story_articles(story=story, limit=self.size)


class EntityFeed(ArticleFeed):
    """Every published article naming one person, place or organisation, newest first."""

    def get_object(self, request: HttpRequest, slug: str) -> Entity:
        entity = stories_selectors.entity_by_slug(slug=slug)
        if entity is None:
            raise Entity.DoesNotExist(slug)
        return entity

    def title(self, entity: Entity) -> str:
        return f"{entity.name} — {settings.SITE_NAME}"

    def link(self, entity: Entity) -> str:
        return entity.get_absolute_url()

    def description(self, entity: Entity) -> str:
        return f"The latest news about {entity.name} from {settings.SITE_NAME}."

    def items(self, entity: Entity) -> list[Article]:
        return stories_selectors.entity_articles(entity=entity, limit=self.size)
