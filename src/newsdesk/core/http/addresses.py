"""Which addresses a fetch may reach: public ones, and the private ones an operator named.

The rules are written out as a table rather than trusting ``ipaddress``'s
``is_global`` alone: that flag moves between Python versions (3.11 calls
multicast and IPv4-mapped addresses global). Anything the table does not name
and ``is_global`` does not call public is refused too. An IPv6 address that
carries an IPv4 address (IPv4-mapped, NAT64, 6to4) is judged by the address
it carries.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as ResolveTimeout

from newsdesk.core.http.errors import FetchError
from newsdesk.core.http.limits import Deadline
from newsdesk.core.http.policy import FetchPolicy
from newsdesk.core.http.urls import IPAddress, Target

_PRIVATE = "a private network address (RFC 1918)"
_DOCUMENTATION = "a documentation address"
_UNSPECIFIED = "the unspecified address"
_MULTICAST = "a multicast address"
_BROADCAST = "the broadcast address"

_IPV4_RULES: tuple[tuple[ipaddress.IPv4Network, str], ...] = tuple(
    (ipaddress.IPv4Network(network), why)
    for network, why in (
        ("0.0.0.0/8", _UNSPECIFIED),  # "this network": 0.0.0.0 reaches the local host on Linux
        ("10.0.0.0/8", _PRIVATE),
        ("100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address (cloud metadata services live at 169.254.169.254)"),
        ("172.16.0.0/12", _PRIVATE),
        ("192.0.0.0/24", "an IETF protocol assignment (RFC 6890)"),
        ("192.0.2.0/24", _DOCUMENTATION),
        ("192.88.99.0/24", "a 6to4 relay anycast address (RFC 7526)"),
        ("192.168.0.0/16", _PRIVATE),
        ("198.18.0.0/15", "a benchmarking address (RFC 2544)"),
        ("198.51.100.0/24", _DOCUMENTATION),
        ("203.0.113.0/24", _DOCUMENTATION),
        ("224.0.0.0/4", _MULTICAST),
        ("255.255.255.255/32", _BROADCAST),
        ("240.0.0.0/4", "a reserved address"),
    )
)

_IPV6_RULES: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(network), why)
    for network, why in (
        ("::/128", _UNSPECIFIED),
        ("::1/128", "the IPv6 loopback address"),
        ("::/8", "a reserved IPv6 address (IPv4-compatible and translated forms included)"),
        ("64:ff9b:1::/48", "a local-use NAT64 address (RFC 8215)"),
        ("100::/64", "a discard-only address (RFC 6666)"),
        ("2001::/32", "a Teredo tunnel address"),
        ("2001:2::/48", "a benchmarking address (RFC 5180)"),
        ("2001:db8::/32", _DOCUMENTATION),
        ("3fff::/20", _DOCUMENTATION),
        ("5f00::/16", "an SRv6 segment identifier (RFC 9602)"),
        ("fc00::/7", "a unique local address (fc00::/7)"),
        ("fe80::/10", "an IPv6 link-local address"),
        ("fec0::/10", "a site-local address"),
        ("ff00::/8", _MULTICAST),
    )
)

# getaddrinfo cannot be interrupted: it runs on these threads so that a fetch waits for DNS
# no longer than its deadline (a stuck look-up keeps its thread until the resolver gives up).
# One pool per process: a forked worker must not inherit a pool whose threads it does not have.
_resolvers: tuple[int, ThreadPoolExecutor] | None = None
_resolvers_lock = threading.Lock()


def _resolver_pool() -> ThreadPoolExecutor:
    global _resolvers
    with _resolvers_lock:
        if _resolvers is None or _resolvers[0] != os.getpid():
            _resolvers = (os.getpid(), ThreadPoolExecutor(max_workers=8, thread_name_prefix="newsdesk-resolve"))
        return _resolvers[1]

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Never a server, whatever the operator allows: 0.0.0.0 and :: reach the local host.
_NEVER = frozenset({_UNSPECIFIED, _MULTICAST, _BROADCAST})


def address_kind(address: IPAddress) -> str | None:
    """Why ``address`` is not public (a phrase for the refusal), or None when it is public."""
    address = ipaddress.ip_address(str(address).split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address):
        embedded, form = _embedded_ipv4(address)
        if embedded is not None:
            inner = address_kind(embedded)
            return None if inner is None else f"{inner} in {form} form"
        rules: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = _IPV6_RULES
    else:
        rules = _IPV4_RULES
    for network, why in rules:
        if address in network:
            return why
    return None if address.is_global else "a non-public address"


def _embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address | None, str]:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped, "IPv4-mapped"
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF), "NAT64"
    if address.sixtofour is not None:
        return address.sixtofour, "6to4"
    return None, ""


def address_refusal(address: IPAddress, *, host: str, policy: FetchPolicy) -> str | None:
    """Why a fetch of ``host`` may not connect to ``address`` under ``policy``, or None when it may."""
    kind = address_kind(address)
    if kind is None:
        return None
    if any(kind.startswith(never) for never in _NEVER):
        return kind
    if policy.allow_private or policy.allow_private_hosts.permits(host, address):
        return None
    return kind


def addresses_resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order. The only DNS look-up a fetch makes."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: dict[str, IPAddress] = {}
    for info in infos:
        text = str(info[4][0])
        found.setdefault(text, ipaddress.ip_address(text))
    return list(found.values())


def addresses_checked(target: Target, *, policy: FetchPolicy, deadline: Deadline) -> list[IPAddress]:
    """The addresses the client may connect to for ``target``: all of them pass, or the fetch is refused.

    A name is resolved once, here; the client then connects to these
    addresses and never hands the name to the resolver again, so a DNS
    answer that changes between check and connect (rebinding) changes nothing.
    """
    if target.address is not None:
        candidates = [target.address]
    else:
        try:
            candidates = _resolver_pool().submit(addresses_resolve, target.host, target.port).result(timeout=deadline.remaining())
        except ResolveTimeout:
            raise deadline.error(target.url) from None
        except (OSError, UnicodeError) as error:
            raise FetchError("fetch_failed", f"cannot fetch {target.url}: cannot resolve host {target.host!r} ({error})", url=target.url) from error
        if not candidates:
            raise FetchError("fetch_failed", f"cannot fetch {target.url}: {target.host!r} has no address", url=target.url)
    for address in candidates:
        why = address_refusal(address, host=target.host, policy=policy)
        if why is not None:
            shown = target.host if target.address is not None else f"{target.host} resolves to {address}, which"
            raise FetchError(
                "forbidden_address",
                f"refused: {shown} is {why}; set NEWSDESK_ALLOW_PRIVATE_HOSTS to fetch from a private host",
                url=target.url,
            )
    return candidates
