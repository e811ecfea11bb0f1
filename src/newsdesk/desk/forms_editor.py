"""The editor's forms (issue 6): the article's fields, and the small forms each workflow action needs.

Forms only check shape (lengths, a real section, a real time); the body's
markup is sanitised by the workflow service when it saves, never here, so
every path that writes an article sanitises the same way.
"""

from __future__ import annotations

from django import forms

from newsdesk.newsroom.models import Article, Section

EDITABLE_FIELDS = ("headline", "section", "dateline", "byline", "credit", "image_caption", "body_html")


class ArticleForm(forms.Form):
    headline = forms.CharField(max_length=500, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    section = forms.ModelChoiceField(queryset=Section.objects.all(), required=False, empty_label="(no section)")
    dateline = forms.CharField(max_length=200, required=False)
    byline = forms.CharField(max_length=300, required=False)
    credit = forms.CharField(max_length=200, required=False)
    image_caption = forms.CharField(label="Lead image caption", max_length=5000, required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    body_html = forms.CharField(label="Body (simple HTML: p, a, em, strong, lists, quotes)", max_length=500_000,
                                widget=forms.Textarea(attrs={"class": "body", "rows": 20, "spellcheck": "true"}))

    @classmethod
    def for_article(cls, article: Article, data=None) -> ArticleForm:
        initial = {name: getattr(article, name) for name in EDITABLE_FIELDS if name != "section"}
        initial["section"] = article.section_id
        return cls(data=data, initial=initial)

    def changes(self, article: Article) -> dict:
        """The cleaned fields whose value differs from the article's: what the service is asked to write."""
        changed = {}
        for name in EDITABLE_FIELDS:
            value = self.cleaned_data[name]
            if value != getattr(article, name):
                changed[name] = value
        return changed


class ActionForm(forms.Form):
    """A field one action needs, rendered inside the editor's one form: not ``required`` in the browser,
    or every other button would be blocked until it is filled (the view checks it when its action is asked)."""

    use_required_attribute = False
    context_name = ""  # the editor template's name for it (re-rendered with its errors when the action is refused)


class ScheduleForm(ActionForm):
    context_name = "schedule_form"
    publish_at = forms.DateTimeField(label="Publish at", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class EmbargoForm(ActionForm):
    context_name = "embargo_form"
    embargo_until = forms.DateTimeField(label="Not before", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class KillForm(ActionForm):
    context_name = "kill_form"
    kill_notice = forms.CharField(label="Kill notice (shown at the article's address)", max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(ActionForm):
    context_name = "correction_form"
    note = forms.CharField(label="Correction note (shown on the public page)", max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
