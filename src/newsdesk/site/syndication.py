"""The machine-read URLs: feeds, sitemaps and robots.txt.

The feeds and sitemaps themselves are declared in `publish`; this module
pairs each feed subject with each format, hands the sitemaps to Django's
views with our templates, and gives all of them the public cache header the
pages carry.
"""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from newsdesk.publish.feeds import FORMATS, EntityFeed, SectionFeed, SiteFeed, StoryFeed
from newsdesk.publish.sitemaps import SITEMAPS, NewsSitemap
from newsdesk.site.views import public_page


@require_safe
@public_page
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything may be crawled but the admin; the sitemaps are named with absolute URLs."""
    base = f"{request.scheme}://{request.get_host()}"
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Allow: /",
        "",
        f"Sitemap: {base}{reverse('site:sitemap')}",
        f"Sitemap: {base}{reverse('site:sitemap_news')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


feed_urls = [
    pattern
    for fmt in FORMATS
    for pattern in (
        path(f"feeds/{fmt.filename}", require_safe(public_page(SiteFeed(fmt))), name=f"feed_{fmt.name}"),
        path(f"section/<slug:slug>/{fmt.filename}", require_safe(public_page(SectionFeed(fmt))), name=f"section_feed_{fmt.name}"),
        path(f"stories/<int:pk>-<slug:slug>/{fmt.filename}", require_safe(public_page(StoryFeed(fmt))), name=f"story_feed_{fmt.name}"),
        path(f"entities/<slug:slug>/{fmt.filename}", require_safe(public_page(EntityFeed(fmt))), name=f"entity_feed_{fmt.name}"),
    )
]

sitemap_urls = [
    path(
        "sitemap.xml",
        require_safe(public_page(sitemap_views.index)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "site:sitemap_section", "template_name": "site/sitemap_index.xml"},
        name="sitemap",
    ),
    # Named before the general pattern, which would otherwise take "news" with the plain template.
    path(
        "sitemap-news.xml",
        require_safe(public_page(sitemap_views.sitemap)),
        {"sitemaps": {"news": NewsSitemap}, "section": "news", "template_name": "site/sitemap_news.xml"},
        name="sitemap_news",
    ),
    path(
        "sitemap-<slug:section>.xml",
        require_safe(public_page(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS, "template_name": "site/sitemap.xml"},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots"),
]

urlpatterns = feed_urls + sitemap_urls
