"""Fetch a URL without letting the URL turn us against our own network.

Resolve the host once, refuse non-public addresses (unless the operator
allows them), connect to the address we checked (no DNS rebinding), check
every redirect again, stop at a total deadline and at a cap on bytes.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from newsdesk.core.errors import IngestError

USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk)"
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int
    deadline_seconds: float = 30.0
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str
    payload: bytes
    content_type: str


def _address_for(host: str, port: int, policy: FetchPolicy) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise IngestError("fetch_failed", f"cannot resolve host {host!r}: {error.strerror}") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if policy.allow_private or address.is_global:
            return str(address)
    raise IngestError("forbidden_address", f"refused: {host} resolves to a non-public address")


def _pool(scheme: str, host: str, port: int, address: str, timeout: float) -> urllib3.HTTPConnectionPool:
    timeout_spec = urllib3.Timeout(connect=min(10.0, timeout), read=min(15.0, timeout))
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout_spec, server_hostname=host, assert_hostname=host, retries=False
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=timeout_spec, retries=False)


def fetch(url: str, *, policy: FetchPolicy) -> Fetched:
    """GET ``url`` within the policy; raises IngestError with a reason code on any refusal."""
    started = time.monotonic()
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise IngestError("bad_url", f"not an http(s) URL: {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _address_for(parts.hostname, port, policy)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        remaining = policy.deadline_seconds - (time.monotonic() - started)
        pool = _pool(parts.scheme, parts.hostname, port, address, remaining)
        try:
            response = pool.urlopen(
                "GET", path, headers={"Host": parts.netloc, "User-Agent": USER_AGENT, "Accept-Encoding": "gzip"},
                redirect=False, preload_content=False, decode_content=True,
            )
        except urllib3.exceptions.HTTPError as error:
            raise IngestError("fetch_failed", f"cannot fetch {url}: {error}") from error
        if response.status in {301, 302, 303, 307, 308} and response.headers.get("Location"):
            url = urljoin(url, response.headers["Location"])
            response.release_conn()
            continue
        if response.status >= 400:
            raise IngestError("fetch_failed", f"cannot fetch {url}: HTTP {response.status}")
        return Fetched(url=url, payload=_read_capped(response, policy, started), content_type=response.headers.get("Content-Type", ""))
    raise IngestError("too_many_redirects", f"more than {MAX_REDIRECTS} redirects from {url}")


def _read_capped(response, policy: FetchPolicy, started: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    for chunk in response.stream(64 * 1024, decode_content=True):
        total += len(chunk)
        if total > policy.max_bytes:
            response.release_conn()
            raise IngestError("too_large", f"too large: over the {policy.max_bytes / 1e6:.0f} MB limit")
        if time.monotonic() - started > policy.deadline_seconds:
            response.release_conn()
            raise IngestError("too_slow", f"gave up after {policy.deadline_seconds:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)
