"""``newsdesk_search_text``, the body's plain text for the SQLite index, registered on every connection.

The FTS5 triggers call it, so any writer through Django keeps the index
current. It is ``core.ninjs.body_text`` (the text word counts use too), the
same steps as PostgreSQL's SQL function of the same name.
"""

from __future__ import annotations

from typing import Any

from newsdesk.core.ninjs import body_text
from newsdesk.newsroom.search.marks import without_marks
from newsdesk.newsroom.search.schema import TEXT_MAX


def search_text(html: str | None) -> str | None:
    return None if html is None else without_marks(body_text(html))[:TEXT_MAX]


def functions_registered(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created`` receiver: SQLite connections get the function; others need nothing."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("newsdesk_search_text", 1, search_text, deterministic=True)
