"""Template filters for the public pages; the words themselves live in `publish`."""

from __future__ import annotations

from datetime import datetime, timezone as dt_timezone

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from newsdesk.core import clock
from newsdesk.newsroom.models import Article
from newsdesk.publish import article as article_render
from newsdesk.publish.relative_time import time_ago
from newsdesk.site import links

register = template.Library()


@register.filter
def ago(value: datetime | None) -> str:
    """Server fallback for `<time data-relative>`; site.js rewrites it in the reader's browser."""
    if value is None:
        return ""
    return time_ago(when=timezone.localtime(value), now=timezone.localtime(clock.now()))


@register.filter
def news_time(value: datetime | None) -> str:
    """"4 September 2025, 09:30 UTC"; just the date when the wire gave only a date (stored as midnight UTC)."""
    if value is None:
        return ""
    utc = value.astimezone(dt_timezone.utc)
    local = timezone.localtime(value)
    if (utc.hour, utc.minute, utc.second) == (0, 0, 0):
        return f"{utc.day} {utc:%B %Y}"
    return f"{local.day} {local:%B %Y, %H:%M} {local.tzname() or ''}".strip()


@register.filter
def views_label(total: int | None) -> str:
    return article_render.views_label(total or 0)


@register.filter
def body_with_dateline(article: Article) -> SafeString:
    """The sanitised body (extract sanitises last) with the dateline opening its first paragraph."""
    return mark_safe(article_render.body_with_dateline(body_html=article.body_html, dateline=article.dateline))  # noqa: S308


@register.filter
def credit(article: Article) -> str:
    return article_render.credit_for(article)


@register.filter
def http_url(url: str) -> str:
    """Only http(s) or same-site URLs reach an `src` or `href`: a wire's `javascript:` or `file:` URL becomes nothing."""
    return url if url.lower().startswith(("https://", "http://", "/")) else ""


class _LinkNode(template.Node):
    """A URL of our own: a name and at most an id (``site.links``), without simple_tag's argument handling."""

    def __init__(self, name: str, pk: template.base.FilterExpression | None, static: bool) -> None:
        self.name, self.pk, self.static = name, pk, static

    def render(self, context: template.Context) -> str:
        if self.static:
            url = links.static_url(self.name)
        else:
            url = links.site_url(self.name) if self.pk is None else links.site_url(self.name, pk=self.pk.resolve(context))
        return conditional_escape(url) if context.autoescape else url


def _link_tag(parser: template.base.Parser, token: template.base.Token, *, static: bool) -> _LinkNode:
    bits = token.split_contents()
    if len(bits) not in ((2,) if static else (2, 3)) or bits[1][0] not in "'\"" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{{% {bits[0]} 'name'{'' if static else ' [id]'} %}}: a quoted name")
    return _LinkNode(bits[1][1:-1], parser.compile_filter(bits[2]) if len(bits) == 3 else None, static)


@register.tag("site_url")
def site_url_tag(parser: template.base.Parser, token: template.base.Token) -> _LinkNode:
    """``{% site_url 'site:home' %}``, ``{% site_url 'site:views' article.pk %}``: ``{% url %}`` for the public pages'
    own URLs, from each name's pattern rather than a reverse() each time (``site.links``)."""
    return _link_tag(parser, token, static=False)


@register.filter
def page_url(obj: object) -> str:
    """``obj.get_absolute_url`` for articles, sections, stories and entities, from the URL's pattern (``site.links``)."""
    return links.page_url(obj)


@register.tag("site_static")
def site_static_tag(parser: template.base.Parser, token: template.base.Token) -> _LinkNode:
    """``{% site_static 'site/site.css' %}``: ``{% static %}`` looked up once per process (``site.links``)."""
    return _link_tag(parser, token, static=True)
