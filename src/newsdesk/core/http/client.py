"""The HTTP client every fetch in newsdesk goes through: SSRF-safe, deadline-bound, size-capped.

One GET, step by step (each hop of a redirect chain repeats 1–4):

1. read the URL (``urls``): http(s) only, no credentials, every spelling of
   an address turned into the address;
2. resolve the host once and refuse if any address is not public
   (``addresses``), unless the operator allowed that host or range;
3. connect to an address that was checked — never to the name, so DNS is
   not asked again — and for https check the certificate against the *name*
   (SNI too);
4. send the request with the conditional-GET validators, read the status
   and headers under the deadline and the header caps;
5. follow at most ``max_redirects`` redirects, then decode the body as a
   stream, counting decoded bytes against the cap.

Plain ``http.client`` and ``ssl`` from the standard library carry the bytes:
the client owns the socket (so it can connect to the checked address and arm
the deadline watchdog on it) and does its own decoding, which leaves nothing
for urllib3's pools, retries and decoders to do. Proxies from the environment
are not used: a proxy would resolve the name itself, after our check.
"""

from __future__ import annotations

import functools
import http.client
import io
import socket
import ssl
from urllib.parse import urljoin

from newsdesk.core import clock
from newsdesk.core.http import addresses
from newsdesk.core.http.caching import cache_max_age, retry_after
from newsdesk.core.http.decoding import STEP, accept_encoding, decoder_for
from newsdesk.core.http.errors import FetchError
from newsdesk.core.http.limits import WATCHDOG, Deadline, Guard, headers_check, too_large
from newsdesk.core.http.policy import FetchPolicy
from newsdesk.core.http.response import HttpResponse
from newsdesk.core.http.urls import IPAddress, Target, target_parse

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def http_client(policy: FetchPolicy | None = None) -> HttpClient:
    """The client for every fetch in newsdesk, configured by ``policy`` (defaults: 15 MB, 30 s, 5 redirects)."""
    return HttpClient(policy or FetchPolicy())


def http_get(url: str, *, policy: FetchPolicy, etag: str | None = None, last_modified: str | None = None) -> HttpResponse:
    """GET ``url`` under ``policy``. Raises FetchError with a reason code on any refusal or failure."""
    return HttpClient(policy).get(url, etag=etag, last_modified=last_modified)


@functools.lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """Certificates verified against the system's trust store, host names checked, TLS 1.2 at least."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def connection_open(target: Target, address: IPAddress, *, timeout: float) -> socket.socket:
    """A TCP connection to ``address`` — an address already checked, never a name to resolve again."""
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.connect((str(address), target.port))
    except BaseException:
        sock.close()
        raise
    return sock


class HttpClient:
    """Stateless apart from its policy, so one client may serve many threads."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> HttpResponse:
        """GET ``url``; with ``etag``/``last_modified`` a 304 comes back as ``not_modified=True``.

        Raises FetchError: ``bad_url``, ``forbidden_address``, ``fetch_failed``,
        ``http_error`` (with ``status`` and, for 429/503, ``retry_after``),
        ``too_slow``, ``too_large`` or ``too_many_redirects``.
        """
        deadline = Deadline(self.policy.deadline_seconds)
        validators = _validators(etag, last_modified)
        hops: list[str] = []
        current = url.strip()
        while True:
            target = target_parse(current)
            checked = addresses.addresses_checked(target, policy=self.policy, deadline=deadline)
            exchange = _Exchange(target, self.policy, deadline)
            try:
                response = exchange.send(checked, validators)
                location = response.getheader("Location")
                if response.status in REDIRECT_STATUSES and location:
                    if len(hops) >= self.policy.max_redirects:
                        raise FetchError(
                            "too_many_redirects", f"too many redirects: more than {self.policy.max_redirects} from {url}", url=current
                        )
                    hops.append(current)
                    current = urljoin(current, location.strip())
                    continue
                return exchange.outcome(response, etag=etag, last_modified=last_modified, hops=tuple(hops))
            finally:
                exchange.close()


def _validators(etag: str | None, last_modified: str | None) -> list[tuple[str, str]]:
    found = [("If-None-Match", etag), ("If-Modified-Since", last_modified)]
    # A validator is replayed from a stored response: one with a line break would be a header injection.
    return [(name, value.strip()) for name, value in found if value and value.strip() and value.isprintable()]


class _Exchange:
    """One request and its response on one connection, under the fetch's deadline."""

    def __init__(self, target: Target, policy: FetchPolicy, deadline: Deadline) -> None:
        self.target = target
        self.policy = policy
        self.deadline = deadline
        self.guard: Guard | None = None
        self.connection: http.client.HTTPConnection | None = None

    def send(self, checked: list[IPAddress], validators: list[tuple[str, str]]) -> http.client.HTTPResponse:
        try:
            sock = self._connect(checked)
            connection = http.client.HTTPConnection(self.target.host, self.target.port)
            connection.sock = sock  # ours: connected to the checked address, http.client never connects
            self.connection = connection
            connection.putrequest("GET", self.target.request_target, skip_host=True, skip_accept_encoding=True)
            for name, value in self._headers() + validators:
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
        except FetchError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise self._failure(error) from error
        headers_check(response.msg, url=self.target.url, max_count=self.policy.max_header_count, max_bytes=self.policy.max_header_bytes)
        return response

    def _headers(self) -> list[tuple[str, str]]:
        return [
            ("Host", self.target.host_header),
            ("User-Agent", self.policy.user_agent),
            ("Accept", self.policy.accept),
            ("Accept-Encoding", accept_encoding()),
            ("Connection", "close"),
        ]

    def _connect(self, checked: list[IPAddress]) -> socket.socket:
        """Connect to the first checked address that answers, arm the watchdog, then TLS against the name."""
        last_error: OSError | None = None
        for address in checked:
            if self.deadline.expired:
                break
            try:
                sock = connection_open(self.target, address, timeout=min(self.policy.connect_timeout_seconds, self.deadline.remaining()))
                break
            except OSError as error:
                last_error = error
        else:
            raise last_error or OSError("no address to connect to")
        if self.deadline.expired:
            raise self.deadline.error(self.target.url)
        self.guard = WATCHDOG.arm(sock, self.deadline)
        sock.settimeout(max(0.001, self.deadline.remaining()))
        if not self.target.tls:
            return sock
        wrapped = tls_context().wrap_socket(sock, server_hostname=self.target.host, do_handshake_on_connect=False)
        self.guard.sock = wrapped  # the plain socket was detached into the TLS one
        if self.guard.fired:
            raise self.deadline.error(self.target.url)
        wrapped.do_handshake()
        return wrapped

    def outcome(self, response: http.client.HTTPResponse, *, etag: str | None, last_modified: str | None, hops: tuple[str, ...]) -> HttpResponse:
        """The HttpResponse for a final (non-redirect) response, or the FetchError it amounts to."""
        now = clock.now()
        headers = response.msg
        common = {
            "url": self.target.url,
            "status": response.status,
            "content_type": headers.get("Content-Type", ""),
            "etag": headers.get("ETag") or None,
            "last_modified": headers.get("Last-Modified") or None,
            "retry_after": retry_after(headers, now=now),
            "cache_max_age": cache_max_age(headers, now=now),
            "redirects": hops,
        }
        if response.status == 304:
            common.update(etag=common["etag"] or etag, last_modified=common["last_modified"] or last_modified)
            return HttpResponse(not_modified=True, **common)
        if not 200 <= response.status < 300:
            wait = common["retry_after"]
            hint = f" (the server asks to retry after {wait:g} s)" if wait is not None else ""
            raise FetchError(
                "http_error",
                f"cannot fetch {self.target.url}: HTTP {response.status} {response.reason}{hint}".rstrip(),
                url=self.target.url,
                status=response.status,
                retry_after=wait,
            )
        try:
            payload = self._body(response)
        except FetchError:
            raise
        except (OSError, http.client.HTTPException) as error:
            raise self._failure(error) from error
        return HttpResponse(payload=payload, **common)

    def _body(self, response: http.client.HTTPResponse) -> bytes:
        cap, url = self.policy.max_bytes, self.target.url
        announced = response.getheader("Content-Length", "").strip()
        if announced.isdigit() and int(announced) > cap:
            raise too_large(url, cap, announced=int(announced))
        decoder = decoder_for(response.getheader("Content-Encoding", ""), url=url)
        body = io.BytesIO()
        on_wire = 0
        while True:
            chunk = response.read1(STEP)
            if self.deadline.expired or (self.guard is not None and self.guard.fired):
                raise self.deadline.error(url)
            if not chunk:
                break
            on_wire += len(chunk)
            if on_wire > cap:
                raise too_large(url, cap)
            for piece in decoder.feed(chunk):
                if body.tell() + len(piece) > cap:
                    raise too_large(url, cap)
                body.write(piece)
        for piece in decoder.finish():
            if body.tell() + len(piece) > cap:
                raise too_large(url, cap)
            body.write(piece)
        return body.getvalue()

    def _failure(self, error: BaseException) -> FetchError:
        url = self.target.url
        if (self.guard is not None and self.guard.fired) or self.deadline.expired:
            return self.deadline.error(url)
        if isinstance(error, http.client.LineTooLong):
            return FetchError("too_large", f"too large: a response header line is over the 64 KB limit: {url}", url=url)
        if isinstance(error, http.client.HTTPException) and "more than" in str(error):
            return FetchError("too_large", f"too large: too many response headers ({error}): {url}", url=url)
        if isinstance(error, ssl.SSLCertVerificationError):
            return FetchError("fetch_failed", f"cannot fetch {url}: the TLS certificate is not valid for {self.target.host} ({error.verify_message})", url=url)
        if isinstance(error, TimeoutError):
            return FetchError("fetch_failed", f"cannot fetch {url}: no connection within {self.policy.connect_timeout_seconds:g} s", url=url)
        if isinstance(error, OSError):
            return FetchError("fetch_failed", f"cannot fetch {url}: {error.strerror or error}", url=url)
        return FetchError("fetch_failed", f"cannot fetch {url}: {error!r}", url=url)

    def close(self) -> None:
        if self.guard is not None:
            WATCHDOG.disarm(self.guard)
        if self.connection is not None:
            self.connection.close()
