"""The 7z header as plain data, and its encoding (7zFormat.txt, "Header" and "StreamsInfo").

Only simple coders (one stream in, one out) are modelled: Copy, AES, LZMA and LZMA2 are all of
that kind; complex ones (BCJ2) are refused by the reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from casebook.bundle.sevenzip.encoding import bits, number

# Property IDs (7zFormat.txt)
END = 0x00
HEADER = 0x01
ARCHIVE_PROPERTIES = 0x02
ADDITIONAL_STREAMS = 0x03
MAIN_STREAMS = 0x04
FILES = 0x05
PACK_INFO = 0x06
UNPACK_INFO = 0x07
SUBSTREAMS = 0x08
SIZE = 0x09
CRC = 0x0A
FOLDER = 0x0B
UNPACK_SIZES = 0x0C
UNPACK_STREAMS = 0x0D
EMPTY_STREAM = 0x0E
EMPTY_FILE = 0x0F
ANTI = 0x10
NAMES = 0x11
CTIME = 0x12
ATIME = 0x13
MTIME = 0x14
ATTRIBUTES = 0x15
ENCODED_HEADER = 0x17
DUMMY = 0x19

COPY_METHOD = b"\x00"
AES_METHOD = bytes.fromhex("06f10701")

# Windows attributes, with 7-Zip's extension carrying POSIX modes in the high 16 bits
ATTRIBUTE_DIRECTORY = 0x10
ATTRIBUTE_ARCHIVE = 0x20
ATTRIBUTE_UNIX_EXTENSION = 0x8000
FILE_ATTRIBUTES = ATTRIBUTE_ARCHIVE | ATTRIBUTE_UNIX_EXTENSION | (0o100644 << 16)
DIRECTORY_ATTRIBUTES = ATTRIBUTE_DIRECTORY | ATTRIBUTE_UNIX_EXTENSION | (0o040755 << 16)

FILETIME_UNIX_EPOCH = 116_444_736_000_000_000  # 1970-01-01 in 100 ns steps since 1601


@dataclass(frozen=True)
class Coder:
    method: bytes
    properties: bytes = b""


@dataclass(frozen=True)
class Folder:
    """A chain of coders turning packed streams into one unpacked stream.

    Coder i reads in-stream i and writes out-stream i; a bind pair (in, out) feeds out-stream
    `out` into in-stream `in`; in-streams no pair feeds come from packed streams, in order.
    """

    coders: tuple[Coder, ...]
    bind_pairs: tuple[tuple[int, int], ...]
    packed: tuple[int, ...]
    unpack_sizes: tuple[int, ...]
    crc: int | None = None

    @property
    def main_out(self) -> int:
        bound = {out for _, out in self.bind_pairs}
        return next(index for index in range(len(self.coders)) if index not in bound)

    @property
    def unpack_size(self) -> int:
        return self.unpack_sizes[self.main_out]


@dataclass(frozen=True)
class StreamsInfo:
    pack_position: int  # where the first packed stream starts, after the signature header
    pack_sizes: tuple[int, ...]
    folders: tuple[Folder, ...]
    substream_counts: tuple[int, ...]  # per folder: how many files its output holds
    substream_sizes: tuple[int, ...]  # per file with data, in order
    substream_crcs: tuple[int | None, ...]


@dataclass(frozen=True)
class Entry:
    """One name in the archive: a directory, an empty file or a file with data."""

    name: str
    is_directory: bool = False
    has_data: bool = True
    attributes: int | None = None
    mtime: int | None = None  # FILETIME: 100 ns steps since 1601-01-01 UTC


def stored_encrypted(aes_properties: bytes, size: int, crc: int | None = None) -> Folder:
    """The folder Casebook writes, laid out as 7-Zip lays out its own `-mx=0` with a password:
    coder 0 (AES) reads the packed stream and feeds coder 1 (Copy), whose output is the data.
    """
    return Folder(
        coders=(Coder(AES_METHOD, aes_properties), Coder(COPY_METHOD)),
        bind_pairs=((1, 0),),
        packed=(0,),
        unpack_sizes=(size, size),
        crc=crc,
    )


def _coder(coder: Coder) -> bytes:
    flags = len(coder.method) | (0x20 if coder.properties else 0)
    out = bytes([flags]) + coder.method
    if coder.properties:
        out += number(len(coder.properties)) + coder.properties
    return out


def _folder(folder: Folder) -> bytes:
    out = number(len(folder.coders)) + b"".join(_coder(c) for c in folder.coders)
    for in_index, out_index in folder.bind_pairs:
        out += number(in_index) + number(out_index)
    if len(folder.packed) > 1:
        out += b"".join(number(index) for index in folder.packed)
    return out


def _digests(crcs: Sequence[int | None]) -> bytes:
    defined = [crc is not None for crc in crcs]
    out = b"\x01" if all(defined) else b"\x00" + bits(defined)
    return out + b"".join(crc.to_bytes(4, "little") for crc in crcs if crc is not None)


def encode_streams_info(info: StreamsInfo) -> bytes:
    out = bytearray([PACK_INFO]) + number(info.pack_position) + number(len(info.pack_sizes))
    out += bytes([SIZE]) + b"".join(number(size) for size in info.pack_sizes) + bytes([END])
    out += bytes([UNPACK_INFO, FOLDER]) + number(len(info.folders)) + b"\x00"
    out += b"".join(_folder(folder) for folder in info.folders)
    out += bytes([UNPACK_SIZES])
    out += b"".join(number(size) for folder in info.folders for size in folder.unpack_sizes)
    if any(folder.crc is not None for folder in info.folders):
        out += bytes([CRC]) + _digests([folder.crc for folder in info.folders])
    out += bytes([END])
    substreams = bytearray()
    if any(count != 1 for count in info.substream_counts):
        substreams += bytes([UNPACK_STREAMS])
        substreams += b"".join(number(count) for count in info.substream_counts)
    sizes: list[int] = []  # all but the last size of each folder (the last is implied)
    start = 0
    for count in info.substream_counts:
        if count:
            sizes += info.substream_sizes[start : start + count - 1]
        start += count
    if sizes:
        substreams += bytes([SIZE]) + b"".join(number(size) for size in sizes)
    if info.substream_crcs:
        substreams += bytes([CRC]) + _digests(info.substream_crcs)
    if substreams:
        out += bytes([SUBSTREAMS]) + substreams + bytes([END])
    out += bytes([END])
    return bytes(out)


def _names(entries: Sequence[Entry]) -> bytes:
    return b"\x00" + b"".join((e.name + "\0").encode("utf-16-le") for e in entries)


def _property(kind: int, data: bytes) -> bytes:
    return bytes([kind]) + number(len(data)) + data


def encode_header(main: StreamsInfo | None, entries: Sequence[Entry]) -> bytes:
    """The plain header: streams, then the file list (names, empties, times, attributes)."""
    out = bytearray([HEADER])
    if main is not None:
        out += bytes([MAIN_STREAMS]) + encode_streams_info(main)
    if entries:
        out += bytes([FILES]) + number(len(entries))
        empty = [not e.has_data for e in entries]
        if any(empty):
            out += _property(EMPTY_STREAM, bits(empty))
            empty_files = [not e.is_directory for e in entries if not e.has_data]
            if any(empty_files):
                out += _property(EMPTY_FILE, bits(empty_files))
        out += _property(NAMES, _names(entries))
        times = [e.mtime for e in entries]
        if any(t is not None for t in times):
            out += _property(MTIME, _optional_uint(times, 8))
        attributes = [e.attributes for e in entries]
        if any(a is not None for a in attributes):
            out += _property(ATTRIBUTES, _optional_uint(attributes, 4))
        out += bytes([END])
    out += bytes([END])
    return bytes(out)


def _optional_uint(values: Sequence[int | None], width: int) -> bytes:
    defined = [v is not None for v in values]
    out = b"\x01" if all(defined) else b"\x00" + bits(defined)
    out += b"\x00"  # not external
    return out + b"".join(v.to_bytes(width, "little") for v in values if v is not None)


def encode_encoded_header(info: StreamsInfo) -> bytes:
    """What the signature header points at when the real header is itself packed."""
    return bytes([ENCODED_HEADER]) + encode_streams_info(info)
