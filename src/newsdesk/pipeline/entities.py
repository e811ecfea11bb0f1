"""Entities, mentions and quotes of an article: the enrich stage's findings saved and merged across the archive.

``article_enrich`` runs as a task per article (``jobs.ARTICLE_ENRICH``): NER
costs ~0.1–0.2 s an article, more than the rest of ingest together, so it
never holds up a save (issue 4 point 3; docs/performance.md). An entity is
matched across the archive by its URI (Wikidata or GeoNames), its canonical
name, or a name it is known by ("Xi" ↔ "Xi Jinping"); the fuller name wins.
Without a spaCy model ingest goes on: a warning is logged once, no entities.
"""

from __future__ import annotations

import logging
import re
import time

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from newsdesk import enrich
from newsdesk.core.ninjs import body_text
from newsdesk.newsroom.models import Article, Entity, EntityAlias, Mention, Quote
from newsdesk.pipeline.stories import story_refine
from newsdesk.pipeline.warm import warm_get
from newsdesk.publish.bake import article_coverage_invalidate

log = logging.getLogger(__name__)
_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_warned: set[str] = set()
AVAILABLE_RECHECK = 60.0  # seconds a model's presence is trusted: looking for it scans the import path, twice per saved article
_available: dict[str | None, tuple[float, bool]] = {}


def recognizer_or_none() -> enrich.Recognizer | None:
    """The configured spaCy model, or None after one warning naming what to install (ingest goes on without entities)."""
    model = settings.SPACY_MODEL or None
    try:
        return enrich.load_recognizer(model)
    except enrich.ModelMissing as missing:
        if missing.message not in _warned:
            _warned.add(missing.message)
            log.warning("entities skipped: %s", missing.message)
        return None


def model_available() -> bool:
    """Whether the configured model is installed (cheap: no loading); False after one warning naming what to install."""
    if not settings.ENRICH:
        return False
    model = settings.SPACY_MODEL or None
    checked = _available.get(model)
    if checked is not None and time.monotonic() - checked[0] < AVAILABLE_RECHECK:
        return checked[1]
    available = enrich.model_installed(model) is not None or recognizer_or_none() is not None
    _available[model] = (time.monotonic(), available)
    return available


def article_paragraphs(article: Article) -> list[str]:
    """The article's body as plain paragraphs (what the enrich stage and the fingerprint read)."""
    return [text for p in _PARAGRAPH.findall(article.body_html) if (text := body_text(p))] or [body_text(article.body_html)]


def article_enrich(*, article_id: int) -> str:
    """Find and save the article's entities, mentions and quotes; a re-run replaces them."""
    recognizer = recognizer_or_none()
    if recognizer is None:
        return "skipped: no spaCy model"
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "skipped: the article is gone"
    text = enrich.article_text(article.headline, article_paragraphs(article), dateline=article.dateline or None, credit=article.credit or None)
    found = enrich.enrich_article(text, recognizer=recognizer)
    with transaction.atomic():
        Mention.objects.filter(article=article).delete()
        Quote.objects.filter(article=article).delete()
        saved = {(e.kind, e.name): entity_merge(e) for e in found.entities}
        mentions: dict[int, Mention] = {}
        for e in found.entities:
            entity = saved[(e.kind, e.name)]
            kept = mentions.get(entity.pk)
            if kept is None or e.salience > kept.salience:
                mentions[entity.pk] = Mention(
                    article=article, entity=entity, salience=e.salience, rel=e.rel, description=(e.description or "")[:300],
                )
        Mention.objects.bulk_create(mentions.values())
        people = {name: entity for (kind, name), entity in saved.items() if kind == "person"}
        Quote.objects.bulk_create(
            Quote(
                article=article, speaker=people.get(q.speaker) if q.speaker else None, speaker_name=(q.speaker or "")[:300],
                text=q.text, paragraph=q.paragraph, position=i,
            )
            for i, q in enumerate(found.quotes)
        )
        names = {kind: frozenset(e.name for (k, _), e in saved.items() if k == kind) for kind in ("person", "organisation", "place")}
        story_refine(article, warm=warm_get(), names=names)
        article_coverage_invalidate(article_id=article.pk)  # bulk_create sends no signal: its baked page must show them
    return f"{len(mentions)} entities, {len(found.quotes)} quotes"


def entity_merge(found: enrich.Entity) -> Entity:
    """The archive's entity for one the article found: by URI, name or alias, else a new one; aliases are learned."""
    names = {found.name, *found.aliases}
    known = _entity_match(found, names)
    if known is None:
        Entity.objects.bulk_create(
            [Entity(kind=found.kind, name=found.name[:300], slug=_slug_free(found.name), uri=found.uri or "", description=(found.description or "")[:300])],
            ignore_conflicts=True,
        )
        known = Entity.objects.get(kind=found.kind, name=found.name[:300])
    changed = []
    if len(found.name) > len(known.name) and known.name in names and not Entity.objects.filter(kind=found.kind, name=found.name).exists():
        known.name = found.name[:300]  # "Xi" seen first, "Xi Jinping" later: the fuller name is the canonical one
        changed.append("name")
    if found.uri and not known.uri:
        known.uri, changed = found.uri, [*changed, "uri"]
    if found.description and not known.description:
        known.description, changed = found.description[:300], [*changed, "description"]
    if changed:
        known.save(update_fields=changed)
    EntityAlias.objects.bulk_create(
        [EntityAlias(entity=known, alias=name[:300]) for name in names if name != known.name], ignore_conflicts=True,
    )
    return known


def _entity_match(found: enrich.Entity, names: set[str]) -> Entity | None:
    """By URI first, then by canonical name, then by a name both are known by — only when that names one entity."""
    of_kind = Entity.objects.filter(kind=found.kind)
    if found.uri:
        by_uri = of_kind.filter(uri=found.uri).first()
        if by_uri is not None:
            return by_uri
    by_name = of_kind.filter(name=found.name).first()
    if by_name is not None:
        return by_name
    matches = list(of_kind.filter(Q(name__in=names) | Q(aliases__alias__in=names)).distinct()[:2])
    return matches[0] if len(matches) == 1 else None


def _slug_free(name: str) -> str:
    base = slugify(name)[:180].strip("-") or "entity"
    slug, n = base, 1
    while Entity.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
