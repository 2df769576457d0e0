"""Reads a sealed archive back from its parts in one pass, without writing anything to disk.

Used by sealing, to check what landed on the disk before publishing it, and by verify, to check
a bundle someone received. The headers come first (a few small reads); then every byte of every
part is read once, in order: hashed for the part's SHA-256 on this thread while a second thread
decrypts it, checks each file's CRC and, for verify, hashes each file. Only the few small files
asked for (SHA256SUMS, DICOMDIR) are kept in memory. Problems are raised as `BundleInvalid`
naming the parts that hold them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.bundle.handoff import Handoff
from casebook.bundle.sevenzip.coders import KeyRing
from casebook.bundle.sevenzip.encoding import SIGNATURE_HEADER_SIZE, FormatError
from casebook.bundle.sevenzip.header_reader import FileRecord, Unsupported
from casebook.bundle.sevenzip.reader import (
    ArchiveIndex,
    ContentReader,
    Damaged,
    FileSink,
    NotSevenZip,
    Overlong,
    Truncated,
    WrongPassword,
    read_index,
)
from casebook.bundle.volumes import ArchivePart, PartSet, volume_number, volume_path
from casebook.core.progress import CancelToken

KEEP_LIMIT = 64 << 20
HANDOFF_DEPTH = 6


@dataclass(frozen=True)
class FileDigest:
    size: int
    crc: int | None
    sha256: str = ""  # only when asked for
    parts: tuple[str, ...] = ()  # the archive parts holding the file's bytes


@dataclass(frozen=True)
class ArchiveReading:
    files: dict[str, FileDigest]
    kept: dict[str, bytes]
    parts: tuple[ArchivePart, ...]
    directories: tuple[str, ...] = ()


@dataclass
class _Collected:
    """What the decrypting thread found, file by file."""

    hash_files: bool
    keep: Collection[str]
    hashes: dict[str, str] = field(default_factory=dict)
    kept: dict[str, bytes] = field(default_factory=dict)


class _Sink(FileSink):
    def __init__(self, record: FileRecord, collected: _Collected) -> None:
        self._name = record.entry.name
        self._collected = collected
        self._hash = hashlib.sha256() if collected.hash_files else None
        self._kept: list[bytes] | None = (
            [] if self._name in collected.keep and record.size <= KEEP_LIMIT else None
        )

    def write(self, data: bytes | memoryview) -> None:
        if self._hash is not None:
            self._hash.update(data)
        if self._kept is not None:
            self._kept.append(bytes(data))

    def close(self) -> None:
        if self._hash is not None:
            self._collected.hashes[self._name] = self._hash.hexdigest()
        if self._kept is not None:
            self._collected.kept[self._name] = b"".join(self._kept)


def _names(parts: PartSet, start: int, end: int) -> tuple[str, ...]:
    return tuple(parts.paths[i].name for i in parts.parts_between(start, end))


def _missing_or_short(parts: PartSet, expected: int) -> BundleInvalid:
    """Which parts are missing, or which is too short or too long, for an archive of
    `expected` bytes."""
    first = parts.paths[0]
    if volume_number(first) is None:
        return BundleInvalid(BundleProblem.PART_INCOMPLETE, "", (first.name,))
    volume = parts.sizes[0]
    count = max(len(parts.paths), -(-expected // volume))
    missing = tuple(
        volume_path(first, number).name
        for number in range(len(parts.paths) + 1, count + 1)
        if not volume_path(first, number).exists()
    )
    if missing:
        return BundleInvalid(BundleProblem.PART_MISSING, "", missing)
    short = tuple(
        path.name
        for index, (path, size) in enumerate(zip(parts.paths, parts.sizes, strict=True))
        if size != min(volume, expected - index * volume)
    )
    return BundleInvalid(BundleProblem.PART_INCOMPLETE, "", short or (parts.paths[-1].name,))


def _index(parts: PartSet, keys: KeyRing) -> ArchiveIndex:
    first = parts.paths[0].name
    if parts.sizes[0] < SIGNATURE_HEADER_SIZE:
        raise BundleInvalid(BundleProblem.PART_INCOMPLETE, "", (first,))
    try:
        return read_index(parts.read_at, parts.size, keys)
    except NotSevenZip as error:
        raise BundleInvalid(BundleProblem.NOT_AN_ARCHIVE, "", (first,)) from error
    except (Truncated, Overlong) as error:
        raise _missing_or_short(parts, error.expected) from error
    except WrongPassword as error:
        raise BundleInvalid(BundleProblem.WRONG_PASSWORD, "", (first,)) from error
    except Damaged as error:
        names = _names(parts, error.start, error.end)
        raise BundleInvalid(BundleProblem.CONTENT_DAMAGED, error.file, names) from error
    except Unsupported as error:
        raise BundleInvalid(BundleProblem.UNSUPPORTED, "", (first,)) from error
    except FormatError as error:
        raise BundleInvalid(BundleProblem.CONTENT_DAMAGED, "", (first,)) from error


def _file_parts(index: ArchiveIndex, parts: PartSet, record: FileRecord) -> tuple[str, ...]:
    if record.folder is None:
        return ()
    start = index.folder_starts[record.folder] + record.offset
    return _names(parts, start, start + record.size)


def read_archive(
    paths: Sequence[Path],
    keys: KeyRing,
    *,
    keep: Collection[str] = (),
    hash_files: bool = False,
    on_bytes: Callable[[int], None],
    cancel: CancelToken,
) -> ArchiveReading:
    """Decrypts the archive made of `paths`, checking every CRC; raises `BundleInvalid`."""
    try:
        parts = PartSet(paths)
    except OSError as error:
        name = Path(error.filename).name if error.filename else paths[0].name
        raise BundleInvalid(BundleProblem.PART_UNREADABLE, "", (name,)) from error
    try:
        return _read(parts, keys, keep, hash_files, on_bytes, cancel)
    except OSError as error:  # a failing or removed drive
        name = Path(error.filename).name if error.filename else parts.current.name
        raise BundleInvalid(BundleProblem.PART_UNREADABLE, "", (name,)) from error


def _read(
    parts: PartSet,
    keys: KeyRing,
    keep: Collection[str],
    hash_files: bool,
    on_bytes: Callable[[int], None],
    cancel: CancelToken,
) -> ArchiveReading:
    index = _index(parts, keys)
    collected = _Collected(hash_files, keep)
    content = ContentReader(index, keys, lambda record: _Sink(record, collected))

    def decode(block: tuple[int, bytes | memoryview]) -> None:
        content.feed(*block)

    digests: list[str] = []
    # A block read is reused once `depth + 2` more were: by then the decrypting thread has
    # taken the next one from the queue, so it is done with this one.
    handoff: Handoff[tuple[int, bytes | memoryview]] = Handoff(
        decode, depth=HANDOFF_DEPTH, name="casebook-readback"
    )
    try:
        try:
            for offset, block in parts.read_all(digests, keep=HANDOFF_DEPTH + 2):
                cancel.raise_if_cancelled()
                handoff.put((offset, block))
                on_bytes(len(block))
            handoff.close()
            content.finish()
        except Damaged as error:
            names = _names(parts, error.start, error.end)
            raise BundleInvalid(BundleProblem.CONTENT_DAMAGED, error.file, names) from error
        except FormatError as error:
            raise BundleInvalid(
                BundleProblem.CONTENT_DAMAGED, "", (parts.paths[0].name,)
            ) from error
    except BaseException:
        handoff.abort()
        raise
    files = {
        record.entry.name: FileDigest(
            record.size,
            record.crc,
            collected.hashes.get(record.entry.name, ""),
            _file_parts(index, parts, record),
        )
        for record in index.files
        if not record.entry.is_directory
    }
    directories = tuple(r.entry.name for r in index.files if r.entry.is_directory)
    return ArchiveReading(files, collected.kept, parts.parts(digests), directories)
