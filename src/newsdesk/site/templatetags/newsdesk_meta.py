"""The machine-read parts of a page head: feed autodiscovery, JSON-LD, OpenGraph and Twitter tags.

The data comes from `publish.structured_data` and `publish.feeds`; these tags
only supply the page's absolute URLs (from the request, as the canonical link
does) and print it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString

from newsdesk.newsroom.models import Article, Section
from newsdesk.publish.feeds import FORMATS
from newsdesk.publish.standfirst import standfirst as standfirst_text
from newsdesk.publish.structured_data import Masthead, collection_page, json_ld_script, news_article, social_tags, web_site

register = template.Library()

LOGO = "site/logo.png"


@dataclass(frozen=True)
class FeedLink:
    title: str
    media_type: str
    href: str


def _absolute(request: HttpRequest, path: str) -> str:
    return f"{request.scheme}://{request.get_host()}{path}"


def _masthead(request: HttpRequest) -> Masthead:
    return Masthead(
        name=settings.SITE_NAME,
        home_url=_absolute(request, reverse("site:home")),
        logo_url=_absolute(request, static(LOGO)),
        language=settings.SITE_LANGUAGE,
    )


@register.filter
def standfirst(article: Article) -> str:
    """The meta description, the same words as og:description and the feeds' summary."""
    return standfirst_text(article)


@register.inclusion_tag("site/_feed_links.html")
def feed_links(section: Section | None = None) -> dict:
    """The site's feeds on every page; a section's own feeds too on its pages and its articles."""
    links = [
        FeedLink(f"{settings.SITE_NAME} ({fmt.label})", fmt.media_type, reverse(f"site:feed_{fmt.name}"))
        for fmt in FORMATS
    ]
    if isinstance(section, Section):
        links += [
            FeedLink(
                f"{section.name} — {settings.SITE_NAME} ({fmt.label})",
                fmt.media_type,
                reverse(f"site:section_feed_{fmt.name}", kwargs={"slug": section.slug}),
            )
            for fmt in FORMATS
        ]
    return {"feed_links": links}


@register.inclusion_tag("site/_article_head.html", takes_context=True)
def article_head(context: template.Context, article: Article) -> dict:
    """NewsArticle JSON-LD, OpenGraph and Twitter card tags for an article page."""
    request = context["request"]
    masthead = _masthead(request)
    url = _absolute(request, article.get_absolute_url())
    return {
        "json_ld": json_ld_script(news_article(article, url=url, masthead=masthead)),
        "meta_tags": social_tags(article, url=url, masthead=masthead),
    }


@register.simple_tag(takes_context=True)
def website_json_ld(context: template.Context) -> SafeString:
    return json_ld_script(web_site(masthead=_masthead(context["request"])))


@register.simple_tag(takes_context=True)
def collection_json_ld(context: template.Context, section: Section) -> SafeString:
    request = context["request"]
    url = _absolute(request, section.get_absolute_url())
    return json_ld_script(collection_page(section, url=url, masthead=_masthead(request)))
