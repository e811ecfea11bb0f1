"""Content-Encoding decoded as a stream, in bounded steps, so a compression bomb stops at the cap.

Never decompress a body whole: ten kilobytes of gzip can hold ten gigabytes
of zeros. Each decoder turns one chunk of wire bytes into pieces of at most
``STEP`` decoded bytes, and the client counts them against the cap as they
come. Brotli is offered only when the ``brotli`` package can bound its output
(``output_buffer_limit``, brotli 1.2); otherwise ``br`` is not advertised.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Protocol

from newsdesk.core.http.errors import FetchError

STEP = 64 * 1024
_GZIP = 16 + zlib.MAX_WBITS
_ZLIB = zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS
_MAX_LAYERS = 2

try:  # optional: brotli >= 1.2 bounds each step's output
    import brotli

    _BROTLI = hasattr(brotli.Decompressor(), "can_accept_more_data")
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None
    _BROTLI = False


def accept_encoding() -> str:
    """The Accept-Encoding header: only the codings we can decode with bounded memory."""
    return "gzip, deflate, br" if _BROTLI else "gzip, deflate"


class Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> Iterator[bytes]: ...


def decoder_for(content_encoding: str, *, url: str) -> Decoder:
    """The decoder for a Content-Encoding header ("gzip", "br", "deflate, gzip", "" …)."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
    if len(codings) > _MAX_LAYERS:
        raise FetchError("fetch_failed", f"cannot fetch {url}: {len(codings)} layers of Content-Encoding", url=url)
    layers: list[Decoder] = [_layer(coding, url) for coding in reversed(codings)]  # the last applied comes off first
    if not layers:
        return _Identity()
    return layers[0] if len(layers) == 1 else _Chain(layers)


def _layer(coding: str, url: str) -> Decoder:
    if coding in ("gzip", "x-gzip"):
        return _Zlib(_GZIP, url)
    if coding == "deflate":
        return _Zlib(_ZLIB, url)
    if coding == "br" and _BROTLI:
        return _Brotli(url)
    raise FetchError("fetch_failed", f"cannot fetch {url}: the server used Content-Encoding {coding!r}, which was not offered", url=url)


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def finish(self) -> Iterator[bytes]:
        return iter(())


class _Zlib:
    """gzip (several members allowed) or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, wbits: int, url: str) -> None:
        self._wbits = wbits
        self._url = url
        self._stream = zlib.decompressobj(wbits)
        self._fed = False
        self._produced = False
        self._members = 0
        self._ignoring = False  # bytes after the end of the stream: ignored, as browsers do

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data and not self._ignoring:
            self._fed = True
            if self._stream.eof:
                if self._wbits != _GZIP:
                    self._ignoring = True
                    return
                self._stream = zlib.decompressobj(_GZIP)  # the next gzip member
            try:
                data = yield from self._inflate(data)
            except zlib.error as error:
                if self._wbits == _ZLIB and not self._produced:  # raw deflate labelled "deflate"
                    self._wbits, self._stream = _RAW_DEFLATE, zlib.decompressobj(_RAW_DEFLATE)
                    continue
                if self._members:  # not another gzip member: trailing garbage
                    self._ignoring = True
                    return
                raise FetchError("fetch_failed", f"cannot fetch {self._url}: the compressed body is corrupt ({error})", url=self._url) from error

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        """Decode in steps of at most STEP bytes; return the bytes after the stream's end, if it ended."""
        while True:
            out = self._stream.decompress(data, STEP)
            if out:
                self._produced = True
                yield out
            if self._stream.eof:
                self._members += 1
                return self._stream.unused_data
            data = self._stream.unconsumed_tail
            if not data and len(out) < STEP:
                return b""

    def finish(self) -> Iterator[bytes]:
        if self._fed and not self._ignoring and not self._stream.eof:
            raise FetchError("fetch_failed", f"cannot fetch {self._url}: the compressed body ends early", url=self._url)
        return iter(())


class _Brotli:
    def __init__(self, url: str) -> None:
        self._url = url
        self._stream = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._stream.is_finished():
            return
        try:
            out = self._stream.process(data, output_buffer_limit=STEP)
            while True:
                if out:
                    yield out
                if self._stream.can_accept_more_data():
                    return
                out = self._stream.process(b"", output_buffer_limit=STEP)
        except brotli.error as error:
            raise FetchError("fetch_failed", f"cannot fetch {self._url}: the brotli body is corrupt ({error})", url=self._url) from error

    def finish(self) -> Iterator[bytes]:
        if not self._stream.is_finished():
            raise FetchError("fetch_failed", f"cannot fetch {self._url}: the compressed body ends early", url=self._url)
        return iter(())


class _Chain:
    def __init__(self, layers: list[Decoder]) -> None:
        self._outer, self._inner = layers

    def feed(self, data: bytes) -> Iterator[bytes]:
        for piece in self._outer.feed(data):
            yield from self._inner.feed(piece)

    def finish(self) -> Iterator[bytes]:
        for piece in self._outer.finish():
            yield from self._inner.feed(piece)
        yield from self._inner.finish()
