"""A decoded ninjs item becomes a Draft, or is told apart as a valid item that is no story.

The item's own fields are trusted: the headline, the body (HTML preferred,
then NITF, then plain text split into paragraphs), ``firstCreated`` and
``versionCreated``, ``located`` as the dateline, ``by`` as the byline, the
information source or copyright holder as the credit, the picture association
as the lead photo. The body is sanitised later, in the extract stage, as
every body is.
"""

from __future__ import annotations

from newsdesk.core.draft import Draft, Picture
from newsdesk.core.errors import NotAnArticle
from newsdesk.wire.newsml_codes import section_for_code
from newsdesk.wire.newsml_markup import byline_tidy, html_to_body, nitf_parse, one_line, text_to_html, without_lead_figure
from newsdesk.wire.ninjs_item import Association, NinjsItem, Part

# What each ninjs type is, for the "not an article" sentence.
NOT_STORIES = {
    "picture": "a picture item",
    "graphic": "a graphic item",
    "video": "a video item",
    "audio": "an audio item",
    "event": "an event item",
    "planning": "a planning item",
    "component": "a component (a part of another item)",
}
STORY_TYPES = frozenset({"", "text", "composite"})
WITHDRAWN = {"canceled": "canceled (withdrawn by its provider)", "withheld": "withheld by its provider"}
_SUMMARY_ROLES = frozenset({"", "summary", "abstract", "lead", "teaser", "text", "ingress", "standfirst", "main"})
_CAPTION_ROLES = frozenset({"caption", "text", "", "main"})
_BODY_ROLE_ORDER = ("main", "", "xhtml", "html", "html5", "richhtml5", "text")


def ninjs_draft(item: NinjsItem) -> Draft:
    """The item as a Draft. Raises NotAnArticle for pictures, events, planning, packages and empty items."""
    if (what := not_a_story(item)) is not None:
        raise NotAnArticle(f"{what}, not an article")
    if item.type not in STORY_TYPES:
        raise NotAnArticle(f"a ninjs item of type {item.type!r}, not an article")
    headline = _headline(item)
    summary = _summary(item)
    body_html, nitf_byline = _body(item)
    if not headline:
        raise NotAnArticle(f"a {item.type or 'ninjs'} item with no headline, not an article")
    if not body_html and summary:
        body_html = text_to_html(summary)  # a story sent without its text: the summary is what there is
        summary = ""
    if not body_html:
        what = "a composite item (a package) with no text of its own" if item.type == "composite" else f"a {item.type or 'ninjs'} item with a headline but no body"
        raise NotAnArticle(f"{what}, not an article")
    published = item.first_created or item.version_created
    picture = _picture(item)
    return Draft(
        headline=headline,
        body_html=without_lead_figure(body_html, picture.caption if picture else None),
        section=_section(item),
        published=published,
        updated=item.version_created if item.version_created != published else None,
        dateline=item.located or None,
        byline=byline_tidy(item.byline) or nitf_byline or None,
        credit=next(iter(item.info_sources), None) or item.copyright_holder or None,
        picture=picture,
        language=item.language or "en",
        summary=summary or None,
        guid=item.uri or None,
        version=item.version or None,
        keywords=tuple(dict.fromkeys(subject.name for subject in item.subjects)),
    )


def not_a_story(item: NinjsItem) -> str | None:
    """What the item is when its type says it is no story ("a picture item"), else None."""
    if item.type in NOT_STORIES:
        return NOT_STORIES[item.type]
    if item.is_event or item.is_planning:
        return NOT_STORIES["event" if item.is_event else "planning"]
    if item.pub_status in WITHDRAWN:
        return f"an item {WITHDRAWN[item.pub_status]}"
    return None


def _headline(item: NinjsItem) -> str:
    headlines = sorted(item.headlines, key=lambda p: p.role not in ("main", ""))
    for part in headlines:
        text = one_line(part.value)
        if text:
            return text
    return one_line(item.title)


def _body(item: NinjsItem) -> tuple[str, str]:
    """(body HTML, a byline the NITF body carries): HTML first, then NITF, then plain text."""
    ordered = sorted(item.bodies, key=lambda p: _BODY_ROLE_ORDER.index(p.role) if p.role in _BODY_ROLE_ORDER else len(_BODY_ROLE_ORDER))
    for part in ordered:
        if "html" in part.content_type and (body := html_to_body(part.value)):
            return body, ""
    for part in ordered:
        if "nitf" in part.content_type.lower() and part.value.strip():
            story = nitf_parse(part.value)
            if story.body_html:
                return story.body_html, story.byline
    for part in ordered:
        if part.content_type.startswith("text/plain") and part.value.strip():
            return text_to_html(part.value), ""
    return "", ""


def _summary(item: NinjsItem) -> str:
    for part in item.descriptions:
        if _role(part) in _SUMMARY_ROLES and one_line(part.value):
            return one_line(part.value)
    return ""


def _section(item: NinjsItem) -> str | None:
    """A subject the provider marks as the section, else a top-level IPTC topic; never a mere "about" tag."""
    for subject in item.subjects:
        if subject.rel == "section":
            return subject.name
    return next((s for s in (section_for_code(subject.code) for subject in item.subjects) if s), None)


def _picture(item: NinjsItem) -> Picture | None:
    """The first picture association: its largest image rendition, its caption, its photographer."""
    association = next((a for a in item.associations if a.type == "picture"), None)
    if association is None:
        return None
    caption = _caption(association)
    url = _image_url(association)
    credit = association.byline or _description(association, {"creditline", "credit"}) or association.copyright_holder
    if not url and not caption:
        return None
    return Picture(url=url, caption=caption or None, credit=credit or None)


def _caption(association: Association) -> str:
    return _description(association, {"caption"}) or _description(association, _CAPTION_ROLES) or one_line(association.headline)


def _description(association: Association, roles: set[str] | frozenset[str]) -> str:
    return next((one_line(p.value) for p in association.descriptions if _role(p) in roles and one_line(p.value)), "")


def _image_url(association: Association) -> str | None:
    images = [r for r in association.renditions if _is_web(r.href) and (not r.content_type or r.content_type.startswith("image/"))]
    if images:
        return max(images, key=lambda r: r.width).href
    return association.uri if _is_web(association.uri) else None


def _role(part: Part) -> str:
    return part.role.lower().rsplit(":", 1)[-1]


def _is_web(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))
