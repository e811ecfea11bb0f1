"""The pipeline's jobs as Django Tasks; each calls one service and returns its outcome."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from newsdesk.pipeline import jobs
from newsdesk.pipeline.entities import article_enrich
from newsdesk.pipeline.fulltext import entry_fulltext
from newsdesk.pipeline.ingest import raw_item_process
from newsdesk.pipeline.refresh import source_refresh


@task(priority=10)
def source_refresh_task(*, source_id: int) -> str:
    return source_refresh(source_id=source_id)


@task(priority=5)
def raw_item_process_task(*, raw_item_id: int) -> str:
    return raw_item_process(raw_item_id=raw_item_id, max_bytes=settings.MAX_PAYLOAD_BYTES)


@task()
def entry_fulltext_task(*, feed_item_id: int, entry: dict) -> str:
    return entry_fulltext(feed_item_id=feed_item_id, entry=entry, max_bytes=settings.MAX_PAYLOAD_BYTES)


@task(priority=-10)  # after ingest and full text: entities can wait, new articles cannot
def article_enrich_task(*, article_id: int) -> str:
    return article_enrich(article_id=article_id)


def jobs_register() -> None:
    jobs.job_register(jobs.SOURCE_REFRESH, source_refresh_task)
    jobs.job_register(jobs.RAW_ITEM_PROCESS, raw_item_process_task)
    jobs.job_register(jobs.ENTRY_FULLTEXT, entry_fulltext_task)
    jobs.job_register(jobs.ARTICLE_ENRICH, article_enrich_task)
