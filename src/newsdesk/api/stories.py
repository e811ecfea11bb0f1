"""The API's stories, entities and quotes (issue 4): ``/stories/{id}``, ``/entities/{slug}``, ``/articles/{id}/quotes``.

Same pattern as ``views``: parse the parameters, ask one read query, shape
the answer (``story_representations``), send it with its ETag. A story's or
an entity's articles are ninjs, paged like every listing (``page``, ``page_size``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from newsdesk.api import params
from newsdesk.api.errors import not_found
from newsdesk.api.pagination import article_listing, page_of
from newsdesk.api.responses import api_view, json_response
from newsdesk.api.story_representations import entity_detail, quote_item, story_detail
from newsdesk.newsroom import selectors, stories_selectors


@api_view
def story(request: HttpRequest, id: str) -> HttpResponse:  # noqa: A002 - the OpenAPI path's {id}
    page = stories_selectors.story_page(pk=params.article_id(id))
    if page is None:
        raise not_found(f"no story {id} with a published article")
    articles = page_of(stories_selectors.story_articles_listed(story=page.story), params.page_request(request.GET))
    return json_response(request, story_detail(request, page, articles=article_listing(request, articles)))


@api_view
def entity(request: HttpRequest, slug: str) -> HttpResponse:
    page = stories_selectors.entity_page(slug=params.entity_slug(slug))
    if page is None:
        raise not_found(f"no person, place or organisation {slug!r} in published news")
    articles = page_of(stories_selectors.entity_articles_listed(entity=page.entity), params.page_request(request.GET))
    return json_response(request, entity_detail(request, page, articles=article_listing(request, articles)))


@api_view
def article_quotes(request: HttpRequest, id: str) -> HttpResponse:  # noqa: A002
    article = selectors.article_published(pk=params.article_id(id))
    if article is None:
        raise not_found(f"no published article {id}")
    return json_response(request, [quote_item(request, q) for q in stories_selectors.article_quotes(article_id=article.pk)])
