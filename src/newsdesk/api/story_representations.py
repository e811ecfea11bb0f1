"""What the API says about stories, entities and quotes; their articles are ninjs pages (``pagination``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from newsdesk.newsroom.models import Entity, Quote
from newsdesk.newsroom.stories_selectors import EntityCount, EntityPage, StoryPage


def entity_summary(request: HttpRequest, entity: Entity) -> dict[str, Any]:
    return {
        "slug": entity.slug,
        "name": entity.name,
        "kind": entity.kind,
        "uri": entity.uri or None,
        "url": request.build_absolute_uri(entity.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api:entity", kwargs={"slug": entity.slug})),
    }


def _counted(request: HttpRequest, counted: list[EntityCount]) -> list[dict[str, Any]]:
    return [{**entity_summary(request, item.entity), "articles": item.articles} for item in counted]


def story_detail(request: HttpRequest, page: StoryPage, *, articles: dict[str, Any]) -> dict[str, Any]:
    """A story: its title, dates, sources, entities, timeline, and one page of its articles."""
    story = page.story
    return {
        "id": story.pk,
        "slug": story.slug,
        "title": story.title,
        "url": request.build_absolute_uri(story.get_absolute_url()),
        "first_published": min(item.article.published_at for item in page.items).isoformat(),
        "last_published": page.last_published_at.isoformat(),
        "article_count": len(page.items),
        "source_count": page.source_count,
        "sources": page.sources,
        "entities": _counted(request, page.entities),
        "timeline": [
            {"date": day.day.isoformat(), "articles": [{"id": a.pk, "headline": a.headline, "published": a.published_at.isoformat()} for a in day.articles]}
            for day in page.timeline
        ],
        "articles": articles,
    }


def entity_detail(request: HttpRequest, page: EntityPage, *, articles: dict[str, Any]) -> dict[str, Any]:
    """An entity: its names, description, stories, the entities named with it, its quotes, a page of its articles."""
    return {
        **entity_summary(request, page.entity),
        "description": page.entity.description or (page.descriptions[0] if page.descriptions else None),
        "aliases": page.aliases,
        "stories": [
            {
                "title": entry.title,
                "url": request.build_absolute_uri(entry.url),
                "story_id": entry.story.pk if entry.story else None,
                "published": entry.published_at.isoformat(),
                "articles": [a.pk for a in entry.articles],
            }
            for entry in page.timeline
        ],
        "co_occurring": _counted(request, page.co_occurring),
        "quotes": [quote_item(request, quote) for quote in page.quotes],
        "articles": articles,
    }


def quote_item(request: HttpRequest, quote: Quote) -> dict[str, Any]:
    """``{"speaker": name or null, "text", "speaker_entity": entity or null, "article_id", "position"}``."""
    return {
        "speaker": (quote.speaker.name if quote.speaker else quote.speaker_name) or None,
        "text": quote.text,
        "speaker_entity": entity_summary(request, quote.speaker) if quote.speaker else None,
        "article_id": quote.article_id,
        "position": quote.position,
    }
