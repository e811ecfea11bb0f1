"""Corrections in public: an edit to a published article that says what was wrong, and the diff of any two versions.

``article_correct`` changes a published article like ``article_edit`` and
adds a ``Correction`` (its note, its date, the version it made), which the
public article page shows in a "Correction" box. ``versions_diff`` compares
two versions field by field and the body paragraph by paragraph, word by
word inside a changed paragraph; it returns plain data, so the view renders
it with auto-escaping and no markup from a story ever reaches the page raw.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from lxml import html

from newsdesk.core import clock
from newsdesk.desk.roles import EDITOR, role_check
from newsdesk.desk.workflow import WorkflowError, article_locked, fields_apply
from newsdesk.newsroom.models import Article, ArticleVersion, Correction
from newsdesk.pipeline.changes import change_record

NOTE_MAX = 2000


def article_correct(article: Article, actor: Any, note: str, **fields: Any) -> Correction:
    """Correct a published article: apply ``fields`` (maybe none), keep a version, publish ``note`` with it."""
    role_check(actor, EDITOR, action="correct")
    note = " ".join((note or "").split())
    if not note:
        raise WorkflowError("correction_note_missing", "a correction needs a note saying what was wrong")
    if len(note) > NOTE_MAX:
        raise WorkflowError("correction_note_too_long", f"the correction note is {len(note)} characters; at most {NOTE_MAX}")
    with transaction.atomic():
        locked = article_locked(article)
        if locked.status != Article.Status.PUBLISHED:
            raise WorkflowError("correct_not_allowed", f"only a published article is corrected in public; this one is {locked.status}")
        changed = fields_apply(locked, fields)
        locked.updated_at = clock.now()
        locked.save()
        version = change_record(locked, action="correct", actor=actor, detail={"fields": changed, "note": note})
        correction = Correction.objects.create(
            article=locked, version=version, note=note, created_by=None if isinstance(actor, str) else actor
        )
    article.refresh_from_db()
    return correction


# The diff.

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
# The fields compared, with the label the diff view shows; the body is compared as paragraphs of text.
DIFF_FIELDS = (
    ("headline", "Headline"), ("section_name", "Section"), ("dateline", "Dateline"), ("byline", "Byline"),
    ("credit", "Credit"), ("summary", "Summary"), ("image_caption", "Caption"), ("body_html", "Body"),
)
_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is the same in both versions, or only in the newer (insert) or only in the older (delete)."""

    op: str
    text: str


@dataclass(frozen=True)
class DiffLine:
    """One paragraph (or one field's value): ``equal``, ``insert``, ``delete``, or ``change`` with word segments."""

    op: str
    segments: list[Segment]

    @property
    def text(self) -> str:
        """Every segment's text, removed and added alike (what a one-column view shows, marked up by op)."""
        return "".join(s.text for s in self.segments)

    @property
    def old_text(self) -> str:
        return "".join(s.text for s in self.segments if s.op != INSERT)

    @property
    def new_text(self) -> str:
        return "".join(s.text for s in self.segments if s.op != DELETE)


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.op != EQUAL for line in self.lines)


@dataclass(frozen=True)
class VersionDiff:
    """Two versions compared: ``before`` (the older number) and ``after``, field by field."""

    before: int
    after: int
    fields: list[FieldDiff] = field(default_factory=list)

    @property
    def changed_fields(self) -> list[FieldDiff]:
        return [f for f in self.fields if f.changed]


def body_paragraphs(body_html: str) -> list[str]:
    """The body as paragraphs of plain text (tags gone, entities decoded)."""
    if not body_html or not body_html.strip():
        return []
    paragraphs = []
    for part in html.fragments_fromstring(body_html):
        text = part.text_content() if not isinstance(part, str) else part
        text = " ".join(text.split())
        if text:
            paragraphs.append(text)
    return paragraphs


def _words_diff(old: str, new: str) -> list[Segment]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment(EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment(INSERT, "".join(b[j1:j2])))
    return segments


def lines_diff(old: list[str], new: list[str]) -> list[DiffLine]:
    """Paragraph lists compared: kept, added, removed, or changed (paired one to one, word segments inside)."""
    lines: list[DiffLine] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            lines += [DiffLine(EQUAL, [Segment(EQUAL, text)]) for text in old[i1:i2]]
        elif op == "delete":
            lines += [DiffLine(DELETE, [Segment(DELETE, text)]) for text in old[i1:i2]]
        elif op == "insert":
            lines += [DiffLine(INSERT, [Segment(INSERT, text)]) for text in new[j1:j2]]
        else:
            olds, news = old[i1:i2], new[j1:j2]
            for k in range(max(len(olds), len(news))):
                if k < len(olds) and k < len(news):
                    lines.append(DiffLine("change", _words_diff(olds[k], news[k])))
                elif k < len(olds):
                    lines.append(DiffLine(DELETE, [Segment(DELETE, olds[k])]))
                else:
                    lines.append(DiffLine(INSERT, [Segment(INSERT, news[k])]))
    return lines


def _values(snapshot: dict, name: str) -> list[str]:
    if name == "body_html":
        return body_paragraphs(snapshot.get(name) or "")
    value = " ".join(str(snapshot.get(name) or "").split())
    return [value] if value else []


def versions_diff(a: ArticleVersion, b: ArticleVersion) -> VersionDiff:
    """What changed from the older of ``a`` and ``b`` to the newer (they must be versions of one article)."""
    if a.article_id != b.article_id:
        raise WorkflowError("versions_of_different_articles", "the two versions belong to different articles")
    older, newer = sorted((a, b), key=lambda v: v.number)
    return VersionDiff(
        before=older.number,
        after=newer.number,
        fields=[FieldDiff(name, label, lines_diff(_values(older.snapshot, name), _values(newer.snapshot, name))) for name, label in DIFF_FIELDS],
    )
