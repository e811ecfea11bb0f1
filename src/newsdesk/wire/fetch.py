"""The wire stage's fetch: one GET through the core HTTP client, which owns every defence.

SSRF rules, the deadline, the decoded-size cap, redirects and conditional GET
all live in ``newsdesk.core.http`` (see docs/security.md); this module only
names the call the wire stage makes, so that every fetch goes one way.
"""

from __future__ import annotations

from newsdesk.core.http import FetchError, FetchPolicy, HttpResponse, PrivateHosts, http_get, private_hosts_parse

__all__ = ["FetchError", "FetchPolicy", "Fetched", "PrivateHosts", "fetch", "private_hosts_parse"]

Fetched = HttpResponse  # the name this module used before the core client existed


def fetch(url: str, *, policy: FetchPolicy, etag: str | None = None, last_modified: str | None = None) -> HttpResponse:
    """GET ``url`` within ``policy``; raises FetchError (an IngestError) with a reason code on any refusal."""
    return http_get(url, policy=policy, etag=etag, last_modified=last_modified)
