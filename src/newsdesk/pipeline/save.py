"""article_save: turn a Draft into an Article, a new version, or nothing at all.

Idempotence is a database unique key, not a lookup (issue 3 point 6): the
item's key is (source, provider id), falling back to its canonical URL, then
to a hash of headline and date; the article is inserted on conflict and then
locked, so a retried task, a re-sent file or two workers racing on the same
item all end with one article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.core.draft import Draft
from newsdesk.core.ninjs import web_url
from newsdesk.newsroom.models import Article, ArticleVersion, RawItem, Section, Source, ViewCount

SaveOutcome = Literal["created", "updated", "unchanged"]

# The fields a version snapshot keeps: everything an editor or reader sees.
VERSIONED_FIELDS = (
    "headline", "section_name", "published_at", "updated_at", "dateline", "byline", "credit",
    "original_url", "image_url", "image_caption", "image_credit", "summary", "body_html", "language",
)


_sections_seen: ContextVar[dict[str, Section] | None] = ContextVar("sections_seen", default=None)


@contextmanager
def sections_remembered() -> Iterator[None]:
    """Within the block, each section is read once: a feed's hundred entries name a handful of sections.

    Scoped to one run (one transaction's worth of work), never to the process, so a section renamed or
    deleted meanwhile is never saved against from memory.
    """
    token = _sections_seen.set({})
    try:
        yield
    finally:
        _sections_seen.reset(token)


def section_for(name: str | None) -> Section | None:
    """The section called ``name``, created on first sight (insert-on-conflict on the slug)."""
    if not name or not name.strip():
        return None
    name = name.strip()
    slug = slugify(name)[:100] or "news"
    seen = _sections_seen.get()
    if seen is not None and slug in seen:
        return seen[slug]
    known = Section.objects.filter(slug=slug).first()  # read first: most saves name a known section, and a read takes no write lock
    if known is not None:
        if seen is not None:
            seen[slug] = known  # only what was read is remembered: one created here may yet be rolled back with its item
        return known
    Section.objects.bulk_create([Section(name=name, slug=slug)], ignore_conflicts=True)
    return Section.objects.get(slug=slug)


# Query parameters that only track who clicked: dropped from the canonical URL.
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


@dataclass(frozen=True)
class ItemKey:
    """Which unique key identifies an item, and its value (``wire_key`` is its hash)."""

    provider_id: str
    canonical_url: str
    wire_key: str


def url_canonical(url: str | None) -> str:
    """The URL as an identity: http(s) only, host lower-cased, default port, fragment and tracking parameters dropped."""
    url = web_url(url)
    if not url:
        return ""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}[parts.scheme.lower()]
    netloc = host if parts.port in (None, default_port) else f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING_PARAMS)]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def item_key(draft: Draft, *, source: Source | None) -> ItemKey:
    """(source, provider id), else the canonical URL, else headline + date: the first the item has.

    The source is named by its slug, so a source removed and added again under
    the same name finds its old articles instead of doubling them.
    """
    provider_id = (draft.guid or "").strip()[:500]
    canonical = url_canonical(draft.original_url)
    if provider_id:
        basis = f"id\n{source.slug if source else ''}\n{provider_id}"
    elif canonical:
        basis = f"url\n{canonical}"
    else:
        when = draft.published.isoformat() if draft.published else ""
        basis = f"headline\n{' '.join(draft.headline.split()).casefold()}\n{when}"
    return ItemKey(provider_id, canonical, hashlib.sha256(basis.encode("utf-8")).hexdigest())


def article_for(draft: Draft, *, source: Source | None) -> Article | None:
    """The article this item already is, if any."""
    return Article.objects.filter(wire_key=item_key(draft, source=source).wire_key).first()


def article_fields(draft: Draft, section: Section | None) -> dict:
    """The article columns a draft sets: what the save writes, and what a held wire update offers the desk."""
    picture = draft.picture
    return {
        "headline": draft.headline,
        "slug": (slugify(draft.headline)[:120].rstrip("-") or "article"),
        "section": section,
        "updated_at": draft.updated if draft.updated and draft.updated != draft.published else None,
        "dateline": draft.dateline or "",
        "byline": draft.byline or "",
        "credit": draft.credit or "",
        "original_url": web_url(draft.original_url) or "",
        "image_url": _image_url(picture.url if picture else None),
        "image_caption": (picture.caption if picture else None) or "",
        "image_credit": (picture.credit if picture else None) or "",
        "summary": draft.summary or "",
        "body_html": draft.body_html,
        "language": draft.language,
        "source_view_count": draft.source_view_count,
    }


def draft_hash(draft: Draft) -> str:
    """The copy's fingerprint as sent: an item re-sent unchanged hashes the same and changes nothing."""
    basis = {k: str(v) for k, v in sorted(vars(draft).items())}
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()


def snapshot(article: Article) -> dict:
    return {
        name: (
            (article.section.name if article.section else None)
            if name == "section_name"
            else (value.isoformat() if hasattr((value := getattr(article, name)), "isoformat") else value)
        )
        for name in VERSIONED_FIELDS
    }


def article_save(*, draft: Draft, source: Source | None, raw_item: RawItem | None, publish: bool = True) -> tuple[Article, SaveOutcome]:
    """Create, update or leave an article; every change writes an ArticleVersion in the same transaction."""
    key = item_key(draft, source=source)
    content_hash = draft_hash(draft)
    section = section_for(draft.section)
    fields = fields_fit(article_fields(draft, section))
    # No savepoint of its own: the pipeline calls this inside its per-document savepoint, which already
    # undoes a failed save (two statements saved per item); called alone, this opens the transaction.
    with transaction.atomic(savepoint=False):
        Article.objects.bulk_create(
            [
                Article(
                    wire_key=key.wire_key,
                    provider_id=key.provider_id.replace("\x00", "")[:500],
                    canonical_url=key.canonical_url.replace("\x00", ""),
                    content_hash=content_hash,
                    source=source,
                    raw_item=raw_item,
                    published_at=draft.published or timezone.now(),
                    status=Article.Status.PUBLISHED if publish else Article.Status.DRAFT,
                    **fields,
                )
            ],
            ignore_conflicts=True,
        )
        article = Article.objects.select_for_update(of=("self",)).select_related("section").get(wire_key=key.wire_key)
        last = article.versions.order_by("-number").first()
        if last is None:
            ViewCount.objects.bulk_create([ViewCount(article=article)], ignore_conflicts=True)
            _version_add(article, number=1, raw_item=raw_item, reason="ingest", draft=draft)
            return article, "created"
        if article.content_hash == content_hash or wire_version_is_older(draft, last.snapshot):
            return article, "unchanged"
        for name, value in fields.items():
            setattr(article, name, value)
        if draft.published:
            article.published_at = draft.published
        article.updated_at = draft.updated or timezone.now()
        article.content_hash = content_hash
        article.raw_item = raw_item
        article.save()
        _version_add(article, number=last.number + 1, raw_item=raw_item, reason="wire update", draft=draft)
        return article, "updated"


def _version_add(article: Article, *, number: int, raw_item: RawItem | None, reason: str, draft: Draft) -> None:
    """Keep the article as it now is, with the provider's version, so a late older version can be told apart."""
    kept = snapshot(article) | {
        "wire_version": draft.version,
        "wire_version_created": draft.updated.isoformat() if draft.updated else None,
    }
    ArticleVersion.objects.create(article=article, number=number, snapshot=kept, raw_item=raw_item, reason=reason)


def wire_version_is_older(draft: Draft, kept: dict) -> bool:
    """True when the item is an older version than the one saved (issue 3 point 3): it must not overwrite it.

    Versions are compared as numbers when both are (ninjs ``version``, G2
    ``@version``, NewsML 1.2 ``RevisionId``), else by ``versionCreated``.
    """
    mine, theirs = draft.version, kept.get("wire_version")
    if mine and theirs and str(mine).isdigit() and str(theirs).isdigit():
        return int(mine) < int(theirs)
    stamp = kept.get("wire_version_created")
    if draft.updated and stamp:
        return draft.updated < datetime.fromisoformat(stamp)
    return False


def _image_url(url: str | None) -> str:
    """An http(s) image, or one on our own site (`/static/…`, an upload); anything else is dropped."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return web_url(url) or ""


def fields_fit(fields: dict) -> dict:
    """Text as every database stores it: no NUL bytes (PostgreSQL refuses them), cut to the column's length."""
    fitted = {}
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.replace("\x00", "")
            limit = Article._meta.get_field(name).max_length
            if limit:
                value = value[:limit]
        fitted[name] = value
    return fitted
