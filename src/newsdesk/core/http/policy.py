"""What one fetch may do: the limits it runs under and the private hosts an operator allows.

A policy is plain data passed in by the caller (the pipeline builds it from
settings): nothing here reads the environment or Django settings.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from newsdesk.core.http.urls import host_parse

USER_AGENT = "newsdesk/0.1 (news wire reader; +https://github.com/newsdesk/newsdesk)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)
MB = 1024 * 1024

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class PrivateHosts:
    """Private hosts an operator lets newsdesk fetch from (self-hosted feeds): names and address ranges.

    A name allows whatever addresses that name resolves to; an address or
    range allows exactly those addresses, whatever name led to them.
    """

    names: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.names or self.networks)

    def permits(self, host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if host in self.names:
            return True
        bare = ipaddress.ip_address(str(address).split("%", 1)[0])
        return any(bare.version == network.version and bare in network for network in self.networks)


def private_hosts_parse(value: str) -> PrivateHosts:
    """Parse ``NEWSDESK_ALLOW_PRIVATE_HOSTS``: comma-separated host names, addresses or CIDR ranges.

    ``"feeds.internal, 10.20.0.0/16, 127.0.0.1, [fd00::1]"``. Empty entries are
    ignored; an entry that is none of these raises ValueError with a sentence
    naming it, so a typo in the setting stops start-up instead of silently
    allowing nothing (or too much).
    """
    names: set[str] = set()
    networks: list[IPNetwork] = []
    for raw in value.split(","):
        entry = raw.strip()
        if not entry:
            continue
        network = _network(entry)
        if network is not None:
            networks.append(network)
            continue
        try:
            host = host_parse(entry)
        except ValueError:
            raise ValueError(f"NEWSDESK_ALLOW_PRIVATE_HOSTS: {entry!r} is not a host name, an address or a CIDR range") from None
        if isinstance(host, str):
            names.add(host)
        else:  # a numeric spelling such as 0x7f.1
            networks.append(ipaddress.ip_network(host))
    return PrivateHosts(names=frozenset(names), networks=tuple(networks))


def _network(entry: str) -> IPNetwork | None:
    candidate = entry
    if candidate.startswith("["):
        candidate = candidate[1:].replace("]", "", 1)
    try:
        return ipaddress.ip_network(candidate, strict=False)
    except ValueError:
        if "/" in entry and not entry.startswith("/"):
            address_part = candidate.split("/", 1)[0]
            try:
                ipaddress.ip_address(address_part)
            except ValueError:
                return None
            raise ValueError(f"NEWSDESK_ALLOW_PRIVATE_HOSTS: {entry!r} is not a valid CIDR range") from None
        return None


@dataclass(frozen=True)
class FetchPolicy:
    """The limits of one fetch. Defaults suit a feed or an article page.

    ``max_bytes`` caps the *decoded* body (and the bytes on the wire);
    ``deadline_seconds`` is the whole fetch, redirects and all;
    ``allow_private`` (tests only) permits every non-public address except
    unspecified, broadcast and multicast ones; operators use
    ``allow_private_hosts`` instead.
    """

    max_bytes: int = 15 * MB
    deadline_seconds: float = 30.0
    connect_timeout_seconds: float = 10.0
    max_redirects: int = 5
    max_header_count: int = 100
    max_header_bytes: int = 64 * 1024
    allow_private_hosts: PrivateHosts = field(default_factory=PrivateHosts)
    allow_private: bool = False
    user_agent: str = USER_AGENT
    accept: str = ACCEPT
