"""Writes a 7z archive as a stream: files stored (Copy) in one AES-256 folder, headers encrypted.

Layout: the 32-byte signature header (a placeholder until the end), the encrypted content, the
encrypted header (names, sizes, CRCs, times, attributes), and the small plain block that says
how the header is encrypted. Only the signature header is written out of order, so the sink can
be a sequence of volumes. Memory holds one chunk and the list of names, whatever the size.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from casebook.bundle.sevenzip import aes
from casebook.bundle.sevenzip import header as h
from casebook.bundle.sevenzip.encoding import SIGNATURE_HEADER_SIZE, crc32, signature_header

_BUFFER = (1 << 20) + aes.BLOCK


class ArchiveSink(Protocol):
    """Where the archive goes: written in order, and its first bytes rewritten at the end."""

    def write(self, data: bytes | memoryview) -> None: ...
    def write_start(self, data: bytes) -> None: ...


@dataclass(frozen=True)
class WrittenFile:
    name: str
    size: int
    crc: int


@dataclass(frozen=True)
class WrittenArchive:
    """What the read-back needs to know: the key (so it is not derived again) and the files."""

    key: bytes
    salt: bytes
    cycles_power: int
    files: tuple[WrittenFile, ...]
    size: int


class SevenZipWriter:
    """`add_directory`, then for each file `begin_file`, `write`…, `end_file`; then `finish`."""

    def __init__(
        self,
        sink: ArchiveSink,
        password: str,
        *,
        mtime: int | None = None,
        cycles_power: int = aes.CYCLES_POWER,
    ) -> None:
        self._sink = sink
        self._salt = os.urandom(16)
        self._cycles_power = cycles_power
        self._key = aes.derive_key(password, self._salt, cycles_power)
        self._content = aes.AesParameters(cycles_power, self._salt, os.urandom(16))
        self._cipher = aes.encryptor(self._key, self._content.iv)
        self._buffer = bytearray(_BUFFER)
        self._mtime = mtime
        self._entries: list[h.Entry] = []
        self._files: list[WrittenFile] = []
        self._open: tuple[str, int, int] | None = None  # name, size so far, CRC so far
        self._content_size = 0
        sink.write(bytes(SIGNATURE_HEADER_SIZE))

    def add_directory(self, name: str) -> None:
        self._entries.append(h.Entry(name, True, False, h.DIRECTORY_ATTRIBUTES, self._mtime))

    def begin_file(self, name: str) -> None:
        if self._open is not None:
            raise RuntimeError("end_file() first")
        self._open = (name, 0, 0)

    def write(self, data: bytes | memoryview) -> None:
        if self._open is None:
            raise RuntimeError("begin_file() first")
        name, size, crc = self._open
        self._open = (name, size + len(data), crc32(data, crc))
        self._encrypt(data)

    def _encrypt(self, data: bytes | memoryview) -> None:
        if len(data) + aes.BLOCK > len(self._buffer):
            self._buffer = bytearray(len(data) + aes.BLOCK)
        count = self._cipher.update_into(data, self._buffer)
        self._content_size += len(data)
        if count:
            self._sink.write(memoryview(self._buffer)[:count])

    def end_file(self) -> WrittenFile:
        if self._open is None:
            raise RuntimeError("begin_file() first")
        name, size, crc = self._open
        self._open = None
        written = WrittenFile(name, size, crc)
        self._files.append(written)
        self._entries.append(h.Entry(name, False, size > 0, h.FILE_ATTRIBUTES, self._mtime))
        return written

    def _finish_content(self) -> int:
        padding = aes.padded_size(self._content_size) - self._content_size
        if padding:
            count = self._cipher.update_into(bytes(padding), self._buffer)
            self._sink.write(memoryview(self._buffer)[:count])
        tail = self._cipher.finalize()
        if tail:
            raise AssertionError("AES stream not block-aligned")  # padding above prevents it
        return self._content_size + padding

    def finish(self) -> WrittenArchive:
        """Writes the encrypted header and the signature header; the archive is complete."""
        if self._open is not None:
            raise RuntimeError("end_file() first")
        packed = self._finish_content()
        plain = _plain_header(
            self._files, self._entries, self._content.properties(), self._content_size, packed
        )
        header = aes.AesParameters(self._cycles_power, self._salt, os.urandom(16))
        cipher = aes.encryptor(self._key, header.iv)
        sealed = cipher.update(plain + bytes(aes.padded_size(len(plain)) - len(plain)))
        sealed += cipher.finalize()
        self._sink.write(sealed)
        info = _header_pointer(packed, len(sealed), header.properties(), plain)
        self._sink.write(info)
        self._sink.write_start(signature_header(packed + len(sealed), len(info), crc32(info)))
        size = SIGNATURE_HEADER_SIZE + packed + len(sealed) + len(info)
        return WrittenArchive(self._key, self._salt, self._cycles_power, tuple(self._files), size)


def _plain_header(
    files: Sequence[WrittenFile],
    entries: Sequence[h.Entry],
    content_properties: bytes,
    content_size: int,
    packed: int,
) -> bytes:
    with_data = [f for f in files if f.size]
    main = None
    if with_data:
        main = h.StreamsInfo(
            pack_position=0,
            pack_sizes=(packed,),
            folders=(h.stored_encrypted(content_properties, content_size),),
            substream_counts=(len(with_data),),
            substream_sizes=tuple(f.size for f in with_data),
            substream_crcs=tuple(f.crc for f in with_data),
        )
    return h.encode_header(main, entries)


def _header_pointer(packed: int, sealed_size: int, properties: bytes, plain: bytes) -> bytes:
    return h.encode_encoded_header(
        h.StreamsInfo(
            pack_position=packed,
            pack_sizes=(sealed_size,),
            folders=(h.stored_encrypted(properties, len(plain), crc32(plain)),),
            substream_counts=(1,),
            substream_sizes=(len(plain),),
            substream_crcs=(),
        )
    )


def archive_size(
    directories: Sequence[str],
    files: Sequence[tuple[str, int]],
    *,
    with_times: bool = True,
    cycles_power: int = aes.CYCLES_POWER,
) -> int:
    """The exact bytes `SevenZipWriter` writes for these folders and (name, size) files, in that
    order, without writing or encrypting anything: what decides how many parts an export makes.

    Every field whose value is unknown yet (CRCs, salt, IVs, times) has a fixed width, so
    placeholders of that width give the same header lengths the real archive has.
    """
    mtime = 0 if with_times else None
    entries = [h.Entry(name, True, False, h.DIRECTORY_ATTRIBUTES, mtime) for name in directories]
    entries += [h.Entry(name, False, size > 0, h.FILE_ATTRIBUTES, mtime) for name, size in files]
    written = [WrittenFile(name, size, 0) for name, size in files]
    content_size = sum(size for _, size in files)
    packed = aes.padded_size(content_size)
    properties = aes.AesParameters(cycles_power, bytes(16), bytes(16)).properties()
    plain = _plain_header(written, entries, properties, content_size, packed)
    sealed_size = aes.padded_size(len(plain))
    info = _header_pointer(packed, sealed_size, properties, plain)
    return SIGNATURE_HEADER_SIZE + packed + sealed_size + len(info)


def filetime(unix_seconds: float) -> int:
    """A FILETIME (what 7z stores) for a POSIX time."""
    return h.FILETIME_UNIX_EPOCH + int(unix_seconds * 10_000_000)
