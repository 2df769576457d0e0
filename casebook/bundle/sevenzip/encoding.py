"""The byte-level building blocks of 7z headers: variable-length numbers, bit vectors, CRCs.

7z numbers are little-endian; header numbers use a variable length in which the count of
leading 1 bits of the first byte says how many bytes follow (7zFormat.txt, "UINT64").
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
VERSION = b"\x00\x04"
SIGNATURE_HEADER_SIZE = 32


class FormatError(Exception):
    """The bytes do not follow the 7z format (damaged, or not a 7z archive)."""


def crc32(data: bytes | bytearray | memoryview, value: int = 0) -> int:
    return zlib.crc32(data, value) & 0xFFFFFFFF


def number(value: int) -> bytes:
    """A header number: the fewest bytes that hold `value` (0 … 2**64 - 1)."""
    if not 0 <= value < 1 << 64:
        raise ValueError(f"out of range for a 7z number: {value}")
    for extra in range(8):
        if value < 1 << (7 * (extra + 1)):
            first = ((0xFF << (8 - extra)) & 0xFF) | (value >> (8 * extra))
            return bytes([first]) + (value & ((1 << (8 * extra)) - 1)).to_bytes(extra, "little")
    return b"\xff" + value.to_bytes(8, "little")


def bits(flags: Sequence[bool]) -> bytes:
    """A bit vector, most significant bit first, padded with zero bits."""
    out = bytearray((len(flags) + 7) // 8)
    for index, flag in enumerate(flags):
        if flag:
            out[index // 8] |= 0x80 >> (index % 8)
    return bytes(out)


class ByteReader:
    """Reads header fields from bytes, raising `FormatError` on anything out of place."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.position = 0

    def at_end(self) -> bool:
        return self.position >= len(self._data)

    def take(self, count: int) -> bytes:
        if count < 0 or self.position + count > len(self._data):
            raise FormatError("header ends early")
        chunk = self._data[self.position : self.position + count]
        self.position += count
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def uint32(self) -> int:
        return int.from_bytes(self.take(4), "little")

    def uint64(self) -> int:
        return int.from_bytes(self.take(8), "little")

    def number(self) -> int:
        first = self.byte()
        extra = 0
        while extra < 8 and first & (0x80 >> extra):
            extra += 1
        high = first & (0xFF >> (extra + 1)) if extra < 8 else 0
        low = int.from_bytes(self.take(extra), "little")
        return (high << (8 * extra)) + low

    def count(self, limit: int) -> int:
        """A number used as a count or size, refused above `limit` (damaged headers)."""
        value = self.number()
        if value > limit:
            raise FormatError(f"implausible count {value}")
        return value

    def bits(self, count: int) -> list[bool]:
        data = self.take((count + 7) // 8)
        return [bool(data[i // 8] & (0x80 >> (i % 8))) for i in range(count)]

    def defined_bits(self, count: int) -> list[bool]:
        """An "all defined" byte, then a bit vector when not all are."""
        if self.byte():
            return [True] * count
        return self.bits(count)


def signature_header(next_offset: int, next_size: int, next_crc: int) -> bytes:
    """The 32 bytes at the start of an archive pointing at the (encoded) header at its end."""
    start = (
        next_offset.to_bytes(8, "little")
        + next_size.to_bytes(8, "little")
        + next_crc.to_bytes(4, "little")
    )
    return SIGNATURE + VERSION + crc32(start).to_bytes(4, "little") + start


def parse_signature_header(data: bytes) -> tuple[int, int, int]:
    """(next header offset, size, CRC) from the first 32 bytes; `FormatError` if damaged."""
    if len(data) < SIGNATURE_HEADER_SIZE or data[:6] != SIGNATURE:
        raise FormatError("no 7z signature")
    start = data[12:32]
    if crc32(start) != int.from_bytes(data[8:12], "little"):
        raise FormatError("start header checksum")
    reader = ByteReader(start)
    return reader.uint64(), reader.uint64(), reader.uint32()
