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
        for statement in schema.SQLITE_TRIGGERS.values():
            cursor.execute(statement)
    index_rebuild(connection)


def index_remove(connection: Any) -> None:
    statements = schema.POSTGRES_DROP if connection.vendor == "postgresql" else schema.SQLITE_DROP
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def index_rebuild(connection: Any) -> None:
    """Index every published article again (SQLite; PostgreSQL's column is recomputed in place)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("UPDATE newsroom_article SET search_document = newsdesk_search_document(status, headline, body_html)")
            return
        functions_registered(None, connection)
        for statement in schema.SQLITE_REBUILD:
            cursor.execute(statement)


def index_ensure(sender: Any = None, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """``post_migrate`` receiver: on SQLite, put back triggers a table rebuild dropped, then rebuild the index."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'newsroom_search' OR type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    if "newsroom_search" not in present:
        return  # migration 0005 not applied (yet, or reversed): nothing to keep
    missing = [name for name in schema.SQLITE_TRIGGERS if name not in present]
    if not missing:
        return
    log.warning("search index: triggers %s were missing (a table rebuild drops them); restoring and reindexing", missing)
    with connection.cursor() as cursor:
        for name in missing:
            cursor.execute(schema.SQLITE_TRIGGERS[name])
    index_rebuild(connection)
