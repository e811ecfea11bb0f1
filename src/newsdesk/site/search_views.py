"""The search page, /search?q=…: the reader's words and filters in, one page of marked hits out.

Like every page it is the same HTML for every reader (no session, no
token), so it is cached like the others. The filters are plain GET
parameters — ``section``, ``source``, ``entity`` (slugs), ``from`` and
``to`` (dates, both inclusive), ``page`` — so every result is a link.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from newsdesk.newsroom import selectors
from newsdesk.newsroom.models import Entity, Source
from newsdesk.newsroom.search import SearchQuery, hits_with_articles, search as search_articles
from newsdesk.site.views import public_page

PAGE_SIZE = 20
TEXT_SHOWN = 200  # characters of the query kept in the box and the links


@dataclass(frozen=True)
class SearchForm:
    """The page's GET parameters, each read leniently: a bad date or page number is ignored, not an error."""

    text: str
    section: str
    source: str
    entity: str
    day_from: date | None
    day_to: date | None
    page: int

    def query(self) -> SearchQuery:
        return SearchQuery(
            text=self.text, section=self.section or None, source=self.source or None, entity=self.entity or None,
            since=_midnight(self.day_from), until=_midnight(self.day_to + timedelta(days=1) if self.day_to else None),
            page=self.page, page_size=PAGE_SIZE,
        )


def search_form(params: QueryDict) -> SearchForm:
    return SearchForm(
        text=params.get("q", "").replace("\x00", "")[:TEXT_SHOWN].strip(),
        section=params.get("section", ""), source=params.get("source", ""), entity=params.get("entity", ""),
        day_from=_day(params.get("from")), day_to=_day(params.get("to")), page=_page(params.get("page")),
    )


@require_safe
@public_page
def search(request: HttpRequest) -> HttpResponse:
    form = search_form(request.GET)
    found = search_articles(form.query()) if form.text else None
    if found is not None and found.page > found.pages:  # a page past the last (a stale link): show the last one
        found = search_articles(replace(form, page=found.pages).query())
    context = {
        "form": form, "found": found, "results": hits_with_articles(found) if found else [],
        "sections": selectors.sections_listed(), "sources": Source.objects.order_by("name").only("name", "slug"),
        "entity": Entity.objects.filter(slug=form.entity).first() if form.entity else None,
        "query_without_page": _without(request.GET, "page"),
        "first_number": (found.page - 1) * found.page_size + 1 if found else 1,
    }
    return render(request, "site/search.html", context)


def _without(params: QueryDict, name: str) -> str:
    kept = params.copy()
    kept.pop(name, None)
    return kept.urlencode()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 7 else 1


def _midnight(day: date | None) -> datetime | None:
    if day is None:
        return None
    try:
        return datetime.combine(day, time.min, tzinfo=timezone.utc)
    except OverflowError:
        return None
