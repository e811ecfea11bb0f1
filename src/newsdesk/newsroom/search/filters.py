"""The filters every backend applies, as SQL over the article (aliased ``a``): published only, then the reader's."""

from __future__ import annotations

from typing import Any

from newsdesk.newsroom.models import Article, Entity, Mention, Section, Source
from newsdesk.newsroom.search.types import SearchQuery

ARTICLE = Article._meta.db_table


def filters_sql(query: SearchQuery, connection: Any, *, published_known: bool = False) -> tuple[str, list[Any]]:
    """``" AND a.status = %s AND …"`` and its parameters. Only published articles are ever found.

    ``published_known``: ``a`` holds published articles only (SQLite's
    ``newsroom_search_facts``), so there is no status to check.
    """
    clauses = [] if published_known else ["a.status = %s"]
    params: list[Any] = [] if published_known else [Article.Status.PUBLISHED.value]
    if query.section is not None:
        clauses.append(f"a.section_id IN (SELECT id FROM {Section._meta.db_table} WHERE slug = %s)")
        params.append(query.section)
    if query.source is not None:
        clauses.append(f"a.source_id IN (SELECT id FROM {Source._meta.db_table} WHERE slug = %s)")
        params.append(query.source)
    if query.entity is not None:
        clauses.append(
            f"a.id IN (SELECT m.article_id FROM {Mention._meta.db_table} m "
            f"JOIN {Entity._meta.db_table} e ON e.id = m.entity_id WHERE e.slug = %s)"
        )
        params.append(query.entity)
    if query.since is not None:
        clauses.append("a.published_at >= %s")
        params.append(connection.ops.adapt_datetimefield_value(query.since))
    if query.until is not None:
        clauses.append("a.published_at < %s")
        params.append(connection.ops.adapt_datetimefield_value(query.until))
    return "".join(f" AND {clause}" for clause in clauses), params
