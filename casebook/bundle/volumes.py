"""The files an archive is spread over: writing its volumes, and reading them back as one.

7-Zip's volumes are a plain split of one archive into `name.7z.001`, `.002`… of a fixed size,
so the 7z writer sees one stream and this module cuts it. Writing goes to `<part>.partial`
files through an injectable opener (tests make one that fails like a full disk or a pulled USB
stick), in order; only the archive's first 32 bytes are rewritten at the end. Reading gives
random access for the headers and one sequential pass that hashes each part on the way.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import mmap
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PARTIAL_SUFFIX = ".partial"
READ_BLOCK = 1 << 20
# Every so often the written pages are handed to the disk (without waiting), so the final
# fsync waits for little and the page cache never fills with the whole archive.
FLUSH_EVERY = 16 << 20

PartOpener = Callable[[Path, bool], BinaryIO]
"""Opens a part for binary writing: `create` True for a new file, False to rewrite its start."""


PART_MODE = 0o644  # handed on by the family (mail, USB, a shared folder): readable, not secret


def open_part(path: Path, create: bool) -> BinaryIO:
    """The real opener: a new part is created exclusively, so nothing is overwritten.

    Casebook runs with an owner-only umask; a part is the one thing it makes for others to
    read (it is encrypted), so its mode is set explicitly, whatever the umask."""
    if not create:
        return open(path, "r+b")
    handle = open(path, "xb")  # noqa: SIM115 - returned to the caller, who closes it
    if hasattr(os, "fchmod"):
        os.fchmod(handle.fileno(), PART_MODE)
    return handle


def part_names(name: str, count: int, split: bool) -> list[str]:
    """`name.7z` for one file, or `name.7z.001`… for volumes (7-Zip's numbering)."""
    if not split:
        return [f"{name}.7z"]
    return [f"{name}.7z.{index:03d}" for index in range(1, count + 1)]


def count_parts(archive_size: int, volume_size: int | None) -> int:
    """How many files `VolumeWriter` makes of an archive of `archive_size` bytes: a new part
    starts only when there is a byte left to write, so an exact multiple makes no empty one."""
    if volume_size is None:
        return 1
    return max(1, -(-archive_size // volume_size))


@dataclass(frozen=True)
class ArchivePart:
    """One file of a sealed archive and the SHA-256 read back from disk."""

    path: Path
    size: int
    sha256: str


class VolumeWriter:
    """Writes one stream into `.partial` parts of at most `volume_size` bytes each."""

    def __init__(
        self, directory: Path, name: str, volume_size: int | None, opener: PartOpener = open_part
    ) -> None:
        if volume_size is not None and volume_size < 64 * 1024:
            raise ValueError("volume_size must be at least 64 KiB")
        self._directory = directory
        self._name = name
        self._volume_size = volume_size
        self._opener = opener
        self._created: list[Path] = []
        self._handle: BinaryIO | None = None
        self._room = 0
        self._unflushed = 0
        self.size = 0

    @property
    def partial_paths(self) -> list[Path]:
        """The partial files created so far, in part order."""
        return list(self._created)

    def final_paths(self) -> list[Path]:
        names = part_names(self._name, len(self._created), self._volume_size is not None)
        return [self._directory / part for part in names]

    def _partial_path(self, index: int) -> Path:
        names = part_names(self._name, index + 1, self._volume_size is not None)
        return self._directory / (names[-1] + PARTIAL_SUFFIX)

    def _next_part(self) -> BinaryIO:
        self._release()
        path = self._partial_path(len(self._created))
        self._created.append(path)
        self._handle = self._opener(path, True)
        self._room = self._volume_size if self._volume_size is not None else -1
        return self._handle

    def _release(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            self._unflushed = 0

    def write(self, data: bytes | memoryview) -> None:
        view = memoryview(data).cast("B")
        while view:
            handle = self._handle if self._handle is not None and self._room else None
            if handle is None:
                handle = self._next_part()
            chunk = view if self._room < 0 else view[: self._room]
            handle.write(chunk)
            if self._room > 0:
                self._room -= len(chunk)
            self.size += len(chunk)
            self._unflushed += len(chunk)
            view = view[len(chunk) :]
            if self._unflushed >= FLUSH_EVERY:
                _start_writeback(handle)
                self._unflushed = 0

    def write_start(self, data: bytes) -> None:
        """Rewrites the first bytes of the first part (the archive's signature header)."""
        if not self._created:
            raise ValueError("nothing written yet")
        if self._handle is not None and len(self._created) == 1:
            self._handle.flush()
            self._handle.seek(0)
            self._handle.write(data)
            self._handle.seek(0, os.SEEK_END)
            return
        with self._opener(self._created[0], False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def close(self) -> None:
        """Flushes and fsyncs the last part (earlier ones were when the writer left them)."""
        self._release()

    def discard(self) -> None:
        """Closes without raising and deletes every partial file (after a failure)."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        for path in self._created:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _start_writeback(handle: BinaryIO) -> None:
    """Starts writing what is cached to the disk and forgets what already is (Linux: without
    waiting); elsewhere the final fsync does it all."""
    handle.flush()
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        advise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


class PartSet:
    """The parts of an archive read as one: small reads anywhere, and one hashing pass."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self.current = self.paths[0]  # the part being read, to name it when reading fails
        self.sizes = [path.stat().st_size for path in self.paths]
        self.starts = [sum(self.sizes[:i]) for i in range(len(self.sizes))]
        self.size = sum(self.sizes)

    def part_of(self, offset: int) -> int:
        """The index of the part holding byte `offset` (the last part for the end)."""
        for index in range(len(self.paths) - 1, -1, -1):
            if offset >= self.starts[index]:
                return index
        return 0

    def parts_between(self, start: int, end: int) -> list[int]:
        """Indexes of the parts holding any byte of [start, end)."""
        if end <= start:
            return [self.part_of(start)]
        return list(range(self.part_of(start), self.part_of(end - 1) + 1))

    def read_at(self, offset: int, size: int) -> bytes:
        pieces = []
        while size > 0 and offset < self.size:
            index = self.part_of(offset)
            self.current = self.paths[index]
            with open(self.paths[index], "rb") as handle:
                handle.seek(offset - self.starts[index])
                piece = handle.read(min(size, self.starts[index] + self.sizes[index] - offset))
            if not piece:
                break
            pieces.append(piece)
            offset += len(piece)
            size -= len(piece)
        return b"".join(pieces)

    def read_all(
        self, digests: list[str], *, keep: int = 0
    ) -> Iterator[tuple[int, bytes | memoryview]]:
        """Every byte in order as (offset, block); fills `digests` with each part's SHA-256.

        With `keep`, blocks come from the disk itself where the system allows it (O_DIRECT:
        no page cache, so what is read is what the medium holds) into `keep` reused buffers:
        each block stays valid until `keep - 1` more have been read.
        """
        ring = itertools.cycle([mmap.mmap(-1, READ_BLOCK) for _ in range(keep)])
        for path, start in zip(self.paths, self.starts, strict=True):
            self.current = path
            digest = hashlib.sha256()
            offset = start
            for block in _disk_blocks(path, ring) if keep else _cached_blocks(path):
                digest.update(block)
                yield offset, block
                offset += len(block)
            digests.append(digest.hexdigest())

    def parts(self, digests: Sequence[str]) -> tuple[ArchivePart, ...]:
        return tuple(
            ArchivePart(path, size, digest)
            for path, size, digest in zip(self.paths, self.sizes, digests, strict=True)
        )


def _cached_blocks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:
            advise(handle.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
        while block := handle.read(READ_BLOCK):
            yield block


def _disk_blocks(path: Path, ring: Iterator[mmap.mmap]) -> Iterator[bytes | memoryview]:
    """The file read with O_DIRECT into the page-aligned buffers `ring` hands out in turn (one
    ring for all parts); the page cache where O_DIRECT is refused (tmpfs, other systems)."""
    direct = getattr(os, "O_DIRECT", 0)
    try:
        fd = os.open(path, os.O_RDONLY | direct) if direct else -1
    except OSError as error:
        if error.errno != errno.EINVAL:
            raise
        fd = -1  # this file system does not do O_DIRECT
    if fd < 0:
        yield from _cached_blocks(path)
        return
    try:
        turn = 0
        while True:
            buffer = next(ring)
            try:
                count = os.readv(fd, [buffer])
            except OSError as error:
                if turn or error.errno != errno.EINVAL:
                    raise
                break  # refused on the first read: not possible on this file system
            if not count:
                return
            yield memoryview(buffer)[:count]
            turn += 1
    finally:
        os.close(fd)
    yield from _cached_blocks(path)


_VOLUME = re.compile(r"^(?P<stem>.+)\.(?P<number>\d{3,})$")


def volume_number(path: Path) -> int | None:
    """1 for `x.7z.001`, 2 for `x.7z.002`…; None for a single `x.7z`."""
    match = _VOLUME.match(path.name)
    return int(match["number"]) if match else None


def volume_path(first: Path, number: int) -> Path:
    match = _VOLUME.match(first.name)
    if match is None:
        raise ValueError(f"not a volume name: {first.name}")
    width = len(match["number"])
    return first.with_name(f"{match['stem']}.{number:0{width}d}")


def find_parts(first: Path) -> list[Path]:
    """`x.7z` alone, or `x.7z.001` and every following part that exists, in order."""
    if volume_number(first) is None:
        return [first]
    parts = []
    number = 1
    while (candidate := volume_path(first, number)).exists():
        parts.append(candidate)
        number += 1
    return parts


def hash_parts(paths: Sequence[Path]) -> tuple[ArchivePart, ...]:
    """Each part's size and SHA-256, read straight from disk."""
    parts = PartSet(paths)
    digests: list[str] = []
    for _ in parts.read_all(digests):
        pass
    return parts.parts(digests)


def drop_from_cache(paths: Sequence[Path]) -> None:
    """Best effort: make the read-back come from the disk, not from memory."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for path in paths:
        with open(path, "rb") as handle:
            advise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
