"""Shared fixtures: articles built from Drafts, a file-backed test database, plain static files."""

from __future__ import annotations

import itertools
import uuid
from datetime import timedelta

import pytest

from browser_fixtures import browser, chromium_path  # noqa: F401  (Chromium for every browser test, in one place)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory) -> None:
    """Test on a SQLite file, as production does, not the shared in-memory database.

    With an in-memory database pytest-django hands the live server one
    connection shared by every request thread, so concurrent requests would
    interleave inside one transaction; a file gives each thread its own
    connection, WAL and the busy timeout, exactly like `newsdesk serve`.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    database["CONN_MAX_AGE"] = 0  # live-server threads must not hold connections past teardown
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session", autouse=True)
def _plain_static_files(tmp_path_factory):
    """The manifest storage needs `collectstatic` first; tests render `{% static %}` from the source tree.

    Session-wide so the live server (started once) sees it too; STATIC_ROOT
    points at an existing folder because WhiteNoise warns otherwise.
    """
    from django.conf import settings
    from django.test.utils import override_settings

    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=storages, STATIC_ROOT=str(tmp_path_factory.mktemp("static"))):
        yield


@pytest.fixture
def article_factory():
    """Make published articles through the real save path: ``article_factory(headline=..., section=...)``.

    Any Draft field can be passed; ``publish=False`` saves a draft. Each call
    gets its own guid and, unless given, a publication time a minute older
    than the one before, so listings have a stable order. Needs a
    ``django_db`` mark (or ``transactional_db``) on the test.
    """
    from newsdesk.core import clock
    from newsdesk.core.draft import Draft
    from newsdesk.pipeline.save import article_save

    counter = itertools.count(1)
    start = clock.now()

    def make(*, publish: bool = True, **fields):
        number = next(counter)
        fields.setdefault("headline", f"Test story number {number}")
        fields.setdefault("body_html", f"<p>First paragraph of story {number}.</p><p>Second paragraph.</p>")
        fields.setdefault("section", "World")
        fields.setdefault("published", start - timedelta(minutes=number))
        fields.setdefault("guid", f"urn:test:{uuid.uuid4()}")
        article, _ = article_save(draft=Draft(**fields), source=None, raw_item=None, publish=publish)
        return article

    return make


@pytest.fixture(autouse=True)
def _cache_cleared():
    """The in-process cache outlives each test's transaction; start every test with an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield


# The longest tests (minutes of CPU between them on CI), started first: with `-n 3` a long test picked up
# last keeps the run waiting for it alone. Prefixes of node ids, longest first (CI's --durations).
LONG_FIRST = (
    "tests/pipeline/test_crash.py",
    "tests/fuzz/",
    "tests/test_url_walk.py",
    "tests/hostile/test_hostile_corpus.py",
    "tests/pipeline/test_worker.py",
    "tests/cli/test_ingest.py",
    "tests/pipeline/test_queries.py",
    "tests/cli/test_extract_enrich.py",
    "tests/deploy/",
)


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        return next((n for n, prefix in enumerate(LONG_FIRST) if item.nodeid.startswith(prefix)), len(LONG_FIRST))

    items.sort(key=rank)  # stable: within a rank, the collection order
