"""fold_split: an editor says a folded copy is not the same story after all; it becomes an article of its own.

The copy's kept version (its ninjs snapshot) is read back into a Draft and
saved under the copy's own key, so the wire re-sending it later updates the
new article instead of folding it again (issue 4 point 1: "editors can split
a wrong fold"; the desk calls this, the admin has an action for now).
A split is a desk decision like a publish: it is written to the audit log
(who, the article it was folded into, the copy, the new article) in the same
transaction, so a split that rolls back leaves no entry.
"""

from __future__ import annotations

import logging

from django.db import transaction

from newsdesk.dedupe import fingerprint
from newsdesk.newsroom.models import Article, Fingerprint, WireCopy
from newsdesk.pipeline.changes import audit_record
from newsdesk.pipeline.save import article_save
from newsdesk.pipeline.stories import story_assign, story_counts_refresh
from newsdesk.pipeline.understand import MIN_SHINGLES, copy_text, enrich_enqueue
from newsdesk.pipeline.warm import warm_get
from newsdesk.wire.ninjs_draft import ninjs_draft
from newsdesk.wire.ninjs_item import ninjs_item_decode

log = logging.getLogger(__name__)
SPLIT = "split"  # the audit log's action name


class FoldSplitRefused(ValueError):
    """The copy cannot be split off: the message says why."""


def fold_split(copy_id: int, actor=None) -> Article:
    """Turn a folded copy back into its own article, with its own story assignment; returns the new article.

    ``actor`` is the user (or a name) the audit entry names; None records the wire's own name.
    """
    with transaction.atomic():
        copy = WireCopy.objects.select_for_update(of=("self",)).select_related("article", "source", "raw_item").filter(pk=copy_id).first()
        if copy is None:
            raise FoldSplitRefused(f"no wire copy {copy_id}: it was split or deleted already")
        if copy.first:
            raise FoldSplitRefused(f"copy {copy_id} is the one article {copy.article_id} was made from; split the other copies instead")
        folded_into = copy.article
        draft = ninjs_draft(ninjs_item_decode(copy.snapshot))
        publish = folded_into.status == Article.Status.PUBLISHED
        article, outcome = article_save(draft=draft, source=copy.source, raw_item=copy.raw_item, publish=publish)
        if outcome != "created":
            raise FoldSplitRefused(f"copy {copy_id} reads as article {article.pk}, which exists already; nothing was split")
        # The copy's own key, not one derived again from the snapshot: a re-send must find this article.
        Article.objects.filter(pk=article.pk).update(wire_key=copy.wire_key, provider_id=copy.provider_id)
        article.wire_key = copy.wire_key
        WireCopy.objects.filter(pk=copy.pk).update(article=article, first=True, similarity=1.0)
        print_ = fingerprint(copy_text(draft.headline, draft.body_html))
        warm = warm_get()
        if print_.size >= MIN_SHINGLES:
            Fingerprint.objects.update_or_create(article=article, defaults={"signature": print_.to_bytes(), "published_at": article.published_at})
            with warm.lock:
                warm.duplicates.add_fingerprint(article.pk, print_)
        story_assign(article, warm=warm)
        story_counts_refresh(folded_into.story_id)
        enrich_enqueue(article.pk)
        audit_record(
            action=SPLIT, actor=actor, article=folded_into, source=copy.source,
            detail={"copy": copy.pk, "new_article": article.pk, "headline": draft.headline[:200]},
        )
    log.info("copy %s split from article %s into article %s by %s", copy_id, folded_into.pk, article.pk, actor or "the system")
    return article
