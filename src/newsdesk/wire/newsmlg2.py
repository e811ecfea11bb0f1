"""IPTC NewsML-G2: one structured WireDocument per item (a newsMessage carries several).

Parsed with lxml's hardened parser, elements matched by local name (measured
on the 35 IPTC guideline listings: see docs/formats.md). A text ``newsItem``
becomes a Draft; every other kind of item (pictures, video, packages,
planning, concepts, events, catalogs) is accepted as "not an article". The
IPTC guidelines also print fragments (a ``contentSet`` or ``contentMeta`` on
its own): a fragment with a headline and a body is read like a text item.
"""

from __future__ import annotations

from newsdesk.core import document
from newsdesk.core.document import StructuredDocument, WireDocument
from newsdesk.core.draft import Draft
from newsdesk.core.errors import IngestError, NotAnArticle
from newsdesk.wire.detect import root_element
from newsdesk.wire.newsml_codes import section_for_code
from newsdesk.wire.newsml_markup import local, text_to_html, xml_parse
from newsdesk.wire.newsmlg2_item import G2Item, g2_item_decode

ITEMS = {
    "newsItem": "a news item",
    "packageItem": "a package item (it lists other items)",
    "planningItem": "a planning item",
    "conceptItem": "a concept item (it describes a person, place, event or topic)",
    "knowledgeItem": "a knowledge item (a set of concepts)",
    "catalogItem": "a catalog item (a list of vocabularies)",
}
FRAGMENTS = frozenset({"contentSet", "contentMeta", "groupSet"})
MESSAGE = "newsMessage"
# What a newsItem's itemClass (ninat:…) says it is, when it is no story.
ITEM_CLASSES = {
    "picture": "a picture item",
    "graphic": "a graphic item",
    "video": "a video item",
    "audio": "an audio item",
    "composite": "a composite item (several parts, no story of its own)",
    "interactive": "an interactive item",
}
WITHDRAWN = {"canceled": "canceled (withdrawn by its provider)", "withheld": "withheld by its provider"}


def looks_like_newsml_g2(text: str) -> bool:
    """A NewsML-G2 item or news message by its root element (or a guideline fragment's)."""
    root = root_element(text)
    if root is None:
        return False
    name = root.rsplit(":", 1)[-1]
    return name in ITEMS or name == MESSAGE or name in FRAGMENTS


def newsml_g2_read(text: str, *, origin: str) -> list[WireDocument]:
    """One document per item. Raises IngestError('invalid_newsml' | 'no_article', …)."""
    root = xml_parse(text, what="NewsML-G2", reason="invalid_newsml")
    if local(root) == MESSAGE:
        items = [item for item_set in root if local(item_set) == "itemSet" for item in item_set if local(item) in ITEMS]
        if not items:
            raise IngestError("no_article", "no article: the NewsML-G2 news message carries no items")
    elif local(root) in ITEMS or local(root) in FRAGMENTS:
        items = [root]
    else:
        raise IngestError("unknown_format", f"unknown format: XML with root element <{local(root)}>, not a NewsML-G2 item")
    return [_document(g2_item_decode(item)) for item in items]


def _document(item: G2Item) -> WireDocument:
    meta = {"format": "newsml-g2"}
    try:
        draft = g2_draft(item)
    except NotAnArticle as outcome:
        if item.pub_status in WITHDRAWN and item.guid:
            meta |= {document.WITHDRAWN: item.pub_status, document.WITHDRAWN_ID: item.guid}
        return StructuredDocument(text="", meta={**meta, "not_an_article": outcome.message})
    return StructuredDocument(text=draft.body_html, meta=meta, draft=draft)


def g2_draft(item: G2Item) -> Draft:
    """The item as a Draft. Raises NotAnArticle for every item that is no text story."""
    _check_is_story(item)
    headline = item.headline or item.nitf.headline
    summary = item.summary or item.nitf.summary
    body_html = item.body_html
    if not body_html and summary:
        body_html, summary = text_to_html(summary), ""  # a story sent without its text: the summary is what there is
    if not headline or not body_html:
        raise NotAnArticle(_missing(item, headline=bool(headline)))
    published = item.first_created or item.content_created or item.version_created
    return Draft(
        headline=headline,
        body_html=body_html,
        section=next((s for s in (section_for_code(subject.code) for subject in item.subjects) if s), None),
        published=published,
        updated=item.version_created if item.version_created != published else None,
        dateline=item.located or item.dateline or item.nitf.dateline or None,
        byline=", ".join(item.creators) or item.nitf.byline or None,
        credit=item.credit or None,
        language=item.language or "en",
        summary=summary or None,
        guid=item.guid or None,
        version=item.version or None,
        keywords=tuple(dict.fromkeys(subject.name for subject in item.subjects if subject.name)),
    )


def _check_is_story(item: G2Item) -> None:
    if item.kind in FRAGMENTS and not (item.body_html or item.nitf.body_html):
        raise NotAnArticle(f"a NewsML-G2 <{item.kind}> fragment with no story text, not a whole item or an article")
    if item.kind in ITEMS and item.kind != "newsItem":
        raise NotAnArticle(f"{ITEMS[item.kind]}, not an article")
    if item.item_class in ITEM_CLASSES:
        raise NotAnArticle(f"{ITEM_CLASSES[item.item_class]}, not an article")
    if item.item_class not in ("", "text"):
        raise NotAnArticle(f"a news item of class {item.item_class!r}, not an article")
    if item.pub_status in WITHDRAWN:
        raise NotAnArticle(f"a news item {WITHDRAWN[item.pub_status]}, not an article to publish")


def _missing(item: G2Item, *, headline: bool) -> str:
    what = "a text item" if item.item_class == "text" else "a news item without itemClass"
    if not headline and not item.body_html:
        return f"{what} that has no headline and no story text, not an article"
    if not headline:
        return f"{what} that has no headline, not an article"
    unread = [t for t in item.content_types if "html" not in t and "nitf" not in t and not t.startswith("text/plain")]
    if unread:
        return f"{what} whose content is {', '.join(unread)} (not XHTML, NITF or text) and that has no summary, not an article"
    return f"{what} that has a headline but no story text (a headline-only item), not an article"
