"""Read queries over the whole archive of published articles: by section, by date, by words.

The JSON API pages through these. Like ``selectors`` they only read and only
return what is published, newest first with ties broken by id so that pages
never shuffle, with section and source joined (a ninjs document needs both).

``articles_matching`` is the plain search that stands until the search
backend of issue 5 point 4 (SQLite FTS5, PostgreSQL full text) replaces it
behind the same call.
"""

from __future__ import annotations

from datetime import datetime
from functools import reduce
from operator import and_

from django.db.models import Q, QuerySet

from newsdesk.newsroom.models import Article, Section

PUBLISHED = Article.Status.PUBLISHED
MAX_TERMS = 10
# How the sanitiser writes text characters in a body (html5ever's serialiser: quotes stay as they are).
_AS_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00a0": "&nbsp;"})


def articles_archived(
    *, section: Section | None = None, since: datetime | None = None, until: datetime | None = None
) -> QuerySet[Article]:
    """Published articles (of a section), published from ``since`` (inclusive) to ``until`` (exclusive)."""
    articles = Article.objects.filter(status=PUBLISHED).select_related("section", "source")
    if section is not None:
        articles = articles.filter(section=section)
    if since is not None:
        articles = articles.filter(published_at__gte=since)
    if until is not None:
        articles = articles.filter(published_at__lt=until)
    return articles.order_by("-published_at", "-pk")


def articles_matching(*, text: str, section: Section | None = None) -> QuerySet[Article]:
    """Published articles whose headline or body holds every word of ``text`` (the first ten), case-insensitively.

    Bodies are stored as HTML, so each word is also looked for as HTML writes
    it ("AT&T" is ``AT&amp;T`` in a body). Words of markup ("strong") can
    still match a tag: the full-text backend, which indexes the text, ends
    that. Blank text finds nothing, and so does text holding a NUL, which no
    stored text can contain (and PostgreSQL refuses to be asked about).
    """
    terms = text.split()[:MAX_TERMS]
    if not terms or "\x00" in text:
        return Article.objects.none()
    matches = [Q(headline__icontains=term) | Q(body_html__icontains=term.translate(_AS_HTML)) for term in terms]
    return articles_archived(section=section).filter(reduce(and_, matches))

