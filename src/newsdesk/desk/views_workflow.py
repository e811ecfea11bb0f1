"""The editor's actions, one POST URL each (issue 6): save, submit, publish, schedule, embargo, unpublish, kill,
correct, split a fold.

Each view is a few lines: check the role, read its form, call one service
from ``desk.workflow`` / ``desk.corrections`` (which check the role again,
sanitise, write the version and the audit entry in one transaction), then
redirect back to the editor with a message. A refused action re-renders the
editor with the reason and a 400 (or 409 when the article's state forbids
it), never a half-written record.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from newsdesk.core.errors import IngestError
from newsdesk.desk import corrections, workflow
from newsdesk.desk.forms_editor import ArticleForm, CorrectionForm, EmbargoForm, KillForm, ScheduleForm
from newsdesk.desk.roles import role_required
from newsdesk.desk.views_editor import article_for_desk, editor_context
from newsdesk.newsroom.models import Article
from newsdesk.pipeline.folds import FoldSplitRefused, fold_split

REFUSALS = (ValidationError, IngestError, workflow.WorkflowError, FoldSplitRefused)


def _refused(request: HttpRequest, article: Article, reason: str, *, status: int = 409, **forms) -> HttpResponse:
    messages.error(request, reason)
    return render(request, "desk/editor.html", editor_context(request, article, **forms), status=status)


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)


def _action(role: str, perform: Callable[[HttpRequest, Article], HttpResponse | str]):
    """A POST-only view for one action: ``perform`` returns the success message, or a response of its own."""

    @role_required(role)
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        article = article_for_desk(pk)
        try:
            outcome = perform(request, article)
        except PermissionDenied:
            raise
        except REFUSALS as error:
            article.refresh_from_db()
            return _refused(request, article, _message(error))
        if isinstance(outcome, HttpResponse):
            return outcome
        messages.success(request, outcome)
        return redirect("desk:article", pk=article.pk)

    view.__name__ = view.__qualname__ = f"article_{perform.__name__}"
    view.__doc__ = perform.__doc__
    return view


def _edits(request: HttpRequest, article: Article) -> dict | HttpResponse:
    """The form's changed fields, or the editor again with the form's errors (400)."""
    form = ArticleForm.for_article(article, data=request.POST)
    if not form.is_valid():
        return render(request, "desk/editor.html", editor_context(request, article, form), status=400)
    return form.changes(article)


def _with_edits(request: HttpRequest, article: Article) -> HttpResponse | None:
    """Save the form's changes first (publishing what the editor sees); a response when the form is bad."""
    changes = _edits(request, article)
    if isinstance(changes, HttpResponse):
        return changes
    if changes:
        workflow.article_edit(article, request.user, **changes)
    return None


def save(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Save the fields of an article that is not public yet."""
    if article.status in (Article.Status.PUBLISHED, Article.Status.KILLED):
        return _refused(request, article, f"A {article.status} article is changed by a correction (with a note), not a save.")
    return _with_edits(request, article) or "Saved."


def submit(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Save, then mark the draft ready for an editor."""
    response = _with_edits(request, article)
    if response:
        return response
    workflow.article_submit(article, request.user)
    return "Submitted for review."


def publish(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Save, then publish now (an embargo still holds it back until its time)."""
    response = _with_edits(request, article)
    if response:
        return response
    workflow.article_publish(article, request.user)
    return "Published."


def schedule(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Save, then publish at a given time."""
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, "Give the time to publish at.", status=400, schedule_form=form)
    response = _with_edits(request, article)
    if response:
        return response
    workflow.article_schedule(article, request.user, form.cleaned_data["publish_at"])
    return f"Scheduled for {form.cleaned_data['publish_at']:%Y-%m-%d %H:%M}."


def embargo(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Save, then hold the article back until a given time, whatever else happens to it."""
    form = EmbargoForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, "Give the time the embargo ends.", status=400, embargo_form=form)
    response = _with_edits(request, article)
    if response:
        return response
    workflow.article_embargo(article, request.user, form.cleaned_data["embargo_until"])
    return f"Embargoed until {form.cleaned_data['embargo_until']:%Y-%m-%d %H:%M}."


def unpublish(request: HttpRequest, article: Article) -> str:
    """Take the article down; it can be published again."""
    workflow.article_unpublish(article, request.user)
    return "Unpublished."


def kill(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Remove the article everywhere, leaving the kill notice at its address."""
    form = KillForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, "A kill needs a notice for readers.", status=400, kill_form=form)
    workflow.article_kill(article, request.user, form.cleaned_data["kill_notice"])
    return "Killed."


def correct(request: HttpRequest, article: Article) -> HttpResponse | str:
    """Change a published article in public: a new version and a correction note on the page."""
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, "A correction needs a note for readers.", status=400, correction_form=form)
    changes = _edits(request, article)
    if isinstance(changes, HttpResponse):
        return changes
    corrections.article_correct(article, request.user, form.cleaned_data["note"], **changes)
    return "Corrected; the note is on the public page."


article_save = _action("contributor", save)
article_submit = _action("contributor", submit)
article_publish = _action("editor", publish)
article_schedule = _action("editor", schedule)
article_embargo = _action("editor", embargo)
article_unpublish = _action("editor", unpublish)
article_kill = _action("editor", kill)
article_correct = _action("editor", correct)


@role_required("editor")
@require_POST
def copy_split(request: HttpRequest, pk: int, copy_id: int) -> HttpResponse:
    """Turn a wrongly folded wire copy back into an article of its own (``pipeline.folds.fold_split``)."""
    article = article_for_desk(pk)
    if not article.copies.filter(pk=copy_id).exists():
        return _refused(request, article, f"Copy {copy_id} is not folded into this article.", status=404)
    try:
        split = fold_split(copy_id, request.user)
    except REFUSALS as error:
        return _refused(request, article, _message(error))
    messages.success(request, f"The copy is article {split.pk} of its own again.")
    return redirect("desk:article", pk=article.pk)
