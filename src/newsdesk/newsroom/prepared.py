"""Querysets whose SQL Django builds once per process; each call only runs it with the request's values.

On the article page, rendered from the database on every request, Django
building a query's SQL cost far more than the database answering it (a
one-row ``.first()`` with two joins: ~1.4 ms to build, ~30 µs to run). A
``Prepared`` is written as an ordinary queryset over placeholder values; on
first use its SQL, its columns and how rows become model instances are
worked out by Django's own compiler, and every call runs that SQL with the
call's values and turns the rows into model instances (or tuples, for
``values_list``) through Django's own converters. What is kept is the query
— code, like the template loader's compiled templates — never a row.

Values are passed by name. A list or tuple value stands for as many
placeholders as it has items (``pk__in``); each length is its own query.
Values that change the query's shape rather than its parameters (a slice's
length, a branch) are passed in ``shape`` and also key the compiled query.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

_FIRST_PLACEHOLDER = -7_310_000_000_001  # no real value: ids are positive, these never reach a table


@dataclass(frozen=True)
class _Compiled:
    sql: str
    qmark_sql: str | None  # on SQLite, the SQL with sqlite3's own "?" placeholders (what Django's cursor makes of it)
    params: tuple[tuple[str | None, int, Any], ...]  # (name, index in a list value or -1, or None and the constant)
    compiler: Any
    converters: dict  # per column, the backend's and the field's (text to datetime on SQLite…)
    width: int | None  # the columns asked for, when ordering added more (DISTINCT): the rest are dropped
    models: bool  # model instances (else the rows as tuples, as values_list gives them)
    init_list: list[str]
    fields: slice
    annotations: dict[str, int]
    populators: list  # select_related's: each fills one related object from its columns of the row


class Prepared:
    """``build(**placeholders, **shape)`` returns the queryset; ``rows(**values)`` runs it."""

    def __init__(self, build: Callable[..., QuerySet], *, using: str = "default") -> None:
        self.build = build
        self.using = using
        self._compiled: dict[Hashable, _Compiled] = {}
        self._lock = threading.Lock()

    def rows(self, *, shape: dict[str, Hashable] | None = None, **values: Any) -> list:
        """Model instances (or tuples) for these values, as the queryset built with them would give."""
        connection = connections[self.using]
        shape = shape or {}
        key = (connection.vendor, tuple(sorted(shape.items())),
               tuple((name, len(v) if isinstance(v, (list, tuple)) else -1) for name, v in sorted(values.items())))
        compiled = self._compiled.get(key) or self._compile(key, shape, values)
        params = [
            constant if name is None else (values[name][index] if index >= 0 else values[name])
            for name, index, constant in compiled.params
        ]
        fetched = _fetch(connection, compiled, params)
        if compiled.width is not None:
            fetched = [row[: compiled.width] for row in fetched]
        rows = compiled.compiler.apply_converters(fetched, compiled.converters) if compiled.converters else fetched
        if not compiled.models:
            return [tuple(row) for row in rows]
        model = compiled.compiler.klass_info["model"]
        populators = compiled.populators
        found = []
        for row in rows:
            obj = model.from_db(self.using, compiled.init_list, row[compiled.fields])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in compiled.annotations.items():
                setattr(obj, name, row[position])
            found.append(obj)
        return found

    def first(self, *, shape: dict[str, Hashable] | None = None, **values: Any) -> Any:
        found = self.rows(shape=shape, **values)
        return found[0] if found else None

    def _compile(self, key: Hashable, shape: dict[str, Hashable], values: dict[str, Any]) -> _Compiled:
        placeholders: dict[object, tuple[str, int]] = {}
        arguments: dict[str, Any] = dict(shape)
        counter = _FIRST_PLACEHOLDER
        for name, value in values.items():
            if isinstance(value, (list, tuple)):
                items = []
                for index in range(len(value)):
                    placeholders[counter] = (name, index)
                    items.append(counter)
                    counter -= 1
                arguments[name] = items
            else:
                placeholders[counter] = (name, -1)
                arguments[name] = counter
                counter -= 1
        queryset = self.build(**arguments)
        compiler = queryset.query.get_compiler(using=self.using)
        sql, constants = compiler.as_sql()
        params, seen = [], set()
        for constant in constants:
            found = placeholders.get(constant)
            if found is None and isinstance(constant, str) and constant.lstrip("-").isdigit():
                found = placeholders.get(int(constant))  # a placeholder given to a text column
            params.append((*found, None) if found else (None, -1, constant))
            if found:
                seen.add(found)
        if seen != set(placeholders.values()):
            raise ValueError(f"a value of this prepared query does not reach its SQL: {sorted(set(placeholders.values()) - seen)}")
        models = queryset._iterable_class is ModelIterable
        if not models and queryset._iterable_class is not ValuesListIterable:
            raise ValueError("a prepared query gives model instances or values_list() tuples")
        klass_info = compiler.klass_info if models else None
        start, end = (klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1) if models else (0, 0)
        compiled = _Compiled(
            sql=sql,
            qmark_sql=_qmark(connections[self.using], sql),
            params=tuple(params),
            compiler=compiler,
            converters=compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]]),
            width=compiler.col_count if compiler.has_extra_select else None,
            models=models,
            init_list=[column[0].target.attname for column in compiler.select[start:end]],
            fields=slice(start, end),
            annotations=dict(compiler.annotation_col_map or {}),
            populators=get_related_populators(klass_info, compiler.select, self.using) if models else [],
        )
        with self._lock:
            self._compiled[key] = compiled
        return compiled


def _qmark(connection: Any, sql: str) -> str | None:
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        return cursor.cursor.convert_query(sql)  # SQLiteCursorWrapper's own rewriting, done once


def _fetch(connection: Any, compiled: _Compiled, params: list) -> list:
    """The rows, through sqlite3 itself on SQLite when nothing watches the queries, else through Django's cursor.

    Django's cursor wrappers (query logging, execute wrappers, rewriting the placeholders) cost more than
    SQLite answering a one-row query; errors are still Django's (``wrap_database_errors``), the connection
    still opened (and blockable in tests) by ``ensure_connection``.
    """
    if compiled.qmark_sql is not None and not connection.queries_logged and not connection.execute_wrappers:
        connection.ensure_connection()
        with connection.wrap_database_errors:
            return connection.connection.execute(compiled.qmark_sql, params).fetchall()
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        return cursor.fetchall()
