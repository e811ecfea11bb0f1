"""The index keeps itself: built for existing rows, its SQLite triggers restored after a table rebuild drops them."""

from __future__ import annotations

import pytest
from django.db import connection

from newsdesk.newsroom.search import SearchQuery, search
from newsdesk.newsroom.search.index import index_ensure, index_rebuild

pytestmark = pytest.mark.django_db


def _found(text: str) -> int:
    return search(SearchQuery(text=text)).total


def test_a_rebuild_indexes_what_is_there_and_nothing_else(article_factory):
    article_factory(headline="Lighthouse keeper retires")
    article_factory(headline="Lighthouse draft", publish=False)
    index_rebuild(connection)
    assert _found("lighthouse") == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite table rebuilds drop triggers")
def test_triggers_dropped_by_a_table_rebuild_are_restored_after_migrate(article_factory):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER newsroom_search_insert")
    article_factory(headline="Regatta postponed")  # saved while the index is not kept
    assert _found("regatta") == 0
    index_ensure(using="default")
    assert _found("regatta") == 1
    article_factory(headline="Regatta rescheduled")
    assert _found("regatta") == 2
