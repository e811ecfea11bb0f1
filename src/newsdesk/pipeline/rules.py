"""A source's find-and-replace rules (``newsroom.SourceRule``), applied to its copy on ingest.

An agency's house style ("Kyiv" for "Kiev"), a boilerplate line to drop:
each rule replaces a literal text, in its position order, in the headline,
the summary, the caption and the body's text. In the body only text is
touched, never markup (a rule for "p" must not rewrite ``<p>``), and the
replacement is text too: a rule cannot add a tag or a link. The body is
sanitised again afterwards, as every body is last.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lxml import html

from newsdesk.core.draft import Draft, Picture
from newsdesk.extract.sanitise import body_sanitise
from newsdesk.newsroom.models import Source, SourceRule


_rules_seen: ContextVar[dict[int, list[tuple[str, str]]] | None] = ContextVar("rules_seen", default=None)


@contextmanager
def rules_remembered() -> Iterator[None]:
    """Within the block, each source's rules are read once (a feed's entries share one source's rules)."""
    token = _rules_seen.set({})
    try:
        yield
    finally:
        _rules_seen.reset(token)


def source_rules(source: Source) -> list[tuple[str, str]]:
    """The source's rules as (find, replace), in order; rules with nothing to find are ignored."""
    seen = _rules_seen.get()
    if seen is not None and source.pk in seen:
        return seen[source.pk]
    rules = [(find, replace) for find, replace in SourceRule.objects.filter(source=source).values_list("find", "replace") if find]
    if seen is not None:
        seen[source.pk] = rules
    return rules


def text_replace(text: str | None, rules: list[tuple[str, str]]) -> str | None:
    if not text:
        return text
    for find, replace in rules:
        text = text.replace(find, replace)
    return text


def body_replace(body_html: str, rules: list[tuple[str, str]]) -> str:
    """The rules applied to the text of ``body_html`` (text nodes only), then sanitised again."""
    if not body_html:
        return body_html
    root = html.fragment_fromstring(body_html, create_parent="div")
    changed = False
    for element in root.iter():
        if isinstance(element.tag, str):  # not a comment or processing instruction
            replaced = text_replace(element.text, rules)
            changed |= replaced != element.text
            element.text = replaced
        replaced = text_replace(element.tail, rules) if element is not root else element.tail
        changed |= replaced != element.tail
        element.tail = replaced
    if not changed:
        return body_html
    serialised = html.tostring(root, encoding="unicode", method="html")
    return body_sanitise(serialised.removeprefix("<div>").removesuffix("</div>"))


def source_rules_apply(draft: Draft, source: Source | None) -> Draft:
    """``draft`` with ``source``'s rules applied (the same draft when it has none)."""
    if source is None or source.pk is None:
        return draft
    rules = source_rules(source)
    if not rules:
        return draft
    picture = draft.picture
    if picture is not None and picture.caption:
        picture = Picture(url=picture.url, caption=text_replace(picture.caption, rules), credit=picture.credit)
    return draft.with_changes(
        headline=text_replace(draft.headline, rules) or draft.headline,
        summary=text_replace(draft.summary, rules),
        body_html=body_replace(draft.body_html, rules),
        picture=picture,
    )
