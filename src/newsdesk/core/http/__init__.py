"""The HTTP client factory: the one way newsdesk fetches anything (DESIGN: "the HTTP client factory in core/").

    client = http_client(FetchPolicy(max_bytes=..., allow_private_hosts=private_hosts_parse(setting)))
    response = client.get(url, etag=stored_etag, last_modified=stored_last_modified)

``docs/security.md`` lists every defence and the test that proves it.
"""

from newsdesk.core.http.client import HttpClient, http_client, http_get
from newsdesk.core.http.errors import FetchError
from newsdesk.core.http.policy import USER_AGENT, FetchPolicy, PrivateHosts, private_hosts_parse
from newsdesk.core.http.response import HttpResponse

__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchPolicy",
    "HttpClient",
    "HttpResponse",
    "PrivateHosts",
    "http_client",
    "http_get",
    "private_hosts_parse",
]
