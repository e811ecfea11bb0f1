"""The editor's actions, one POST URL each (issue 6): save, submit, publish, schedule, embargo, unpublish, kill,
correct, take or dismiss a held wire update, split a fold.

The actions are a table (``ACTIONS``): each row names its role, its form
and its service from ``desk.workflow`` / ``desk.corrections`` /
``desk.wire_updates`` (which check the role again, sanitise, write the
version and the audit entry in one transaction); one view per row checks the
role, reads the form, calls the service and redirects back to the editor
with a message. ``desk.urls`` mounts ``VIEWS``. A refused action re-renders the
editor with the reason and a 400 (or 409 when the article's state forbids
it), never a half-written record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from newsdesk.core.errors import IngestError
from newsdesk.desk import corrections, wire_updates, workflow
from newsdesk.desk.forms_editor import ActionForm, ArticleForm, CorrectionForm, EmbargoForm, KillForm, ScheduleForm
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


def _action(action: Action):
    """A POST-only view for one action: its ``perform`` returns the success message, or a response of its own."""

    @role_required(action.role)
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        article = article_for_desk(pk)
        try:
            outcome = action.perform(request, article)
        except PermissionDenied:
            raise
        except REFUSALS as error:
            article.refresh_from_db()
            return _refused(request, article, _message(error))
        if isinstance(outcome, HttpResponse):
            return outcome
        messages.success(request, outcome)
        return redirect("desk:article", pk=article.pk)

    view.__name__ = view.__qualname__ = f"article_{action.name}"
    view.__doc__ = f"POST: {action.name} ({action.role}). {action.service.__doc__ or ''}"
    return view


def _edits(request: HttpRequest, article: Article) -> dict | HttpResponse:
    """The form's changed fields, or the editor again with the form's errors (400)."""
    form = ArticleForm.for_article(article, data=request.POST)
    if not form.is_valid():
        return render(request, "desk/editor.html", editor_context(request, article, form), status=400)
    return form.changes(article)


SAVE_FIRST, PASS_ON = "save first", "pass on"  # the article's form: saved before the action, or handed to its service


@dataclass(frozen=True)
class Action:
    """One editor's action: who may, the service it calls, the small form it needs, and what it says when done.

    ``form`` names the action's own form and ``field`` the value passed to the
    service after the actor; ``missing`` is said (400) when that form is bad.
    ``edits``: ``SAVE_FIRST`` saves the article's form first (publishing what
    the editor sees), ``PASS_ON`` passes its changes to the service. ``done``
    is formatted with the form's value. ``not_when``: statuses it refuses (409).
    """

    name: str
    role: str
    service: Callable[..., object]
    done: str
    form: type[ActionForm] | None = None
    field: str = ""
    missing: str = ""
    edits: str = ""
    not_when: tuple[str, ...] = ()

    def perform(self, request: HttpRequest, article: Article) -> HttpResponse | str:
        if article.status in self.not_when:
            return _refused(request, article, f"A {article.status} article is changed by a correction (with a note), not a save.")
        values = ()
        if self.form is not None:
            form = self.form(request.POST)
            if not form.is_valid():
                return _refused(request, article, self.missing, status=400, **{self.form.context_name: form})
            values = (form.cleaned_data[self.field],)
        changes = _edits(request, article) if self.edits else {}
        if isinstance(changes, HttpResponse):
            return changes
        if self.edits == SAVE_FIRST:
            _changes_save(article, request.user, **changes)
            changes = {}
        self.service(article, request.user, *values, **changes)
        return self.done.format(*values)


def _changes_save(article: Article, actor, **changes) -> None:
    """Save the article's form (only what changed; nothing at all when nothing did)."""
    if changes:
        workflow.article_edit(article, actor, **changes)


def _nothing_more(article: Article, actor) -> None:
    """Saving is all a plain save does."""


ACTIONS = (
    Action("save", "contributor", _nothing_more, "Saved.", edits=SAVE_FIRST, not_when=(Article.Status.PUBLISHED, Article.Status.KILLED)),
    Action("submit", "contributor", workflow.article_submit, "Submitted for review.", edits=SAVE_FIRST),
    Action("publish", "editor", workflow.article_publish, "Published.", edits=SAVE_FIRST),
    Action("schedule", "editor", workflow.article_schedule, "Scheduled for {0:%Y-%m-%d %H:%M}.", form=ScheduleForm,
           field="publish_at", missing="Give the time to publish at.", edits=SAVE_FIRST),
    Action("embargo", "editor", workflow.article_embargo, "Embargoed until {0:%Y-%m-%d %H:%M}.", form=EmbargoForm,
           field="embargo_until", missing="Give the time the embargo ends.", edits=SAVE_FIRST),
    Action("unpublish", "editor", workflow.article_unpublish, "Unpublished."),
    Action("kill", "editor", workflow.article_kill, "Killed.", form=KillForm, field="kill_notice", missing="A kill needs a notice for readers."),
    Action("correct", "editor", corrections.article_correct, "Corrected; the note is on the public page.", form=CorrectionForm,
           field="note", missing="A correction needs a note for readers.", edits=PASS_ON),
    Action("wire_take", "editor", wire_updates.wire_update_take, "The wire's update is in the article now."),
    Action("wire_dismiss", "editor", wire_updates.wire_update_dismiss, "The wire's update is set aside; your text stays."),
)
VIEWS = {action.name: _action(action) for action in ACTIONS}


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
