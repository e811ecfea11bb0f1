"""Every API endpoint is in the OpenAPI document and in docs/api.md (the Datasette rule), and nothing more is."""

from __future__ import annotations

import re
from pathlib import Path

from api_testing import API

ROOT = Path(__file__).resolve().parents[2]
# "articles/<str:id>" → "/articles/{id}"
_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
NOT_ENDPOINTS = {"unknown"}  # the catch-all that answers a JSON 404


def _endpoints() -> set[str]:
    """The OpenAPI-style path of every named route in ``newsdesk.api.urls``."""
    from newsdesk.api.urls import urlpatterns

    return {"/" + _CONVERTER.sub(r"{\1}", str(p.pattern)) for p in urlpatterns if p.name not in NOT_ENDPOINTS}


def test_the_url_conf_has_the_endpoints_this_test_expects():
    assert {"/articles", "/articles/{id}", "/sections", "/sections/{slug}", "/search", "/openapi.json"} <= _endpoints()


def test_every_endpoint_is_in_the_openapi_document_and_nothing_else_is():
    from newsdesk.api.openapi import openapi_document

    assert set(openapi_document()["paths"]) == _endpoints()


def test_every_endpoint_is_in_docs_api_md():
    documented = (ROOT / "docs" / "api.md").read_text()
    missing = sorted(path for path in _endpoints() if f"`GET {API}{path}" not in documented)
    assert not missing, f"endpoints not documented in docs/api.md: {missing}"


def test_every_parameter_is_in_docs_api_md():
    from newsdesk.api.openapi import PARAMETERS

    documented = (ROOT / "docs" / "api.md").read_text()
    missing = sorted(name for name in PARAMETERS if f"`{name}`" not in documented)
    assert not missing, f"parameters not documented in docs/api.md: {missing}"
