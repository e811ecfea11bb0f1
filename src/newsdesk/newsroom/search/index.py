"""Create, rebuild, check and remove the search index, on whichever database the connection is.

``index_install`` and ``index_remove`` are migration 0005's two directions.
``index_ensure`` runs after every ``migrate``: Django changes a SQLite table
by building a new one and dropping the old, which drops its triggers with
it, so a later migration of ``newsroom_article`` would silently stop the
index being kept — this puts the triggers back and rebuilds the index.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

from newsdesk.newsroom.search import schema
from newsdesk.newsroom.search.sqlite_functions import functions_registered

log = logging.getLogger(__name__)


def index_install(connection: Any) -> None:
    """Build the index for the rows already there and start keeping it current."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for statement in schema.POSTGRES_CREATE:
                cursor.execute(statement)
            return
        functions_registered(None, connection)
        cursor.execute(schema.SQLITE_TABLE)
        cursor.execute(schema.SQLITE_FACTS_TABLE)
        for statement in schema.SQLITE_TRIGGERS.values():
            cursor.execute(statement)
    index_rebuild(connection)


def index_upgrade(connection: Any) -> None:
    """Migration 0006: an index made by 0005's first version gets what ranking reads in narrow rows of its own.

    SQLite: ``newsroom_search_facts`` (date, section, source) beside the
    FTS5 table. PostgreSQL: the tsvector moves from a TOASTed column of
    ``newsroom_article`` to ``newsroom_search_document``, with lexeme pairs
    for phrases. An index 0005 made with this code already has both: then
    nothing is done.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT to_regclass('newsroom_search_document') IS NOT NULL")
            if cursor.fetchone()[0]:
                return
            statements = [*schema.POSTGRES_COLUMN_DROP, schema.POSTGRES_PAIRS_FUNCTION, *schema.POSTGRES_DOCUMENT_TABLE,
                          *schema.POSTGRES_REBUILD, *schema.POSTGRES_DOCUMENT_INDEXES]
            for statement in statements:
                cursor.execute(statement)
            return
        functions_registered(None, connection)
        cursor.execute(schema.SQLITE_FACTS_TABLE)
        for name, statement in schema.SQLITE_TRIGGERS.items():
            if name.startswith("newsroom_search_facts"):
                cursor.execute(statement)
        for statement in schema.SQLITE_FACTS_REBUILD:
            cursor.execute(statement)


def index_remove(connection: Any) -> None:
    statements = schema.POSTGRES_DROP if connection.vendor == "postgresql" else schema.SQLITE_DROP
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def index_rebuild(connection: Any) -> None:
    """Index every published article again (SQLite; PostgreSQL's column is recomputed in place)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for statement in schema.POSTGRES_REBUILD:
                cursor.execute(statement)
            return
        functions_registered(None, connection)
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'newsroom_search_facts'")
        facts = cursor.fetchone() is not None  # absent while migration 0006 is not applied
        for statement in schema.SQLITE_REBUILD:
            if facts or statement not in schema.SQLITE_FACTS_REBUILD:
                cursor.execute(statement)


def index_ensure(sender: Any = None, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """``post_migrate`` receiver: on SQLite, put back triggers a table rebuild dropped, then rebuild the index.

    On PostgreSQL, drop the index rows of articles that are gone: ``flush`` (which sends post_migrate too)
    truncates the articles without firing their triggers and restarts their ids, and a stale row would
    collide with the next article given that id.
    """
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('newsroom_search_document') IS NOT NULL")
            if cursor.fetchone()[0]:
                cursor.execute(
                    "DELETE FROM newsroom_search_document d WHERE NOT EXISTS (SELECT 1 FROM newsroom_article a WHERE a.id = d.id)"
                )
        return
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('newsroom_search', 'newsroom_search_facts') OR type = 'trigger'"
        )
        present = {row[0] for row in cursor.fetchall()}
    if "newsroom_search" not in present:
        return  # migration 0005 not applied (yet, or reversed): nothing to keep
    if "newsroom_search_facts" not in present:  # migration 0006 not applied: its triggers would write nowhere
        present.update(name for name in schema.SQLITE_TRIGGERS if name.startswith("newsroom_search_facts"))
    missing = [name for name in schema.SQLITE_TRIGGERS if name not in present]
    if not missing:
        return
    log.warning("search index: triggers %s were missing (a table rebuild drops them); restoring and reindexing", missing)
    with connection.cursor() as cursor:
        for name in missing:
            cursor.execute(schema.SQLITE_TRIGGERS[name])
    index_rebuild(connection)
