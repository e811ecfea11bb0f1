"""The story page ("full coverage"), the entity pages, and the related-stories JSON the article page refreshes from.

Views only ask a selector and render (STYLE.md). The pages carry the same
public cache header and ETag (``public_page``) as every page; they are not
baked but rendered by Django on every request that reaches it, so nothing
here can be staler than a CDN's minutes (docs/performance.md "Baked pages").
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import render
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from newsdesk.newsroom import selectors, stories_selectors
from newsdesk.publish import readership
from newsdesk.site.views import public_page

# An ETag (the MD5 of the body) and 304s, for the JSON that is not a page.
conditional_page = decorator_from_middleware(ConditionalGetMiddleware)


@require_safe
@public_page
def story(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    page = stories_selectors.story_page(pk=pk)
    if page is None:
        raise Http404("no such story, or nothing in it is published")
    if slug != page.story.slug:
        return HttpResponsePermanentRedirect(page.story.get_absolute_url())
    return render(request, "site/story.html", {"page": page, "story": page.story})


@require_safe
@public_page
def entity(request: HttpRequest, slug: str) -> HttpResponse:
    page = stories_selectors.entity_page(slug=slug)
    if page is None:
        raise Http404("no such person, place or organisation in published news")
    return render(request, "site/entity.html", {"page": page, "entity": page.entity})


@require_safe
@conditional_page
@cache_control(public=True, max_age=readership.RAILS_MAX_AGE, s_maxage=readership.RAILS_MAX_AGE)
def related(request: HttpRequest, pk: int) -> JsonResponse:
    """An article's related stories and its story's source count, now: site.js refreshes a baked page from it."""
    article = selectors.article_published(pk=pk)
    if article is None:
        return JsonResponse({"error": "no such published article"}, status=404)
    coverage = stories_selectors.article_coverage(article=article)
    story = coverage.story
    return JsonResponse({
        "story": {"url": story.get_absolute_url(), "sources": coverage.story_source_count} if story else None,
        "related": [readership.rail_item(a) for a in coverage.related],
    })

