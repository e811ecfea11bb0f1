"""Most read: views per hour, the last 24 hours ranked, the rails' JSON, and views buffered in Redis with nothing lost."""

from __future__ import annotations

import os
import socket
import threading
from datetime import timedelta

import pytest
from django.urls import reverse

from newsdesk.core import clock
from newsdesk.newsroom.models import Article, ViewCount
from newsdesk.newsroom.models_views import HourlyViews, ViewsFlush
from newsdesk.publish import readership, readership_redis
from newsdesk.publish.readership import hour_of, most_read, rails_payload, views_flush
from newsdesk.publish.views import article_view_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rails_from_other_tests():
    """The cache outlives each test's rolled-back transaction: rails cached by another test would show here."""
    readership.rails_forget()


def view(article: Article, times: int = 1) -> None:
    for _ in range(times):
        article_view_count(article_id=article.pk)


def test_each_view_counts_in_the_total_and_in_its_hour(article_factory):
    article = article_factory()
    view(article, 3)
    assert ViewCount.objects.get(article=article).total == 3
    (row,) = HourlyViews.objects.filter(article=article)
    assert (row.hour, row.views) == (hour_of(clock.now()), 3)


def test_most_read_ranks_the_views_of_the_last_24_hours(article_factory):
    quiet, busy, yesterday = article_factory(), article_factory(), article_factory()
    view(quiet, 1)
    view(busy, 4)
    now = clock.now()
    readership.views_hour_add(article_id=yesterday.pk, views=50, hour=now - timedelta(hours=24))  # just out of the window
    readership.views_hour_add(article_id=quiet.pk, views=2, hour=now - timedelta(hours=23))  # just in it
    assert [(entry.article, entry.views) for entry in most_read()] == [(busy, 4), (quiet, 3)]
    assert [entry.article for entry in most_read(hours=48)][0] == yesterday
    assert [entry.article for entry in most_read(limit=1)] == [busy]


def test_most_read_leaves_out_unpublished_stories_and_breaks_ties_by_the_newer_story(article_factory):
    newer, older, pulled = article_factory(), article_factory(), article_factory()
    for article in (older, newer, pulled):
        view(article, 2)
    Article.objects.filter(pk=pulled.pk).update(status=Article.Status.DRAFT)
    assert [entry.article for entry in most_read()] == [newer, older]


def test_the_rails_json_has_the_newest_and_the_most_read_stories_and_is_cacheable(client, article_factory):
    first, second = article_factory(headline="Newest"), article_factory(headline="Older")
    view(second, 2)
    response = client.get(reverse("site:rails"))
    assert response.status_code == 200 and not response.cookies
    assert "public" in response["Cache-Control"] and f"max-age={readership.RAILS_MAX_AGE}" in response["Cache-Control"]
    data = response.json()
    assert [item["headline"] for item in data["highlights"]] == ["Newest", "Older"]
    assert [(item["id"], item["views"]) for item in data["most_read"]] == [(second.pk, 2)]
    assert data["most_read"][0]["url"] == second.get_absolute_url()


def test_the_rails_are_cached_and_forgotten_when_a_story_is_published(article_factory, django_capture_on_commit_callbacks):
    article_factory(headline="First")
    assert [item["headline"] for item in rails_payload()["highlights"]] == ["First"]
    Article.objects.filter(headline="First").update(headline="Renamed without a signal")
    assert [item["headline"] for item in rails_payload()["highlights"]] == ["First"]  # from the cache
    with django_capture_on_commit_callbacks(execute=True):
        article_factory(headline="Second", published=clock.now())
    assert [item["headline"] for item in rails_payload()["highlights"]] == ["Second", "Renamed without a signal"]


def test_old_hourly_rows_are_pruned(article_factory):
    article = article_factory()
    readership.views_hour_add(article_id=article.pk, views=5, hour=clock.now() - timedelta(hours=readership.HOURS_KEPT + 1))
    view(article)
    assert readership.views_prune() == 1
    assert HourlyViews.objects.filter(article=article).count() == 1


# With REDIS_URL: views buffered in Redis, flushed in batches.

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def _redis_reachable() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_views(settings):
    """Counting in the real Redis on 127.0.0.1:6379, a database of its own per test process, emptied first."""
    if not _redis_reachable():
        reason = f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT} (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw")
    database = 13 + (int(worker[2:]) % 3 if worker[2:].isdigit() else 0)
    settings.REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{database}"
    client = readership_redis.client()
    client.flushdb()
    yield client
    client.flushdb()


def test_with_redis_views_wait_in_redis_and_the_total_shown_includes_them(redis_views, article_factory):
    article = article_factory()
    assert [article_view_count(article_id=article.pk) for _ in range(3)] == [1, 2, 3]
    assert ViewCount.objects.get(article=article).total == 0  # nothing written to the database per view
    assert readership.view_total(article_id=article.pk) == 3
    assert [entry.views for entry in most_read()] == [3]  # the rail counts views not yet flushed


def test_a_flush_moves_every_view_to_the_database_once(redis_views, article_factory):
    article, other = article_factory(), article_factory()
    view(article, 5)
    view(other, 2)
    result = views_flush()
    assert (result.batches, result.views) == (1, 7)
    assert ViewCount.objects.get(article=article).total == 5 and ViewCount.objects.get(article=other).total == 2
    assert HourlyViews.objects.get(article=article).views == 5
    assert views_flush().views == 0  # nothing counted twice
    view(article)
    assert article_view_count(article_id=article.pk) == 7
    views_flush()
    assert ViewCount.objects.get(article=article).total == 7 and HourlyViews.objects.get(article=article).views == 7


def test_a_batch_left_by_a_crashed_flush_is_finished_by_the_next_and_never_added_twice(redis_views, article_factory):
    article = article_factory()
    view(article, 4)
    (batch,) = readership_redis.batches_take()  # the flush died here, before the database
    view(article, 1)
    assert views_flush().views == 5
    assert ViewCount.objects.get(article=article).total == 5
    view(article, 2)
    (batch,) = readership_redis.batches_take()
    ViewsFlush.objects.create(batch=batch)  # ...and this one died after its commit, before deleting the batch
    ViewCount.objects.filter(article=article).update(total=7)
    assert views_flush().views == 0
    assert ViewCount.objects.get(article=article).total == 7
    assert redis_views.smembers(readership_redis.BATCHES) == set()


@pytest.mark.django_db(transaction=True)
def test_views_from_many_threads_add_up_exactly(redis_views, article_factory):
    article = article_factory()
    totals: list[int] = []

    def reader() -> None:
        from django.db import connection

        try:
            totals.extend(article_view_count(article_id=article.pk) for _ in range(25))
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(totals) == list(range(1, 201))  # every reader got its own total
    views_flush()
    assert ViewCount.objects.get(article=article).total == 200


def test_views_are_counted_in_the_database_when_redis_is_unreachable(settings, article_factory):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    article = article_factory()
    assert article_view_count(article_id=article.pk) == 1
    assert ViewCount.objects.get(article=article).total == 1
    assert readership.view_total(article_id=article.pk) == 1


def test_unpublished_stories_are_refused_with_redis_too(redis_views, article_factory):
    draft = article_factory(publish=False)
    with pytest.raises(Article.DoesNotExist):
        article_view_count(article_id=draft.pk)
    assert redis_views.hgetall(readership_redis.PENDING) == {}
