"""A URL from the wire as a strict RFC 3986 URI, for documents that a schema checks (ninjs ``format: uri``).

Wire copy carries URLs with spaces, non-ASCII paths, an IDN host or a stray
``%``; browsers cope, JSON Schema's ``uri`` format does not. This percent-
encodes what RFC 3986 does not allow, writes an IDN host in punycode, drops
user info (never published) and gives up — None — on what cannot be a URI.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

from newsdesk.core.ninjs import web_url

# RFC 3986 3.2.2 reg-name: unreserved and sub-delims (percent-encoding is not needed in a DNS name).
_REG_NAME = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=-]+$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]+$")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# pchar (RFC 3986 3.3) plus "/"; "%" stays because stray ones were escaped first.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = _PATH_SAFE + "?"


def strict_uri(url: str) -> str | None:
    """``url`` (absolute http or https) as an RFC 3986 URI, or None when it cannot be one."""
    url = web_url(url)
    if url is None:
        return None
    try:
        parts = urlsplit(_STRAY_PERCENT.sub("%25", url))
        host, port = parts.hostname, parts.port
    except ValueError:  # a bad port or an unclosed "[" in the host
        return None
    netloc = _host(host or "")
    if netloc is None:
        return None
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((
        parts.scheme.lower(),
        netloc,
        quote(parts.path, safe=_PATH_SAFE),
        quote(parts.query, safe=_QUERY_SAFE),
        quote(parts.fragment, safe=_QUERY_SAFE),
    ))


def _host(host: str) -> str | None:
    if ":" in host:
        return f"[{host}]" if _IPV6.match(host) else None
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return ascii_host if _REG_NAME.match(ascii_host) else None
