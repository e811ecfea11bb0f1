"""SSRF: a URL can never turn the fetcher against the network it runs in (issue 3, point 5).

Every case runs with name resolution faked and every way of opening a
connection made to fail the test, so a refusal is proved to happen *before*
any connection; no test here sends a packet anywhere.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

from newsdesk.core.http import FetchError, FetchPolicy, http_get, private_hosts_parse
from newsdesk.core.http import addresses, client


class Connected(Exception):
    """Raised by the fake connection function: the client got as far as connecting (to the address recorded)."""


@pytest.fixture
def network(monkeypatch):
    """Fake DNS (``network.dns[host] = [addresses]``); record connection attempts; forbid every real socket."""

    class Network:
        dns: dict[str, list[str]] = {}
        resolved: list[str] = []
        connections: list[tuple[str, str]] = []

    net = Network()
    net.dns, net.resolved, net.connections = {}, [], []

    def resolve(host, port):
        net.resolved.append(host)
        return [ipaddress.ip_address(address.split("%")[0]) for address in net.dns[host]]

    def connect(target, address, *, timeout):
        net.connections.append((target.host, str(address)))
        raise Connected(str(address))

    def real_network(*args, **kwargs):
        raise AssertionError("a test tried to use the real network")

    monkeypatch.setattr(addresses, "addresses_resolve", resolve)
    monkeypatch.setattr(client, "connection_open", connect)
    monkeypatch.setattr(socket, "getaddrinfo", real_network)
    monkeypatch.setattr(socket, "create_connection", real_network)
    monkeypatch.setattr(socket.socket, "connect", real_network)
    return net


STRICT = FetchPolicy(max_bytes=1_000_000)

# (url, what the fake DNS answers for its host or None for an address literal)
FORBIDDEN: list[tuple[str, list[str] | None]] = [
    # loopback, every spelling
    ("http://127.0.0.1/", None),
    ("http://127.1/", None),
    ("http://2130706433/", None),
    ("http://0177.0.0.1/", None),
    ("http://0x7f.1/", None),
    ("http://0x7f000001/", None),
    ("http://017700000001/", None),
    ("http://0x7f.0x0.0x0.0x1/", None),
    ("http://0000177.0.0.1/", None),
    ("http://127.0.0.1./", None),
    ("http://127.255.255.254:8080/", None),
    ("http://%31%32%37.0.0.1/", None),
    ("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", None),  # full-width digits (IDNA maps them)
    ("http://127\u30020\u30020\u30021/", None),  # ideographic full stops
    ("http://[::1]/", None),
    # unspecified
    ("http://0/", None),
    ("http://0.0.0.0/", None),
    ("http://[::]/", None),
    # RFC 1918, CGNAT, link-local and the cloud metadata address
    ("http://10.0.0.1/", None),
    ("http://172.16.0.1/", None),
    ("http://172.31.255.255/", None),
    ("http://192.168.1.1/", None),
    ("http://100.64.0.1/", None),
    ("http://100.127.255.254/", None),
    ("http://169.254.169.254/latest/meta-data/", None),
    ("http://169.254.169.254./latest/meta-data/", None),
    ("http://2852039166/", None),  # 169.254.169.254 as a decimal
    # special-purpose IPv4
    ("http://192.0.0.8/", None),
    ("http://192.0.2.1/", None),
    ("http://198.51.100.7/", None),
    ("http://203.0.113.9/", None),
    ("http://198.18.0.1/", None),
    ("http://198.19.255.1/", None),
    ("http://224.0.0.1/", None),
    ("http://239.255.255.250/", None),
    ("http://240.0.0.1/", None),
    ("http://255.255.255.255/", None),
    # IPv6 ranges and IPv6 forms of private IPv4 addresses
    ("http://[fc00::1]/", None),
    ("http://[fd12:3456::1]/", None),
    ("http://[fe80::1]/", None),
    ("http://[ff02::1]/", None),
    ("http://[2001:db8::1]/", None),
    ("http://[2001::1]/", None),  # Teredo
    ("http://[::ffff:127.0.0.1]/", None),
    ("http://[::ffff:7f00:1]/", None),
    ("http://[0:0:0:0:0:ffff:169.254.169.254]/", None),
    ("http://[::127.0.0.1]/", None),  # IPv4-compatible (deprecated)
    ("http://[64:ff9b::10.0.0.1]/", None),  # NAT64 carrying RFC 1918
    ("http://[64:ff9b::7f00:1]/", None),
    ("http://[64:ff9b:1::1]/", None),  # local-use NAT64
    ("http://[2002:7f00:1::]/", None),  # 6to4 carrying loopback
    ("http://[2002:c0a8:101::1]/", None),  # 6to4 carrying 192.168.1.1
    # names whose DNS answer is not public
    ("http://metadata.example/", ["169.254.169.254"]),
    ("http://internal.example/", ["10.1.2.3"]),
    ("http://cgnat.example/", ["100.64.1.1"]),
    ("http://localhost/", ["127.0.0.1", "::1"]),
    ("http://mixed.example/", ["93.184.216.34", "127.0.0.1"]),  # one bad answer is enough
    ("http://mixed6.example/", ["2606:2800:220:1::1", "fd00::1"]),
    ("http://v6loop.example/", ["::1"]),
    ("http://mapped.example/", ["::ffff:10.0.0.1"]),
    ("http://nat64.example/", ["64:ff9b::a9fe:a9fe"]),
    ("http://ula.example/", ["fd00::1"]),
    ("http://linklocal6.example/", ["fe80::1%eth0"]),
    ("https://secure.example:8443/", ["172.20.0.1"]),
]


@pytest.mark.parametrize(("url", "answers"), FORBIDDEN)
def test_a_non_public_address_is_refused_before_any_connection(network, url, answers):
    if answers is not None:
        host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].rstrip(".")
        network.dns[host] = answers
    with pytest.raises(FetchError) as refused:
        http_get(url, policy=STRICT)
    assert refused.value.reason == "forbidden_address", refused.value
    assert "refused:" in str(refused.value)
    assert network.connections == []
    assert network.resolved == ([] if answers is None else [host])  # literals never reach the resolver


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://example.com/",
        "ftp://example.com/",
        "javascript:alert(1)",
        "data:text/plain,hi",
        "http://user:pass@example.com/",
        "http://user@example.com/",
        "http://@127.0.0.1/",
        "http://127.0.0.1:80@evil.example/",
        "http://evil.example\\@127.0.0.1/",
        "http:///path-only",
        "http://exa mple.com/",
        "http://example.com:99999/",
        "http://[fe80::1%25eth0]/",
        "http://256.0.0.1/",
        "http://0x7g.1/",
        "http://1.2.3.4.5/",
        "http://foo.123/",
        "http://exa\u0000mple.com/",
    ],
)
def test_anything_but_a_plain_http_url_is_a_bad_url(network, url):
    with pytest.raises(FetchError) as refused:
        http_get(url, policy=STRICT)
    assert refused.value.reason == "bad_url", refused.value
    assert network.connections == [] and network.resolved == []


def test_a_public_host_is_resolved_once_and_the_client_connects_to_the_checked_address(network):
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a rebinding DNS: public first, loopback after
    network.dns = type("Rebinding", (dict,), {"__getitem__": lambda self, host: next(answers)})()
    with pytest.raises(Connected):
        http_get("http://news.example/feed.xml", policy=STRICT)
    assert network.resolved == ["news.example"]
    assert network.connections == [("news.example", "93.184.216.34")]


def test_an_international_name_is_resolved_as_idna_ascii_without_its_trailing_dot(network):
    network.dns["xn--bcher-kva.example"] = ["192.168.0.1"]
    with pytest.raises(FetchError) as refused:
        http_get("http://B\u00fccher.Example./", policy=STRICT)
    assert refused.value.reason == "forbidden_address"
    assert network.resolved == ["xn--bcher-kva.example"]


def test_https_checks_the_certificate_and_sends_sni_for_the_name_not_the_address(network, monkeypatch):
    network.dns["news.example"] = ["93.184.216.34"]
    ends = socket.socketpair()
    seen = {}

    class Context:
        def wrap_socket(self, sock, *, server_hostname, do_handshake_on_connect):
            seen["server_hostname"] = server_hostname
            raise Connected("tls")

    monkeypatch.setattr(client, "connection_open", lambda target, address, *, timeout: ends[0])
    monkeypatch.setattr(client, "tls_context", lambda: Context())
    with pytest.raises(Connected):
        http_get("https://news.example/feed.xml", policy=STRICT)
    assert seen["server_hostname"] == "news.example"
    for end in ends:
        end.close()


def test_the_real_tls_context_verifies_certificates_and_host_names():
    import ssl

    context = client.tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2


def test_an_allowed_address_range_lets_exactly_that_range_through(network):
    policy = FetchPolicy(allow_private_hosts=private_hosts_parse("127.0.0.1/32"))
    with pytest.raises(Connected):
        http_get("http://127.0.0.1:8000/feed", policy=policy)
    for url in ("http://127.0.0.2/", "http://10.0.0.1/", "http://169.254.169.254/"):
        with pytest.raises(FetchError) as refused:
            http_get(url, policy=policy)
        assert refused.value.reason == "forbidden_address"
    assert network.connections == [("127.0.0.1", "127.0.0.1")]


def test_an_allowed_host_name_may_resolve_privately_but_other_names_may_not(network):
    policy = FetchPolicy(allow_private_hosts=private_hosts_parse("feeds.internal"))
    network.dns.update({"feeds.internal": ["10.1.1.1"], "other.internal": ["10.1.1.1"]})
    with pytest.raises(Connected):
        http_get("http://feeds.internal/rss", policy=policy)
    with pytest.raises(FetchError) as refused:
        http_get("http://other.internal/rss", policy=policy)
    assert refused.value.reason == "forbidden_address"
    assert network.connections == [("feeds.internal", "10.1.1.1")]


@pytest.mark.parametrize("url", ["http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/"])
def test_unspecified_multicast_and_broadcast_are_refused_whatever_the_operator_allows(network, url):
    for policy in (FetchPolicy(allow_private_hosts=private_hosts_parse("0.0.0.0/0, ::/0")), FetchPolicy(allow_private=True)):
        with pytest.raises(FetchError) as refused:
            http_get(url, policy=policy)
        assert refused.value.reason == "forbidden_address"
    assert network.connections == []


def test_the_allow_list_setting_reads_names_addresses_and_ranges():
    hosts = private_hosts_parse(" feeds.internal, 10.20.0.0/16 ,, 127.0.0.1, [fd00::1], FEEDS2.Internal. ")
    assert hosts.names == {"feeds.internal", "feeds2.internal"}
    assert [str(n) for n in hosts.networks] == ["10.20.0.0/16", "127.0.0.1/32", "fd00::1/128"]
    assert not private_hosts_parse("") and not private_hosts_parse(" , ")
    for bad in ("10.0.0.0/33", "not a host", "http://x/"):
        with pytest.raises(ValueError, match="NEWSDESK_ALLOW_PRIVATE_HOSTS"):
            private_hosts_parse(bad)


def test_public_addresses_are_not_refused():
    for address in ("93.184.216.34", "8.8.8.8", "2606:2800:220:1::1", "::ffff:93.184.216.34", "64:ff9b::808:808", "2002:5db8:d822::1"):
        assert addresses.address_kind(ipaddress.ip_address(address)) is None, address


def test_a_resolver_that_hangs_counts_against_the_deadline(network, monkeypatch):
    import time

    monkeypatch.setattr(addresses, "addresses_resolve", lambda host, port: time.sleep(1.5) or [ipaddress.ip_address("93.184.216.34")])
    started = time.monotonic()
    with pytest.raises(FetchError) as refused:
        http_get("http://slow-dns.example/", policy=FetchPolicy(deadline_seconds=0.5))
    assert refused.value.reason == "too_slow" and time.monotonic() - started < 1.0
    assert network.connections == []
