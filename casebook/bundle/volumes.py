"""A seekable byte stream spread over archive parts, for writing and for reading back.

7-Zip's volumes are a plain split of one archive into `name.7z.001`, `.002`… of a fixed size,
so the archive writer sees one file and this module cuts it. py7zr seeks back to the start to
fill in the signature header at the end, hence the random access over parts.

Writing goes to `<part>.partial` files through an injectable opener (tests make one that fails
like a full disk or a pulled USB stick); `publish` renames them only once they were checked.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PARTIAL_SUFFIX = ".partial"

PartOpener = Callable[[Path, bool], BinaryIO]
"""Opens a part for binary read-write: `create` True for a new file, False for an existing."""


def open_part(path: Path, create: bool) -> BinaryIO:
    """The real opener: a new part is created exclusively, so nothing is overwritten."""
    return open(path, "x+b" if create else "r+b")


def part_names(name: str, count: int, split: bool) -> list[str]:
    """`name.7z` for one file, or `name.7z.001`… for volumes (7-Zip's numbering)."""
    if not split:
        return [f"{name}.7z"]
    return [f"{name}.7z.{index:03d}" for index in range(1, count + 1)]


@dataclass(frozen=True)
class ArchivePart:
    """One file of a sealed archive and the SHA-256 read back from disk."""

    path: Path
    size: int
    sha256: str


class VolumeWriter(io.RawIOBase):
    """Writes one logical stream into `.partial` parts of at most `volume_size` bytes."""

    def __init__(
        self, directory: Path, name: str, volume_size: int | None, opener: PartOpener = open_part
    ) -> None:
        super().__init__()
        if volume_size is not None and volume_size < 64 * 1024:
            raise ValueError("volume_size must be at least 64 KiB")
        self._directory = directory
        self._name = name
        self._volume_size = volume_size
        self._opener = opener
        self._position = 0
        self._size = 0
        self._created: list[Path] = []
        self._current: tuple[int, BinaryIO] | None = None

    # The partial paths created so far, in part order.
    @property
    def partial_paths(self) -> list[Path]:
        return list(self._created)

    def final_paths(self) -> list[Path]:
        names = part_names(self._name, len(self._created), self._volume_size is not None)
        return [self._directory / part for part in names]

    def _partial_path(self, index: int) -> Path:
        if self._volume_size is None:
            return self._directory / f"{self._name}.7z{PARTIAL_SUFFIX}"
        return self._directory / f"{self._name}.7z.{index + 1:03d}{PARTIAL_SUFFIX}"

    def _handle(self, index: int) -> BinaryIO:
        if self._current is not None and self._current[0] == index:
            return self._current[1]
        self._release_current()
        while len(self._created) <= index:  # parts are created in order, never skipped
            path = self._partial_path(len(self._created))
            self._created.append(path)
            self._opener(path, True).close()
        handle = self._opener(self._created[index], False)
        self._current = (index, handle)
        return handle

    def _release_current(self) -> None:
        if self._current is not None:
            _, handle = self._current
            self._current = None
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._position = base + offset
        return self._position

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(data).cast("B")
        written = 0
        while written < len(view):
            if self._volume_size is None:
                index, within, room = 0, self._position, len(view) - written
            else:
                index, within = divmod(self._position, self._volume_size)
                room = self._volume_size - within
            handle = self._handle(index)
            handle.seek(within)
            chunk = view[written : written + room]
            handle.write(chunk)
            written += len(chunk)
            self._position += len(chunk)
            self._size = max(self._size, self._position)
        return written

    def close(self) -> None:
        """Flushes and fsyncs the open part; parts are fsynced whenever the writer leaves one."""
        if not self.closed:
            try:
                self._release_current()
            finally:
                super().close()

    def discard(self) -> None:
        """Closes without raising and deletes every partial file (after a failure)."""
        if self._current is not None:
            with contextlib.suppress(OSError):
                self._current[1].close()
            self._current = None
        super().close()
        for path in self._created:
            path.unlink(missing_ok=True)


class VolumeReader(io.RawIOBase):
    """Reads the parts of an archive as one stream and hashes each part on the way.

    Bytes are hashed when the reads reach them in order; `part_digests` reads whatever was
    skipped (py7zr reads the header at the end first), so each part is read about once.
    """

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self._paths = list(paths)
        self._sizes = [path.stat().st_size for path in self._paths]
        self._starts = [sum(self._sizes[:i]) for i in range(len(self._sizes))]
        self._total = sum(self._sizes)
        self._files = [open(path, "rb") for path in self._paths]  # noqa: SIM115 - closed in close()
        self._hashes = [hashlib.sha256() for _ in self._paths]
        self._hashed_upto = 0
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._total}[whence]
        self._position = max(0, base + offset)
        return self._position

    def _part_at(self, position: int) -> int:
        for index in range(len(self._sizes) - 1, -1, -1):
            if position >= self._starts[index]:
                return index
        return 0

    def _read_at(self, position: int, buffer: memoryview) -> int:
        filled = 0
        while filled < len(buffer) and position < self._total:
            index = self._part_at(position)
            handle = self._files[index]
            handle.seek(position - self._starts[index])
            room = min(len(buffer) - filled, self._starts[index] + self._sizes[index] - position)
            count = handle.readinto(buffer[filled : filled + room])
            if not count:
                break
            self._hash(position, buffer[filled : filled + count])
            filled += count
            position += count
        return filled

    def _hash(self, position: int, data: memoryview) -> None:
        end = position + len(data)
        if position <= self._hashed_upto < end:
            index = self._part_at(self._hashed_upto)
            part_end = self._starts[index] + self._sizes[index]
            stop = min(end, part_end)
            self._hashes[index].update(data[self._hashed_upto - position : stop - position])
            self._hashed_upto = stop
            if stop < end:  # the data ran into the next part
                self._hash(stop, data[stop - position :])

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = self._read_at(self._position, memoryview(buffer).cast("B"))
        self._position += count
        return count

    def part_digests(self) -> list[ArchivePart]:
        """Each part's size and SHA-256, reading any bytes not yet read in order."""
        scratch = bytearray(1 << 20)
        while self._hashed_upto < self._total:
            count = self._read_at(self._hashed_upto, memoryview(scratch))
            if not count:
                break
        return [
            ArchivePart(path, size, digest.hexdigest())
            for path, size, digest in zip(self._paths, self._sizes, self._hashes, strict=True)
        ]

    def close(self) -> None:
        if not self.closed:
            for handle in self._files:
                handle.close()
            super().close()


def find_parts(first: Path) -> list[Path]:
    """`x.7z` alone, or `x.7z.001` and every following part that exists."""
    if not first.name.endswith(".001"):
        return [first]
    stem = first.name[: -len(".001")]
    parts = [first]
    index = 2
    while (candidate := first.with_name(f"{stem}.{index:03d}")).exists():
        parts.append(candidate)
        index += 1
    return parts


def hash_parts(paths: Sequence[Path]) -> tuple[ArchivePart, ...]:
    """Each part's size and SHA-256, read straight from disk."""
    with VolumeReader(paths) as reader:
        return tuple(reader.part_digests())
