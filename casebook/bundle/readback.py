"""Decrypts an archive from its parts and hashes every file, without writing anything to disk.

Used twice: by sealing, to check what landed on the disk before publishing it, and by verify,
to check a bundle someone received. Decryption streams: each file's bytes go through a hashing
sink, and only the few small files asked for (SHA256SUMS, DICOMDIR) are kept in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import py7zr
from py7zr.exceptions import Bad7zFile
from py7zr.io import Py7zIO, WriterFactory

from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.bundle.volumes import ArchivePart, VolumeReader
from casebook.core.progress import Cancelled, CancelToken

_KEEP_LIMIT = 64 * 1024 * 1024
READ_BLOCK = 1 << 20


@dataclass
class FileDigest:
    size: int
    sha256: str


class _HashingSink(Py7zIO):
    """Receives one file's decrypted bytes: hashes them, keeps them only if asked to."""

    def __init__(self, keep: bool, on_write: Callable[[int], None]) -> None:
        self._hash = hashlib.sha256()
        self._size = 0
        self._kept: list[bytes] | None = [] if keep else None
        self._on_write = on_write

    def write(self, s: bytes | bytearray) -> int:
        self._hash.update(s)
        self._size += len(s)
        if self._kept is not None and self._size <= _KEEP_LIMIT:
            self._kept.append(bytes(s))
        self._on_write(len(s))
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self._size

    def digest(self) -> FileDigest:
        return FileDigest(self._size, self._hash.hexdigest())

    def kept(self) -> bytes | None:
        return None if self._kept is None else b"".join(self._kept)


@dataclass
class _SinkFactory(WriterFactory):
    keep: Collection[str]
    on_write: Callable[[int], None]
    sinks: dict[str, _HashingSink] = field(default_factory=dict)

    def create(self, filename: str) -> Py7zIO:
        name = filename.lstrip("/")
        sink = _HashingSink(name in self.keep, self.on_write)
        self.sinks[name] = sink
        return sink


def _unreadable_header(first: str, error: Exception) -> BundleInvalid:
    """The headers are encrypted: a wrong password and a damaged header look the same here;
    verify tells them apart with the cover sheet's part hashes when it has them."""
    return BundleInvalid(BundleProblem.WRONG_PASSWORD, first, type(error).__name__)


@dataclass(frozen=True)
class ArchiveReading:
    files: dict[str, FileDigest]
    kept: dict[str, bytes]
    parts: tuple[ArchivePart, ...]


def read_archive(
    paths: Sequence[Path],
    password: str,
    keep: Collection[str],
    on_bytes: Callable[[int], None],
    cancel: CancelToken,
) -> ArchiveReading:
    """Decrypts the archive made of `paths`, hashing each member; raises `BundleInvalid`."""
    first = paths[0].name

    def on_write(count: int) -> None:
        cancel.raise_if_cancelled()
        on_bytes(count)

    factory = _SinkFactory(keep, on_write)
    with VolumeReader(paths) as reader:
        try:
            archive = py7zr.SevenZipFile(
                reader,  # type: ignore[arg-type]  # any io.IOBase works
                "r",
                password=password,
                blocksize=READ_BLOCK,
            )
        except Bad7zFile as error:
            if "not a 7z file" in str(error).lower():
                raise BundleInvalid(BundleProblem.NOT_AN_ARCHIVE, first, str(error)) from error
            raise _unreadable_header(first, error) from error
        except Exception as error:
            raise _unreadable_header(first, error) from error
        try:
            archive.extractall(factory=factory)
        except Cancelled:
            raise
        except Exception as error:
            problem = BundleProblem.CONTENT_DAMAGED
            raise BundleInvalid(problem, first, f"{type(error).__name__}: {error}") from error
        finally:
            archive.close()
        parts = tuple(reader.part_digests())
    files = {name: sink.digest() for name, sink in factory.sinks.items()}
    kept = {name: data for name, sink in factory.sinks.items() if (data := sink.kept()) is not None}
    return ArchiveReading(files, kept, parts)
