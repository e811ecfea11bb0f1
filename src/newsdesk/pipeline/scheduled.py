"""Scheduled and embargoed articles go public when their time comes: the worker's scheduler calls this each tick.

An article waits as ``scheduled`` until ``publish_at``; an embargo
(``embargo_until``) holds it back further. The status is the only thing the
public pages read, so an article is never public before either time.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import DatabaseError, transaction
from django.db.models import Q

from newsdesk.newsroom.models import Article
from newsdesk.pipeline.changes import SCHEDULER, change_record

log = logging.getLogger(__name__)
SCHEDULED, PUBLISHED = Article.Status.SCHEDULED, Article.Status.PUBLISHED
BATCH = 50


def articles_due(now: datetime):
    """Scheduled articles whose time has come and whose embargo, if any, has lifted."""
    return Article.objects.filter(status=SCHEDULED, publish_at__lte=now).filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))


def scheduled_publish_due(now: datetime) -> list[int]:
    """Publish every scheduled article that is due (at ``now``); returns their ids. Safe to run on many workers at once."""
    published = []
    for pk in list(articles_due(now).order_by("publish_at", "pk").values_list("pk", flat=True)[:BATCH]):
        try:
            if _publish(pk, now):
                published.append(pk)
        except DatabaseError:
            raise  # the worker's loop logs it and tries again next tick
        except Exception:  # a bug with one article must not stop the others, nor the worker's scheduler
            log.exception("scheduled publishing of article %s failed; it stays scheduled", pk)
    return published


def _publish(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        article = articles_due(now).select_for_update(of=("self",)).select_related("section", "source").filter(pk=pk).first()
        if article is None:  # another worker published it first, or an editor changed it
            return False
        article.status = PUBLISHED
        # Public from the moment it was due (the later of the two times), as the editor planned.
        article.published_at = max(t for t in (article.publish_at, article.embargo_until) if t is not None)
        article.publish_at = None
        article.save()
        change_record(article, action="publish", actor=SCHEDULER, detail={"from": SCHEDULED, "scheduled": True})
    return True
