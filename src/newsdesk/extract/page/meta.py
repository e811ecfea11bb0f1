"""The news fields of an article page: headline, section, dates, byline, site name.

Each field is read from an ordered list of sources (OpenGraph/article meta,
JSON-LD, the page's own markup, then trafilatura's guess), because no CMS
fills them all and the first source a site fills is usually its best.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from lxml import etree

from newsdesk.extract import clutter, vocab
from newsdesk.extract.blocks import byline_clean
from newsdesk.extract.byline import byline_parse
from newsdesk.extract.dates import date_parse
from newsdesk.extract.page import jsonld
from newsdesk.extract.page.jsonld import JsonLd
from newsdesk.extract.sanitise import plain_text
from newsdesk.extract.section import section_canonical, section_from_trail

_SITE_MAX_WORDS = 5
_LINK_TRAIL_XPATH = "//body//*[self::div or self::nav or self::p or self::span][count(a) >= 2]"
_TRAIL_MAX_CHARS = 200
_BYLINE_XPATH = "//*[contains(translate(@class, 'BYLINE', 'byline'), 'byline') or contains(@class, 'author')]"
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_BREADCRUMB_XPATH = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or translate(@aria-label, 'BREADCRUMB', 'breadcrumb') = 'breadcrumb']"
)
_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$")

PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate", "date",
    "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
)
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl")


@dataclass(frozen=True)
class PageMeta:
    """What the page says about its article, beside the body."""

    headline: str | None = None
    section: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    byline: str | None = None
    site_name: str | None = None
    summary: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()


def meta_values(tree: etree._Element) -> dict[str, str]:
    """Every <meta> by its property/name/itemprop (lower case), the first value of each kept."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), " ".join(content.split()))
    return values


def page_meta(tree: etree._Element, *, meta: dict[str, str], ld: JsonLd, extracted: Any) -> PageMeta:
    """The news fields, each from the first source that has it."""
    article = ld.article
    h1 = _h1(tree)
    site_name = (
        meta.get("og:site_name") or _first(jsonld.names(_get(article, "publisher"))) or meta.get("application-name")
        or _title_site(tree, h1) or _site_not_domain(getattr(extracted, "sitename", None))
    )
    headline = headline_clean(
        meta.get("og:title") or jsonld.text(article.get("headline")) or h1 or _title(tree) or getattr(extracted, "title", None),
        h1=h1,
        site_name=site_name,
    )
    published = _first_date(_published_values(tree, meta=meta, article=article, extracted=extracted))
    updated = _first_date([meta.get(k) for k in UPDATED_META] + [article.get("dateModified")])
    return PageMeta(
        headline=headline,
        section=_section(tree, meta=meta, ld=ld, extracted=extracted, headline=headline, site_name=site_name),
        published=published,
        updated=updated if updated and updated != published else None,
        byline=_byline(tree, meta=meta, ld=ld, extracted=extracted),
        site_name=site_name,
        summary=meta.get("og:description") or meta.get("description") or jsonld.text(article.get("description")),
        language=_language(tree, meta=meta),
        keywords=_keywords(meta, article),
    )


def headline_clean(value: str | None, *, h1: str | None, site_name: str | None) -> str | None:
    """The headline without the " | Site name" a CMS appends to titles."""
    if not value:
        return None
    headline = plain_text(value)
    if h1 and headline != h1 and headline.startswith(h1) and headline[len(h1) :].startswith(_SUFFIX_SEPARATORS):
        return h1
    for separator in _SUFFIX_SEPARATORS:
        head, found, tail = headline.rpartition(separator)
        named = bool(site_name) and tail.strip().casefold() == str(site_name).casefold()
        if found and head and (named or (separator == " | " and len(tail) <= 40)):
            return head.strip()
        first, found, rest = headline.partition(separator)
        if found and rest and site_name and first.strip().casefold() == site_name.casefold():
            return rest.strip()
    return headline or None


def date_value(value: Any) -> datetime | None:
    """A date as an aware datetime (newsdesk.extract.dates reads the many ways pages print them)."""
    if not isinstance(value, str) or not value.strip():
        return None
    when = date_parse(value.strip())
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


def _first_date(values: Iterable[Any]) -> datetime | None:
    for value in values:
        when = date_value(value)
        if when is not None:
            return when
    return None


def _published_values(tree: etree._Element, *, meta: dict[str, str], article: dict[str, Any], extracted: Any) -> Iterator[Any]:
    """The publication date's sources in order, each read only when the ones before it gave no date."""
    yield from (meta.get(key) for key in PUBLISHED_META)
    yield article.get("datePublished")
    yield _time_datetime(tree)
    yield getattr(extracted, "date", None)


def _section(tree: etree._Element, *, meta: dict[str, str], ld: JsonLd, extracted: Any, headline: str | None, site_name: str | None) -> str | None:
    """article:section or JSON-LD's, else the desk of the breadcrumb trail (its first item after Home)."""
    direct = meta.get("article:section") or jsonld.text(ld.article.get("articleSection"))
    if direct:
        return section_canonical(plain_text(direct).split(",")[0])
    for trail in (lambda: ld.breadcrumbs, lambda: _html_breadcrumbs(tree)):  # the page's, when JSON-LD's gives none
        found = section_from_trail(list(trail()), headline=headline or "", site_name=site_name)
        if found:
            return found
    categories = getattr(extracted, "categories", None) or []
    return section_canonical(plain_text(categories[0])) if categories else None


def _title_site(tree: etree._Element, h1: str | None) -> str | None:
    """The site's name a CMS appends to the page title ("Headline — Meridian Health Post")."""
    title = _title(tree)
    if not title or not h1 or not title.startswith(h1):
        return None
    rest = title[len(h1):]
    for separator in _SUFFIX_SEPARATORS:
        if rest.startswith(separator):
            name = rest[len(separator):].strip()
            return name if 0 < len(name.split()) <= _SITE_MAX_WORDS else None
    return None


def _site_not_domain(name: str | None) -> str | None:
    """trafilatura's site name, unless it is only the host name (never a credit a reader should see)."""
    if not name or (" " not in name.strip() and "." in name):
        return None
    return name


def _html_breadcrumbs(tree: etree._Element) -> tuple[str, ...]:
    """The trail in an element marked as a breadcrumb, else a short line of links printed as one ("TOP > Tech > Energy")."""
    for trail in tree.xpath(_BREADCRUMB_XPATH):
        items = trail.xpath(".//li") or trail.xpath(".//a")
        crumbs = tuple(text for item in items if (text := " ".join("".join(item.itertext()).split())))
        if crumbs:
            return crumbs
    for trail in tree.xpath(_LINK_TRAIL_XPATH):
        text = " ".join("".join(trail.itertext()).split())
        items = clutter.breadcrumb(text) if len(text) <= _TRAIL_MAX_CHARS else None
        if items and clutter.line_key(items[0]) in vocab.HOME_CRUMBS:
            return tuple(items)
    return ()


def _byline(tree: etree._Element, *, meta: dict[str, str], ld: JsonLd, extracted: Any) -> str | None:
    """The authors from JSON-LD or meta tags, else the byline printed on the page.

    Fields that hold only the byline are kept as given when they are no
    name ("Ledger staff"); a printed byline element also holds dates and
    labels, so it counts only when it parses as a byline.
    """
    found = next((b for c in _byline_fields(tree, meta=meta, ld=ld) if (b := byline_clean(c))), None)
    if found:
        return found
    for element in tree.xpath(_BYLINE_XPATH)[:3]:
        parsed = byline_parse(_text_before_time(element))
        if parsed:
            return parsed
    return byline_clean(getattr(extracted, "author", None))


def _byline_fields(tree: etree._Element, *, meta: dict[str, str], ld: JsonLd) -> Iterator[str | None]:
    """The fields that hold only the byline, in order; the page is searched only when JSON-LD and the meta tags have none."""
    yield ", ".join(jsonld.names(ld.article.get("author")))
    yield from (meta.get(key) for key in AUTHOR_META)
    yield from ("".join(a.itertext()) for a in tree.xpath("//*[@rel='author']")[:1])
    yield from ("".join(e.itertext()) for e in tree.xpath("//*[@itemprop='author']//*[@itemprop='name']")[:1])


def _text_before_time(element: etree._Element) -> str:
    """A byline element's text up to its first <time> ("By Jane Doe, AP · <time>…" → "By Jane Doe, AP ·")."""
    clone = copy.deepcopy(element)
    stop = next(clone.iter("time"), None)
    node = stop
    while node is not None and node is not clone:
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node.tail = None
        node = parent
    if stop is not None and stop.getparent() is not None:
        stop.getparent().remove(stop)
    return " ".join("".join(clone.itertext()).split())


def _keywords(meta: dict[str, str], article: dict[str, Any]) -> tuple[str, ...]:
    raw = meta.get("news_keywords") or meta.get("keywords") or article.get("keywords") or ""
    values = raw if isinstance(raw, list) else str(raw).split(",")
    seen: dict[str, str] = {}
    for value in values:
        name = " ".join(str(value).split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())[:20]


def _language(tree: etree._Element, *, meta: dict[str, str]) -> str | None:
    for value in (tree.get("lang"), meta.get("og:locale"), meta.get("content-language")):
        if value and _LANGUAGE.match(value.strip()):
            return value.strip().replace("_", "-")
    return None


def _h1(tree: etree._Element) -> str | None:
    for h1 in tree.xpath("//article//h1") + tree.xpath("//h1"):
        text = " ".join("".join(h1.itertext()).split())
        if text:
            return text
    return None


def _title(tree: etree._Element) -> str | None:
    titles = tree.xpath("//head/title/text()") or tree.xpath("//title/text()")
    return " ".join(str(titles[0]).split()) if titles else None


def _time_datetime(tree: etree._Element) -> str | None:
    """The first <time datetime> in the article (or the page), preferring one marked pubdate."""
    for xpath in ("//time[@pubdate][@datetime]", "//article//time[@datetime]", "//time[@datetime]"):
        found = tree.xpath(xpath)
        if found:
            return found[0].get("datetime")
    return None


def _get(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


def _first(values: list[str]) -> str | None:
    return values[0] if values else None
