"""A URL as the client will fetch it: scheme, host, port and request line, or a ``bad_url`` refusal.

The host is read the way a browser reads it (the WHATWG URL standard), so
that no spelling of an address slips past the address rules: percent-escapes
are decoded, international names become IDNA ASCII (full-width digits and
ideographic dots included), a trailing dot is dropped, and a host whose last
label is a number is an IPv4 address in any of the forms ``inet_aton``
accepts (``2130706433``, ``0177.0.0.1``, ``0x7f.1``, ``127.1``).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from newsdesk.core.http.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")
_NAME = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_DECIMAL = re.compile(r"[0-9]+")
_HEX = re.compile(r"0[xX][0-9a-fA-F]*")
_OCTAL = re.compile(r"0[0-7]+")
_REQUEST_SAFE = "!#$%&'()*+,/:;=?@[]~"


@dataclass(frozen=True)
class Target:
    """Where one request goes. ``host`` is ASCII and lower-case; ``address`` is set when the host is one."""

    url: str
    scheme: str
    host: str
    port: int
    address: IPAddress | None
    request_target: str
    host_header: str

    @property
    def tls(self) -> bool:
        return self.scheme == "https"


def target_parse(url: str) -> Target:
    """Read ``url`` for fetching. Raises FetchError('bad_url', …) for anything but a plain http(s) URL."""
    url = url.strip()
    if _CONTROL_OR_SPACE.search(url):
        raise _bad(url, "it contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise _bad(url, str(error)) from error
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise _bad(url, "only http and https URLs can be fetched")
    if "@" in parts.netloc:
        raise _bad(url, "URLs carrying a user name or password are refused")
    if "\\" in parts.netloc:
        raise _bad(url, "a backslash in the host")
    if port == 0:
        raise _bad(url, "port 0")
    authority = parts.netloc.rsplit(":", 1)[0] if parts.port is not None or parts.netloc.endswith(":") else parts.netloc
    try:
        host = host_parse(authority)
    except ValueError as error:
        raise _bad(url, str(error)) from error
    port = port or _DEFAULT_PORTS[scheme]
    address = None if isinstance(host, str) else host
    host_text = host if isinstance(host, str) else str(host)
    shown = f"[{host_text}]" if ":" in host_text else host_text
    request_target = quote(parts.path or "/", safe=_REQUEST_SAFE) + (f"?{quote(parts.query, safe=_REQUEST_SAFE)}" if parts.query else "")
    host_header = shown if port == _DEFAULT_PORTS[scheme] else f"{shown}:{port}"
    return Target(url=url, scheme=scheme, host=host_text, port=port, address=address, request_target=request_target, host_header=host_header)


def host_parse(raw: str) -> str | IPAddress:
    """A URL's host as an ASCII name or an address. Raises ValueError with the reason."""
    if raw.startswith("["):
        if not raw.endswith("]"):
            raise ValueError("an unclosed [ in the host")
        inner = raw[1:-1]
        if "%" in inner:
            raise ValueError("IPv6 zone identifiers are refused")
        try:
            return ipaddress.IPv6Address(inner)
        except ValueError:
            raise ValueError(f"{inner!r} is not an IPv6 address") from None
    try:
        decoded = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        raise ValueError("the host's percent-escapes are not UTF-8") from None
    try:
        ascii_host = decoded.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValueError(f"{decoded!r} is not a valid host name") from None
    if ascii_host.endswith("."):
        ascii_host = ascii_host[:-1]
    if not ascii_host:
        raise ValueError("no host")
    if not _NAME.fullmatch(ascii_host) or len(ascii_host) > 253 or any(len(label) > 63 for label in ascii_host.split(".")):
        raise ValueError(f"{decoded!r} is not a valid host name")
    last = ascii_host.rsplit(".", 1)[-1]
    if _DECIMAL.fullmatch(last) or _HEX.fullmatch(last):
        return ipv4_parse(ascii_host)
    return ascii_host


def ipv4_parse(host: str) -> ipaddress.IPv4Address:
    """The WHATWG IPv4 parser: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last fills the rest."""
    parts = host.split(".")
    if len(parts) > 4:
        raise ValueError(f"{host!r} ends in a number but is not an IPv4 address")
    numbers = [_ipv4_number(part, host) for part in parts]
    if any(number > 255 for number in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise ValueError(f"{host!r} is out of the IPv4 range")
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return ipaddress.IPv4Address(value)


def _ipv4_number(part: str, host: str) -> int:
    if _HEX.fullmatch(part):
        return int(part[2:] or "0", 16)
    if _OCTAL.fullmatch(part):
        return int(part, 8)
    if _DECIMAL.fullmatch(part):
        return int(part, 10)
    raise ValueError(f"{host!r} ends in a number but is not an IPv4 address")


def _bad(url: str, why: str) -> FetchError:
    return FetchError("bad_url", f"cannot fetch {url[:200]!r}: {why}", url=url)
