"""The public pages. Each view asks one selector or service and renders; no logic lives here.

Pages carry no per-reader state (no session, no CSRF token, no cookie), so
the same HTML is right for every reader and a CDN may keep it for a minute;
the live parts — the view count and "7 hours ago" — are done by site.js.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import SimpleTemplateResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import parse_http_date_safe
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from newsdesk.newsroom import selectors
from newsdesk.newsroom.models import Article
from newsdesk.publish import readership
from newsdesk.publish.views import article_view_count
from newsdesk.site.article_parts import article_parts

PAGE_MAX_AGE = 60
SECTION_PAGE_SIZE = 20
# A transparent 1×1 GIF for readers without JavaScript (the <noscript> counter).
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

# The same header a baked page is served with (publish.bake.CACHE_CONTROL): a minute in browsers,
# five in a CDN, served stale while it revalidates.
_public_cache_control = cache_control(public=True, max_age=PAGE_MAX_AGE, s_maxage=300, stale_while_revalidate=600)


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache-Control for browsers and CDNs, and a strong ETag with 304s when Django renders the page.

    The ETag is the one a baked page carries (the md5 of the bytes, as Django's
    ConditionalGetMiddleware computes it), so a CDN or browser revalidating
    gets a 304 whether the baked file or Django answered, and with
    ``NEWSDESK_BAKE=0`` too. A Last-Modified the view set (feeds) is honoured.
    """
    cached = _public_cache_control(view)

    @wraps(view)
    def page(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = cached(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
            return response
        if isinstance(response, SimpleTemplateResponse):
            response.render()  # the sitemaps' TemplateResponse: the ETag needs the bytes
        if not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = response.get("Last-Modified")
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=parse_http_date_safe(last_modified) if last_modified else None, response=response
        )

    return page


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "site/home.html", {"front": selectors.front_page(), "is_home": True})


@require_safe
@public_page
def section(request: HttpRequest, slug: str) -> HttpResponse:
    listing = selectors.section_page(slug=slug, number=request.GET.get("page", 1), per_page=SECTION_PAGE_SIZE)
    if listing is None:
        raise Http404("no such section or page")
    return render(request, "site/section.html", {"listing": listing, "current_section": listing.section})


@require_safe
@public_page
def article(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One query per request (is it public, its slug, the view count); the rest is kept until a commit changes it."""
    live = selectors.article_live(pk=pk)
    if live is None:
        return _gone_or_not_found(request, pk)
    if slug != live.slug:
        return HttpResponsePermanentRedirect(Article(pk=pk, slug=live.slug).get_absolute_url())
    parts = article_parts(request, pk=pk, modified_at=live.modified_at)
    if parts is None:  # unpublished between the two reads
        return _gone_or_not_found(request, pk)
    shown = parts.article
    context = {"parts": parts, "page": parts, "article": shown, "current_section": shown.section, "view_total": live.view_total}
    return render(request, "site/article_page.html", context)


@require_safe
def article_short(request: HttpRequest, pk: int) -> HttpResponse:
    """/article/<id>/ (a hand-typed or truncated link) goes to the canonical URL."""
    article = selectors.article_published(pk=pk)
    if article is None:
        return _gone_or_not_found(request, pk)
    return HttpResponsePermanentRedirect(article.get_absolute_url())


def _gone_or_not_found(request: HttpRequest, pk: int) -> HttpResponse:
    """A killed article answers 410 Gone with its kill notice (issue 6); any other unknown one is a 404."""
    notice = selectors.kill_notice(pk=pk)
    if notice is None:
        raise Http404("no such published article")
    return render(request, "site/killed.html", {"notice": notice}, status=410)


@csrf_exempt  # it changes nothing but a counter, and pages must stay free of per-reader tokens
@never_cache
@require_http_methods(["GET", "POST"])
def article_views(request: HttpRequest, pk: int) -> JsonResponse:
    """POST counts one view and returns the new total; GET only reads it."""
    if request.method == "GET":
        return JsonResponse({"views": readership.view_total(article_id=pk)})
    try:
        return JsonResponse({"views": article_view_count(article_id=pk)})
    except Article.DoesNotExist:
        return JsonResponse({"error": "no such published article"}, status=404)


@require_safe
@cache_control(public=True, max_age=readership.RAILS_MAX_AGE, s_maxage=readership.RAILS_MAX_AGE)
def rails(request: HttpRequest) -> JsonResponse:
    """The highlights and most-read rails for every page, filled in by site.js (pages never list other stories)."""
    return JsonResponse(readership.rails_payload())


@never_cache
@require_GET
def article_views_pixel(request: HttpRequest, pk: int) -> HttpResponse:
    """The <noscript> image: counts a reader without JavaScript once (browsers never prefetch it)."""
    if "prefetch" not in request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")):
        try:
            article_view_count(article_id=pk)
        except Article.DoesNotExist:
            pass  # still a valid image, so no broken-image icon on a stale page
    return HttpResponse(PIXEL, content_type="image/gif")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without a request context: no context processors, no database, nothing else to fail."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_LANGUAGE": settings.SITE_LANGUAGE}
    return HttpResponse(loader.get_template("500.html").render(context), status=500)
