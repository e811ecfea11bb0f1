"""The editor (``/desk/articles/<id>/``) and its preview: one article's fields, copies, corrections and actions.

Reading the editor changes nothing; every action posts to its own URL
(``views_workflow``) so each carries its own role check. The preview renders
the public article template with the saved article (GET) or the unsaved
form (POST), sanitised the way saving would, and is never cached.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from newsdesk.desk.forms_editor import ArticleForm, CorrectionForm, EmbargoForm, KillForm, ScheduleForm
from newsdesk.desk.roles import has_role, role_required
from newsdesk.desk.wire_updates import wire_update_for
from newsdesk.newsroom.models import Article, Correction, WireCopy
from newsdesk.newsroom.selectors import highlights
from newsdesk.core.errors import IngestError
from newsdesk.extract.sanitise import body_sanitise

Status = Article.Status
EDITABLE = (Status.DRAFT, Status.READY, Status.SCHEDULED, Status.UNPUBLISHED)
PUBLISHABLE = (Status.DRAFT, Status.READY, Status.SCHEDULED, Status.UNPUBLISHED)
SCHEDULABLE = (Status.DRAFT, Status.READY, Status.SCHEDULED, Status.UNPUBLISHED)


def article_for_desk(pk: int) -> Article:
    return get_object_or_404(Article.objects.select_related("source", "section", "story"), pk=pk)


def editor_context(request: HttpRequest, article: Article, form: ArticleForm | None = None, **forms) -> dict:
    return {
        "screen": "editor",
        "article": article,
        "form": form or ArticleForm.for_article(article),
        "schedule_form": forms.get("schedule_form") or ScheduleForm(initial={"publish_at": article.publish_at}),
        "embargo_form": forms.get("embargo_form") or EmbargoForm(initial={"embargo_until": article.embargo_until}),
        "kill_form": forms.get("kill_form") or KillForm(),
        "correction_form": forms.get("correction_form") or CorrectionForm(),
        "editable": article.status == Status.DRAFT or (article.status in EDITABLE and has_role(request.user, "editor")),
        "publishable": article.status in PUBLISHABLE,
        "schedulable": article.status in SCHEDULABLE,
        "copies": list(WireCopy.objects.filter(article=article).select_related("source").order_by("folded_at", "pk")),
        "can_split": has_role(request.user, "editor"),
        "corrections": list(Correction.objects.filter(article=article).order_by("created_at")),
        "wire_update": wire_update_for(article),
    }


@role_required("contributor")
@never_cache
@require_safe
def article_editor(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "desk/editor.html", editor_context(request, article_for_desk(pk)))


@role_required("contributor")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page as it would look: GET shows the saved article, POST the unsaved form (nothing is written)."""
    article = article_for_desk(pk)
    if request.method == "POST":
        form = ArticleForm.for_article(article, data=request.POST)
        if not form.is_valid():
            return render(request, "desk/editor.html", editor_context(request, article, form), status=400)
        for name, value in form.cleaned_data.items():
            setattr(article, name, value)
    try:
        article.body_html = body_sanitise(article.body_html)
    except IngestError as error:  # markup too deeply nested to parse safely: say so, show nothing of it
        return HttpResponse(f"Cannot preview this body: {error.message}", status=400, content_type="text/plain; charset=utf-8")
    article.view_total = 0
    page = {"article": article, "highlights": highlights(exclude_ids={article.pk})}
    html = render_to_string("site/article.html", {"page": page, "article": article, "current_section": article.section}, request)
    # A preview is not a reader's view: without the beacon's address site.js counts nothing.
    html = html.replace(f' data-views-url="{reverse("site:views", args=[article.pk])}"', "")
    response = HttpResponse(html)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
