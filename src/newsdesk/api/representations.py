"""What the API says about things that are not articles (articles are ninjs: ``publish.ninjs_out``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from newsdesk.newsroom.models import Article, Section
from newsdesk.publish.ninjs_out import article_to_ninjs


def section_summary(request: HttpRequest, section: Section, *, published: int) -> dict[str, Any]:
    """A section: its names, its page on the site, its API URLs, how many articles it has published."""
    articles_url = f"{reverse('api:articles')}?{urlencode({'section': section.slug})}"
    return {
        "slug": section.slug,
        "name": section.name,
        "url": request.build_absolute_uri(section.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api:section", kwargs={"slug": section.slug})),
        "articles_url": request.build_absolute_uri(articles_url),
        "published": published,
    }


def section_detail(request: HttpRequest, section: Section, *, published: int, latest: list[Article]) -> dict[str, Any]:
    """A section with its latest articles as ninjs; ``articles_url`` pages through all of them."""
    base_url = request.build_absolute_uri("/")
    return {
        **section_summary(request, section, published=published),
        "latest": [article_to_ninjs(article, base_url) for article in latest],
    }
