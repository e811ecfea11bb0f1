"""A published article as IPTC ninjs 3.1, the JSON API's article document.

``core.ninjs`` writes a Draft as it came off the wire; this writes the
article as we publish it: its ``uri`` is our canonical page, every link is
absolute (the API is read away from the site), and the dateline and credit
stay in their own fields (``located``, ``infoSources``) instead of the body.
Every document validates against the shipped ninjs 3.1 schema, URIs
included (tests/api/test_ninjs_out.py checks each article of its test set).

Properties written (https://www.iptc.org/std/ninjs/userguide/):

- ``uri`` the canonical page; ``renditions`` the same page as ``text/html``;
  ``altIds`` our id (``newsdesk-id``, the ``{id}`` of ``/api/v1/articles/{id}``),
  the provider's id and the original URL of syndicated copy;
- ``headlines``, ``descriptions`` (summary), ``bodies`` (sanitised HTML with
  its character and word counts), ``language``;
- ``firstCreated`` (published), ``versionCreated`` (the wire's last update);
- ``located`` (dateline), ``by`` (byline), ``infoSources`` (credit);
- ``subjects``: the section (``rel`` ``section``, ``literal`` its slug);
- ``associations``: the lead picture with caption, credit and absolute URL.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from newsdesk.core.ninjs import NINJS_PROFILE, body_text, web_url
from newsdesk.newsroom.models import Article
from newsdesk.publish.article import credit_for
from newsdesk.publish.links import absolute_url, shown_url
from newsdesk.publish.standfirst import standfirst
from newsdesk.publish.uri import strict_uri

NINJS_STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}
ID_ROLE = "newsdesk-id"


def article_to_ninjs(article: Article, base_url: str) -> dict[str, Any]:
    """The article as a ninjs 3.1 text item; ``base_url`` is the site's origin ("https://news.example/").

    Reads ``article.section`` and ``article.source``: select them with the article.
    """
    page = strict_uri(absolute_url(article.get_absolute_url(), origin=base_url))
    assert page is not None, f"the site's own URL is not a URI: {base_url!r}"
    text = body_text(article.body_html)
    item: dict[str, Any] = {
        "uri": page,
        "standard": NINJS_STANDARD,
        "type": "text",
        "profile": NINJS_PROFILE,
        "representationType": "full",
        "pubStatus": "usable",
        "firstCreated": _when(article.published_at),
        "versionCreated": _when(article.updated_at or article.published_at),
        "headlines": [{"role": "main", "contentType": "text/plain", "value": article.headline}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": standfirst(article)}],
        "bodies": [{
            "role": "main",
            "contentType": "text/html",
            "value": article.body_html,
            "charCount": len(text),
            "wordCount": len(text.split()),
        }],
        "renditions": [{"name": "page", "href": page, "contentType": "text/html"}],
        "altIds": _alt_ids(article),
    }
    if article.language:
        item["language"] = article.language
    if article.dateline:
        item["located"] = article.dateline
    if article.byline:
        item["by"] = article.byline
    credit = credit_for(article)
    if credit:
        item["infoSources"] = [{"name": credit, "role": "source"}]
    if article.section_id and article.section:
        item["subjects"] = [_section_subject(article, base_url)]
    picture = _lead_picture(article, base_url)
    if picture:
        item["associations"] = [picture]
    return item


def _when(value: datetime) -> str:
    """RFC 3339 in UTC with ``Z``, as ninjs ``format: date-time`` wants."""
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _alt_ids(article: Article) -> list[dict[str, str]]:
    ids = [{"role": ID_ROLE, "value": str(article.pk)}]
    if article.provider_id:
        ids.append({"role": "provider-id", "value": article.provider_id})
    original = web_url(article.original_url)
    if original:
        ids.append({"role": "original-url", "value": original})
    return ids


def _section_subject(article: Article, base_url: str) -> dict[str, str]:
    section = article.section
    subject = {"name": section.name, "rel": "section", "literal": section.slug}
    page = strict_uri(absolute_url(section.get_absolute_url(), origin=base_url))
    if page:
        subject["uri"] = page
    return subject


def _lead_picture(article: Article, base_url: str) -> dict[str, Any] | None:
    """The lead photo as a ``picture`` association; a caption with no usable URL keeps an urn."""
    shown = shown_url(article.image_url)
    href = strict_uri(absolute_url(shown, origin=base_url)) if shown else None
    if href is None and not article.image_caption:
        return None
    picture: dict[str, Any] = {
        "name": "lead-image",
        "rel": "lead-image",
        "uri": href or f"urn:newsdesk:picture:{article.pk}",
        "type": "picture",
    }
    if article.image_caption:
        picture["descriptions"] = [{"role": "caption", "contentType": "text/plain", "value": article.image_caption}]
    if article.image_credit:
        picture["by"] = article.image_credit
    if href:
        picture["renditions"] = [{"name": "original", "href": href}]
    return picture
