"""The machine-read parts of a page head: feed autodiscovery, JSON-LD, OpenGraph and Twitter tags.

The data comes from `publish.structured_data` and `publish.feeds`; these tags
only supply the page's absolute URLs (from the request, as the canonical link
does) and print it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from newsdesk.newsroom.models import Article, Section
from newsdesk.publish.feeds import FORMATS
from newsdesk.publish.standfirst import standfirst as standfirst_text
from newsdesk.publish.structured_data import Masthead, MetaTag, collection_page, json_ld_script, news_article, social_tags, web_site
from newsdesk.site.links import page_url, site_url, static_url

register = template.Library()

LOGO = "site/logo.png"


@dataclass(frozen=True)
class FeedLink:
    title: str
    media_type: str
    href: str


def _origin(request: HttpRequest) -> str:
    """``https://news.example.org``: what the page's absolute URLs start with (the host checked once)."""
    return f"{request.scheme}://{request.get_host()}"


def _absolute(request: HttpRequest, path: str) -> str:
    return f"{_origin(request)}{path}"


def _masthead(request: HttpRequest, origin: str | None = None) -> Masthead:
    origin = origin or _origin(request)
    return Masthead(
        name=settings.SITE_NAME,
        home_url=f"{origin}{site_url('site:home')}",
        logo_url=f"{origin}{static_url(LOGO)}",
        language=settings.SITE_LANGUAGE,
    )


@register.filter
def standfirst(article: Article) -> str:
    """The meta description, the same words as og:description and the feeds' summary."""
    return standfirst_text(article)


# The head's feed links and meta tags are on every page, one line each: written here rather than by a
# template loop (which cost a tenth of a page Django renders), escaped as the template escaped them.


def feed_links_html(links: list[FeedLink]) -> SafeString:
    """``<link rel="alternate">`` lines, one a feed."""
    lines = [
        f'<link rel="alternate" type="{conditional_escape(link.media_type)}" title="{conditional_escape(link.title)}" href="{conditional_escape(link.href)}">\n'
        for link in links
    ]
    return mark_safe("".join(lines) + "\n")  # noqa: S308  (every value escaped)


def meta_tags_html(tags: list[MetaTag]) -> SafeString:
    """``<meta property=…>`` (OpenGraph) and ``<meta name=…>`` (Twitter) lines."""
    lines = [
        f'<meta {"property" if tag.attribute == "property" else "name"}="{conditional_escape(tag.key)}" content="{conditional_escape(tag.content)}">\n'
        for tag in tags
    ]
    return mark_safe("".join(lines))  # noqa: S308  (every value escaped)


@register.simple_tag
def feed_links(section: Section | None = None) -> SafeString:
    """The site's feeds on every page; a section's own feeds too on its pages and its articles."""
    links = [
        FeedLink(f"{settings.SITE_NAME} ({fmt.label})", fmt.media_type, site_url(f"site:feed_{fmt.name}"))
        for fmt in FORMATS
    ]
    if isinstance(section, Section):
        links += [
            FeedLink(
                f"{section.name} — {settings.SITE_NAME} ({fmt.label})",
                fmt.media_type,
                site_url(f"site:section_feed_{fmt.name}", slug=section.slug),
            )
            for fmt in FORMATS
        ]
    return feed_links_html(links)


@register.inclusion_tag("site/_article_head.html", takes_context=True)
def article_head(context: template.Context, article: Article, description: str | None = None) -> dict:
    """NewsArticle JSON-LD, OpenGraph and Twitter card tags for an article page.

    ``description``: the article's standfirst if the caller has it. The JSON-LD and the social tags
    each ask for it; they are given a copy of the article whose summary *is* that standfirst (the
    standfirst of a standfirst is itself), so the body's tags are stripped once a page, not three times.
    """
    request = context["request"]
    origin = _origin(request)
    masthead = _masthead(request, origin)
    url = f"{origin}{page_url(article)}"
    shown = copy.copy(article)
    shown.summary = standfirst_text(article) if description is None else description
    return {
        "json_ld": json_ld_script(news_article(shown, url=url, masthead=masthead)),
        "meta_tags": meta_tags_html(social_tags(shown, url=url, masthead=masthead)),
    }


@register.simple_tag(takes_context=True)
def website_json_ld(context: template.Context) -> SafeString:
    return json_ld_script(web_site(masthead=_masthead(context["request"])))


@register.simple_tag(takes_context=True)
def collection_json_ld(context: template.Context, section: Section) -> SafeString:
    request = context["request"]
    url = _absolute(request, section.get_absolute_url())
    return json_ld_script(collection_page(section, url=url, masthead=_masthead(request)))
