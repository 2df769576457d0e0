"""Decoding a folder's packed stream: its coders chained in order, each output bounded.

Copy and AES (Casebook's own archives), LZMA and LZMA2 (7-Zip packs its headers with them) are
understood; anything else is `Unsupported`. No coder may produce more than the header declares
for it, so a damaged or hostile archive cannot balloon memory.
"""

from __future__ import annotations

import lzma
from collections.abc import Callable, Iterator, Mapping
from typing import Protocol

from casebook.bundle.sevenzip import aes
from casebook.bundle.sevenzip.encoding import FormatError
from casebook.bundle.sevenzip.header import COPY_METHOD, Folder
from casebook.bundle.sevenzip.header_reader import Unsupported

LZMA_METHOD = b"\x03\x01\x01"
LZMA2_METHOD = b"\x21"
_OUT_CHUNK = 1 << 20


class PasswordNeeded(Exception):
    """The archive is encrypted and no password was given."""


class KeyRing:
    """Derives the AES key for each (salt, cost) once; the writer hands in the key it used."""

    def __init__(
        self, password: str | None, known: Mapping[tuple[bytes, int], bytes] | None = None
    ) -> None:
        self._password = password
        self._keys = dict(known or {})

    def key(self, parameters: aes.AesParameters) -> bytes:
        wanted = (parameters.salt, parameters.cycles_power)
        if wanted not in self._keys:
            if self._password is None:
                raise PasswordNeeded
            self._keys[wanted] = aes.derive_key(
                self._password, parameters.salt, parameters.cycles_power
            )
        return self._keys[wanted]


class _Stage(Protocol):
    # Whether output beyond the declared size is expected and dropped: AES pads to whole
    # blocks, and an LZMA stream without an end marker decodes a little past its end.
    overruns: bool

    def update(self, data: bytes | memoryview) -> Iterator[bytes | memoryview]: ...
    def finish(self) -> Iterator[bytes | memoryview]: ...


class _Copy:
    overruns = False

    def update(self, data: bytes | memoryview) -> Iterator[bytes | memoryview]:
        yield data

    def finish(self) -> Iterator[bytes | memoryview]:
        yield from ()


class _AesDecrypt:
    overruns = True

    def __init__(self, key: bytes, iv: bytes) -> None:
        self._cipher = aes.decryptor(key, iv)
        self._buffer = bytearray(_OUT_CHUNK + aes.BLOCK)

    def update(self, data: bytes | memoryview) -> Iterator[bytes | memoryview]:
        if len(data) + aes.BLOCK > len(self._buffer):
            self._buffer = bytearray(len(data) + aes.BLOCK)
        count = self._cipher.update_into(data, self._buffer)
        yield memoryview(self._buffer)[:count]

    def finish(self) -> Iterator[bytes | memoryview]:
        try:
            yield self._cipher.finalize()
        except ValueError as error:  # not a whole number of blocks
            raise FormatError("AES stream length") from error


class _Lzma:
    def __init__(self, filters: list[Mapping[str, int]]) -> None:
        self.overruns = filters[0]["id"] == lzma.FILTER_LZMA1
        self._decompressor = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters)

    def update(self, data: bytes | memoryview) -> Iterator[bytes | memoryview]:
        if self._decompressor.eof:
            if data:
                raise FormatError("data after the end of an LZMA stream")
            return
        try:
            chunk = self._decompressor.decompress(bytes(data), _OUT_CHUNK)
            yield chunk
            while not self._decompressor.needs_input and not self._decompressor.eof:
                chunk = self._decompressor.decompress(b"", _OUT_CHUNK)
                if not chunk:
                    break
                yield chunk
        except lzma.LZMAError as error:
            raise FormatError("LZMA data") from error

    def finish(self) -> Iterator[bytes | memoryview]:
        yield from ()


def _lzma_filters(method: bytes, properties: bytes) -> list[Mapping[str, int]]:
    if method == LZMA_METHOD:
        if len(properties) != 5 or properties[0] >= 9 * 5 * 5:
            raise FormatError("LZMA properties")
        lc_lp_pb = properties[0]
        return [
            {
                "id": lzma.FILTER_LZMA1,
                "lc": lc_lp_pb % 9,
                "lp": (lc_lp_pb // 9) % 5,
                "pb": lc_lp_pb // 45,
                "dict_size": max(4096, int.from_bytes(properties[1:5], "little")),
            }
        ]
    if len(properties) != 1 or properties[0] > 40:
        raise FormatError("LZMA2 properties")
    bits = properties[0]
    size = 0xFFFFFFFF if bits == 40 else (2 | (bits & 1)) << (bits // 2 + 11)
    return [{"id": lzma.FILTER_LZMA2, "dict_size": size}]


def _stage(method: bytes, properties: bytes, keys: KeyRing) -> _Stage:
    if method == COPY_METHOD:
        return _Copy()
    if method == aes.AES_METHOD:
        parameters = aes.parse_aes_properties(properties)
        return _AesDecrypt(keys.key(parameters), parameters.iv)
    if method in (LZMA_METHOD, LZMA2_METHOD):
        return _Lzma(_lzma_filters(method, properties))
    raise Unsupported(f"method {method.hex()}")


def is_encrypted(folder: Folder) -> bool:
    return any(coder.method == aes.AES_METHOD for coder in folder.coders)


def decode_order(folder: Folder) -> list[int]:
    """Coder indices from the one reading the packed stream to the one writing the output."""
    order = [folder.packed[0]]
    feeds = {out: into for into, out in folder.bind_pairs}
    while order[-1] in feeds:
        order.append(feeds[order[-1]])
        if len(order) > len(folder.coders):
            raise FormatError("coder loop")
    if len(order) != len(folder.coders):
        raise FormatError("coders not chained")
    return order


class FolderDecoder:
    """Feeds packed bytes through the folder's coders; `sink` receives the unpacked output.

    Each coder's output is cut to the size the header gives it (AES pads to whole blocks).
    """

    def __init__(
        self, folder: Folder, keys: KeyRing, sink: Callable[[bytes | memoryview], None]
    ) -> None:
        order = decode_order(folder)
        self._stages = [
            _stage(folder.coders[i].method, folder.coders[i].properties, keys) for i in order
        ]
        self._limits = [folder.unpack_sizes[i] for i in order]
        self._produced = [0] * len(order)
        self._sink = sink

    def _push(self, level: int, data: bytes | memoryview) -> None:
        if level == len(self._stages):
            if data:
                self._sink(data)
            return
        for out in self._stages[level].update(data):
            self._pass_on(level, out)

    def _pass_on(self, level: int, out: bytes | memoryview) -> None:
        room = self._limits[level] - self._produced[level]
        if len(out) > room:
            if not self._stages[level].overruns:
                raise FormatError("coder output too long")
            out = memoryview(out)[:room]
        self._produced[level] += len(out)
        self._push(level + 1, out)

    def feed(self, packed: bytes | memoryview) -> None:
        self._push(0, packed)

    def finish(self) -> None:
        for level, stage in enumerate(self._stages):
            for out in stage.finish():
                self._pass_on(level, out)
            if self._produced[level] != self._limits[level]:
                raise FormatError("coder output too short")
