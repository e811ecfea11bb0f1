"""The worker's scheduler publishes scheduled articles when they are due; one broken article stops nothing else."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from newsdesk.core import clock
from newsdesk.newsroom.models import Article
from newsdesk.pipeline import scheduled
from newsdesk.pipeline.worker import WorkerOptions, _schedule_until_stopped


def _scheduled(article_factory, headline: str, *, minutes: int) -> Article:
    article = article_factory(publish=False, headline=headline)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.SCHEDULED, publish_at=clock.now() + timedelta(minutes=minutes))
    return article


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_the_worker_publishes_the_scheduled_articles_that_are_due_and_no_others(article_factory):
    due = _scheduled(article_factory, "Due a minute ago", minutes=-1)
    later = _scheduled(article_factory, "Due in an hour", minutes=60)
    _schedule_until_stopped(WorkerOptions(threads=1, tick=0.05, burst=True), threading.Event())
    assert Article.objects.get(pk=due.pk).status == Article.Status.PUBLISHED
    assert Article.objects.get(pk=later.pk).status == Article.Status.SCHEDULED


@pytest.mark.django_db
def test_one_article_that_fails_to_publish_stays_scheduled_and_the_others_go_out(article_factory, monkeypatch, caplog):
    broken = _scheduled(article_factory, "Broken", minutes=-2)
    fine = _scheduled(article_factory, "Fine", minutes=-1)
    real = scheduled.change_record

    def record(article, **kwargs):
        if article.pk == broken.pk:
            raise RuntimeError("a bug in recording")
        return real(article, **kwargs)

    monkeypatch.setattr(scheduled, "change_record", record)
    assert scheduled.scheduled_publish_due(clock.now()) == [fine.pk]
    assert Article.objects.get(pk=broken.pk).status == Article.Status.SCHEDULED  # its transaction rolled back
    assert f"scheduled publishing of article {broken.pk} failed" in caplog.text
