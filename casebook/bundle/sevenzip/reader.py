"""Reads a 7z archive in two steps: its index (headers, a few small reads), then its content
in one sequential pass that the caller drives, so reading, hashing and decrypting can overlap.

Failures are raised with byte ranges rather than sentences: the caller knows which file on
disk (which volume) holds which range and names it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casebook.bundle.sevenzip import aes
from casebook.bundle.sevenzip import header as h
from casebook.bundle.sevenzip.coders import FolderDecoder, KeyRing, decode_order, is_encrypted
from casebook.bundle.sevenzip.encoding import (
    SIGNATURE,
    SIGNATURE_HEADER_SIZE,
    FormatError,
    crc32,
    parse_signature_header,
)
from casebook.bundle.sevenzip.header_reader import (
    FileRecord,
    read_encoded_header,
    read_header,
)

MAX_HEADER = 256 << 20

ReadAt = Callable[[int, int], bytes]


class NotSevenZip(FormatError):
    """The first bytes are not a 7z signature."""


@dataclass
class Truncated(FormatError):
    """The archive says it is `expected` bytes long; fewer are there."""

    expected: int
    available: int


@dataclass
class Overlong(FormatError):
    """The archive says it is `expected` bytes long; `available` are there, the rest unread.

    No writer leaves bytes after an archive's end: they are a part copied onto something
    longer, or added. Refused, as 7-Zip warns of them, so a verified bundle is exactly the
    bytes its headers describe.
    """

    expected: int
    available: int


@dataclass
class Damaged(FormatError):
    """Bytes in [start, end) of the archive fail their checksum (or cannot be decoded)."""

    start: int
    end: int
    file: str = ""


@dataclass
class WrongPassword(FormatError):
    """The encrypted header decrypts to noise in several places: the key is not right."""


@dataclass(frozen=True)
class ArchiveIndex:
    size: int
    files: tuple[FileRecord, ...]
    folders: tuple[h.Folder, ...]
    folder_starts: tuple[int, ...]  # where each folder's packed stream starts in the archive
    folder_ends: tuple[int, ...]


def _decode_whole(folder: h.Folder, packed: bytes, keys: KeyRing) -> bytes:
    out: list[bytes] = []
    decoder = FolderDecoder(folder, keys, lambda chunk: out.append(bytes(chunk)))
    decoder.feed(packed)
    decoder.finish()
    return b"".join(out)


def looks_like_header(plain: bytes) -> bool:
    """Whether a decrypted header that fails its CRC was decrypted with the right key.

    A wrong key turns every block to noise; a damaged byte spoils one block and one bit of the
    next. So a header still starting like a header, or still ending with the two closing zeros
    every header ends with, is damaged rather than wrongly keyed, provided it also still has
    the zero bytes headers are full of (UTF-16 names, small numbers), which noise has not.
    """
    starts_right = plain[:1] == bytes([h.HEADER]) and plain[1:2] in (
        bytes([h.ARCHIVE_PROPERTIES]),
        bytes([h.MAIN_STREAMS]),
        bytes([h.FILES]),
    )
    ends_right = len(plain) >= 2 * aes.BLOCK + 2 and plain.endswith(b"\0\0")
    zeros_right = len(plain) < 256 or plain.count(0) >= len(plain) // 100
    return (starts_right or ends_right) and zeros_right


def _plain_header(info: h.StreamsInfo, read_at: ReadAt, keys: KeyRing) -> bytes:
    if len(info.folders) != 1 or info.folders[0].unpack_size > MAX_HEADER:
        raise FormatError("encoded header")
    folder = info.folders[0]
    start = SIGNATURE_HEADER_SIZE + info.pack_position
    packed = read_at(start, info.pack_sizes[0])
    try:
        plain: bytes | None = _decode_whole(folder, packed, keys)
    except FormatError:
        plain = None
    if plain is not None and (folder.crc is None or crc32(plain) == folder.crc):
        return plain
    if is_encrypted(folder):
        decrypted = _decrypted_only(folder, packed, keys)
        if decrypted is None or not looks_like_header(decrypted):
            raise WrongPassword  # or a header compressed after encryption, which 7-Zip
            # itself cannot tell apart either
    raise Damaged(start, start + len(packed))


def _decrypted_only(folder: h.Folder, packed: bytes, keys: KeyRing) -> bytes | None:
    """The header with only AES undone, when nothing but Copy follows it (else None)."""
    order = decode_order(folder)
    methods = [folder.coders[i].method for i in order]
    if methods[0] != aes.AES_METHOD or any(m != h.COPY_METHOD for m in methods[1:]):
        return None
    parameters = aes.parse_aes_properties(folder.coders[order[0]].properties)
    cipher = aes.decryptor(keys.key(parameters), parameters.iv)
    whole = packed[: len(packed) // aes.BLOCK * aes.BLOCK]
    return (cipher.update(whole) + cipher.finalize())[: folder.unpack_size]


def read_index(read_at: ReadAt, available: int, keys: KeyRing) -> ArchiveIndex:
    """The archive's files and where their data is; `available` is the bytes present."""
    first = read_at(0, SIGNATURE_HEADER_SIZE)
    if sum(a == b for a, b in zip(first[:6], SIGNATURE, strict=False)) < 5:
        raise NotSevenZip("no 7z signature")  # one changed byte is damage, more is not 7z
    try:
        if first[6] != 0 or first[7] not in (2, 3, 4):
            raise FormatError("version")
        next_offset, next_size, next_crc = parse_signature_header(first)
    except (FormatError, IndexError) as error:
        raise Damaged(0, SIGNATURE_HEADER_SIZE) from error
    size = SIGNATURE_HEADER_SIZE + next_offset + next_size
    if next_size > MAX_HEADER:
        raise Damaged(0, SIGNATURE_HEADER_SIZE)
    if available < size:
        raise Truncated(size, available)
    if available > size:
        raise Overlong(size, available)
    start = SIGNATURE_HEADER_SIZE + next_offset
    data = read_at(start, next_size)
    if crc32(data) != next_crc:
        raise Damaged(start, size)
    try:
        encoded = read_encoded_header(data)
        if encoded is not None:
            data = _plain_header(encoded, read_at, keys)
            start = SIGNATURE_HEADER_SIZE + encoded.pack_position
        main, files = read_header(data)
    except (Damaged, WrongPassword):
        raise
    except FormatError as error:
        raise Damaged(start, size) from error
    folders = main.folders if main is not None else ()
    starts, ends = [], []
    position = SIGNATURE_HEADER_SIZE + (main.pack_position if main is not None else 0)
    for pack_size in main.pack_sizes if main is not None else ():
        starts.append(position)
        position += pack_size
        ends.append(position)
    if ends and ends[-1] > size:
        raise Damaged(start, size)
    return ArchiveIndex(size, tuple(files), folders, tuple(starts), tuple(ends))


class FileSink:
    """Receives one file's bytes while the content is decoded."""

    def write(self, data: bytes | memoryview) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """The file's bytes are complete and its CRC matched."""


class ContentReader:
    """Decodes the archive's content from bytes fed in order, file by file.

    `feed(offset, data)` takes any consecutive slices of the archive (bytes outside the
    folders are ignored); `open_file(record)` gives the sink for each file. A CRC that fails
    raises `Damaged` with the range of the archive that held the file.
    """

    def __init__(
        self, index: ArchiveIndex, keys: KeyRing, open_file: Callable[[FileRecord], FileSink]
    ) -> None:
        self._index = index
        self._keys = keys
        self._open_file = open_file
        self._by_folder: list[list[FileRecord]] = [[] for _ in index.folders]
        for record in index.files:
            if record.folder is not None:
                self._by_folder[record.folder].append(record)
        self._folder = -1
        self._decoder: FolderDecoder | None = None
        self._files: list[FileRecord] = []
        self._current: tuple[FileRecord, FileSink, int, int] | None = None  # done, crc
        for record in index.files:
            if record.folder is None and not record.entry.is_directory:
                open_file(record).close()

    def _start_folder(self, number: int) -> None:
        self._folder = number
        self._decoder = FolderDecoder(self._index.folders[number], self._keys, self._unpacked)
        self._files = list(self._by_folder[number])
        self._files.reverse()
        self._next_file()

    def _next_file(self) -> None:
        self._current = None
        while self._files:
            record = self._files.pop()
            if record.size:
                self._current = (record, self._open_file(record), 0, 0)
                return
            self._open_file(record).close()

    def _unpacked(self, data: bytes | memoryview) -> None:
        view = memoryview(data)
        while view:
            if self._current is None:
                raise Damaged(*self._folder_range(), "")
            record, sink, done, crc = self._current
            take = view[: record.size - done]
            sink.write(take)
            done += len(take)
            crc = crc32(take, crc)
            view = view[len(take) :]
            if done < record.size:
                self._current = (record, sink, done, crc)
                continue
            if record.crc is not None and crc != record.crc:
                raise Damaged(*self._packed_range(record), record.entry.name)
            sink.close()
            self._next_file()

    def _folder_range(self) -> tuple[int, int]:
        return self._index.folder_starts[self._folder], self._index.folder_ends[self._folder]

    def _packed_range(self, record: FileRecord) -> tuple[int, int]:
        """Where a file's bytes lie in the archive: exact for stored files, else the folder."""
        start, end = self._folder_range()
        folder = self._index.folders[self._folder]
        methods = {coder.method for coder in folder.coders}
        if methods <= {h.COPY_METHOD, aes.AES_METHOD}:
            first = record.offset // aes.BLOCK * aes.BLOCK
            last = aes.padded_size(record.offset + record.size)
            return start + first, min(end, start + last)
        return start, end

    def feed(self, offset: int, data: bytes | memoryview) -> None:
        view = memoryview(data)
        while view:
            number = self._folder if self._decoder is not None else self._folder + 1
            if number >= len(self._index.folders):
                return
            start, end = self._index.folder_starts[number], self._index.folder_ends[number]
            if offset + len(view) <= start:
                return
            if offset < start:
                view, offset = view[start - offset :], start
            if self._decoder is None:
                self._start_folder(number)
            assert self._decoder is not None
            inside = view[: end - offset]
            self._decoder.feed(inside)
            offset += len(inside)
            view = view[len(inside) :]
            if offset >= end:
                self._finish_folder()

    def _finish_folder(self) -> None:
        assert self._decoder is not None
        try:
            self._decoder.finish()
        except FormatError as error:
            raise Damaged(*self._folder_range()) from error
        if self._current is not None or self._files:
            raise Damaged(*self._folder_range())
        self._decoder = None

    def finish(self) -> None:
        """Every folder was decoded to its end."""
        if self._decoder is not None or self._folder + 1 < len(self._index.folders):
            raise Damaged(*self._index_range_left())

    def _index_range_left(self) -> tuple[int, int]:
        if not self._index.folders:
            return 0, self._index.size
        return self._index.folder_starts[max(self._folder, 0)], self._index.folder_ends[-1]
