"""Reading what the family offered: each file once, hashed as it is read, archives opened once.

A file is opened only after `lstat` said it is a regular file, without following a link that
appeared since (O_NOFOLLOW) and without blocking on a pipe that appeared since (O_NONBLOCK,
then `fstat` again). Files up to `IN_MEMORY_BYTES` are read whole, in pieces (progress and
cancel between pieces), hashed as they are read, and then parsed and stored from memory;
larger files are hashed while they are streamed into the binder. A .zip is opened once per
import, its members read in their order, within `ArchiveLimits`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from casebook.core.errors import FileProblem, FileRefused
from casebook.core.progress import Cancelled, CancelToken
from casebook.importers.archives import (
    ArchiveLimits,
    ArchiveProblem,
    ArchiveReader,
    ArchiveUnreadable,
)
from casebook.importers.sniff import SNIFF_BYTES, sniff_media_type
from casebook.services.records.file_walk import readable_name

IN_MEMORY_BYTES = 64 * 1024 * 1024
PIECE_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 256 * 1024  # a large file's first bytes, for sniffing and its DICOM header

ARCHIVE_PROBLEMS = {
    ArchiveProblem.TOO_LARGE: FileProblem.ARCHIVE_TOO_LARGE,
    ArchiveProblem.SUSPICIOUS_COMPRESSION: FileProblem.ARCHIVE_BOMB,
    ArchiveProblem.PASSWORD_PROTECTED: FileProblem.ARCHIVE_LOCKED,
    ArchiveProblem.TOO_MANY_MEMBERS: FileProblem.ARCHIVE_TOO_LARGE,
    ArchiveProblem.DAMAGED: FileProblem.ARCHIVE_DAMAGED,
}


@dataclass(frozen=True)
class MediaFile:
    """A file on a disc, a stick, in a folder, or a member of a .zip archive."""

    path: Path  # as offered (for names); the archive for a member
    member: str | None = None
    real: Path | None = None  # the file to open, links resolved (None: `path`)
    on_disc: bool = False

    @property
    def display_name(self) -> str:
        return self.member if self.member is not None else readable_name(self.path)

    @property
    def file_name(self) -> str:
        return (
            PurePosixPath(self.member).name if self.member is not None else readable_name(self.path)
        )

    @property
    def relative_parts(self) -> tuple[str, ...]:
        if self.member is not None:
            return PurePosixPath(self.member).parts
        return self.path.parts

    @property
    def refusal_path(self) -> Path:
        """The path a refusal names (an archive member as archive/member)."""
        return self.path / self.member if self.member is not None else self.path


@dataclass
class ReadFile:
    """A file as read: its first bytes and type, and — up to IN_MEMORY_BYTES — all of it."""

    source: MediaFile
    size: int
    head: bytes
    media_type: str
    data: bytes | bytearray | None = None  # None: too large, streamed when stored
    sha256: str | None = None


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, refusing anything else without blocking on it."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags | nonblocking)
    except FileNotFoundError:
        raise FileRefused(path, FileProblem.VANISHED) from None
    except OSError as error:
        raise FileRefused(path, FileProblem.UNREADABLE, error.strerror or "") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise FileRefused(path, FileProblem.NOT_A_FILE)
    if nonblocking:
        os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def read_all(
    stream: IO[bytes],
    size: int,
    cancel: CancelToken,
    piece_done: Callable[[int], None] | None = None,
) -> tuple[bytearray, str]:
    """Read exactly `size` bytes (no more exist) while hashing them; raises OSError-free
    FileRefused when the file turned out shorter or longer (it changed while it was read)."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    digest = hashlib.sha256()
    done = 0
    while done < size:
        cancel.raise_if_cancelled()
        count = stream.readinto(view[done : min(size, done + PIECE_BYTES)])  # type: ignore[attr-defined]
        if not count:
            break
        digest.update(view[done : done + count])
        done += count
        if piece_done is not None:
            piece_done(done)
    view.release()
    if done != size or stream.read(1):
        raise FileRefused(Path(), FileProblem.UNREADABLE, "changed while it was read")
    return buffer, digest.hexdigest()


class SourceOpener:
    """Opens the sources of one import: files safely, each archive once (closed at the end)."""

    def __init__(self, limits: ArchiveLimits | None = None) -> None:
        self._limits = limits or ArchiveLimits()
        self._archives: dict[Path, ArchiveReader] = {}

    def archive(self, path: Path, real: Path | None = None) -> ArchiveReader:
        reader = self._archives.get(path)
        if reader is None:
            reader = ArchiveReader(real or path, self._limits)
            self._archives[path] = reader
        return reader

    def open(self, media: MediaFile) -> IO[bytes]:
        if media.member is None:
            return open_regular(media.real or media.path)
        try:
            return self.archive(media.path, media.real).open(media.member)
        except ArchiveUnreadable as problem:
            raise FileRefused(media.refusal_path, ARCHIVE_PROBLEMS[problem.problem]) from None

    def read(
        self,
        media: MediaFile,
        size: int,
        cancel: CancelToken,
        piece_done: Callable[[int], None] | None = None,
    ) -> ReadFile:
        """Read one source: whole (and hashed) when small, else its head."""
        try:
            with self.open(media) as stream:
                if size <= IN_MEMORY_BYTES:
                    data, sha256 = read_all(stream, size, cancel, piece_done)
                    head = bytes(data[:SNIFF_BYTES])
                    return ReadFile(media, size, head, sniff_media_type(head), data, sha256)
                head = stream.read(HEAD_BYTES)
        except Cancelled:
            raise
        except FileRefused as refused:
            raise FileRefused(media.refusal_path, refused.problem, refused.detail) from None
        except OSError as error:
            raise FileRefused(
                media.refusal_path, FileProblem.VANISHED, error.strerror or ""
            ) from None
        except Exception as error:  # zipfile: bad CRC, truncated member…
            raise FileRefused(
                media.refusal_path, FileProblem.ARCHIVE_DAMAGED, type(error).__name__
            ) from None
        return ReadFile(media, size, head, sniff_media_type(head[:SNIFF_BYTES]))

    def close(self) -> None:
        for reader in self._archives.values():
            with contextlib.suppress(Exception):
                reader.close()
        self._archives.clear()

    def __enter__(self) -> SourceOpener:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
