"""An article's versions (``/desk/articles/<id>/versions/``) and the diff of any two (``…/diff?a=&b=``).

The diff is ``corrections.versions_diff``'s plain data rendered with
auto-escaping: a story's markup shows as text, inserted words in ``<ins>``
and deleted ones in ``<del>`` that only the template writes.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from newsdesk.desk.corrections import versions_diff
from newsdesk.desk.roles import role_required
from newsdesk.desk.views_editor import article_for_desk
from newsdesk.newsroom.models import ArticleVersion


@role_required("contributor")
@never_cache
@require_safe
def article_versions(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_for_desk(pk)
    versions = list(ArticleVersion.objects.filter(article=article).defer("snapshot").order_by("-number"))
    return render(request, "desk/versions.html", {"screen": "versions", "article": article, "versions": versions})


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@role_required("contributor")
@never_cache
@require_safe
def article_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """``a`` and ``b`` are version numbers; missing ones mean the two newest. Unknown numbers answer 404 with a reason."""
    article = article_for_desk(pk)
    numbers = list(ArticleVersion.objects.filter(article=article).order_by("-number").values_list("number", flat=True)[:2])
    a = _number(request.GET.get("a")) or (numbers[-1] if numbers else None)
    b = _number(request.GET.get("b")) or (numbers[0] if numbers else None)
    found = {v.number: v for v in ArticleVersion.objects.filter(article=article, number__in=[a, b])}
    context = {"screen": "versions", "article": article, "a": a, "b": b}
    if a not in found or b not in found:
        context["missing"] = [n for n in (a, b) if n not in found]
        return render(request, "desk/diff.html", context, status=404)
    context["diff"] = versions_diff(found[a], found[b])
    return render(request, "desk/diff.html", context)
