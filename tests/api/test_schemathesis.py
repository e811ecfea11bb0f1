"""Schemathesis drives the running API (WSGI, no server) from its own OpenAPI document.

For every operation it sends the documented examples, the coverage cases
(each parameter at and past its bounds, missing, of the wrong type, other
methods) and generated requests, and checks every answer: no 5xx, the
status, content type, headers and body as documented, valid input accepted,
invalid input refused, undocumented methods a 405 with ``Allow``. Fixed seed,
deterministic generation, bounded examples: the same run every time.
"""

from __future__ import annotations

import warnings

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 100

CONFIG = schemathesis.Config.from_dict({
    "seed": 20250904,
    "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},  # nothing to chain: the API has no writes
})


@pytest.fixture
def wsgi_requests_in_test_transaction():
    """Django closes "old" connections at the start and end of each request; the test client
    switches that off so that requests run inside the test's transaction, and so must we, as
    schemathesis goes through the WSGI handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _served_schema():
    """The document as the app serves it (reading it needs no database), bound to the WSGI app."""
    from django.core.wsgi import get_wsgi_application

    with warnings.catch_warnings():
        # At import the tests' static folder does not exist yet, and WhiteNoise says so; the API serves no static file.
        warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
        return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), config=CONFIG)


schema = _served_schema()


@schema.parametrize()
@pytest.mark.usefixtures("api_articles", "wsgi_requests_in_test_transaction")
def test_api_answers_every_request_as_its_openapi_document_says(case):
    case.call_and_validate()
