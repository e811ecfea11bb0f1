"""Template filters for the public pages; the words themselves live in `publish`."""

from __future__ import annotations

from datetime import datetime, timezone as dt_timezone

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from newsdesk.core import clock
from newsdesk.newsroom.models import Article
from newsdesk.publish import article as article_render
from newsdesk.publish.relative_time import time_ago

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
