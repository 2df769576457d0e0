"""Walking the files a user offered (files and folders): safely, once, and naming them.

Every entry is looked at with `lstat` before anything opens it, so a named pipe, a socket or
a device is refused instead of hanging the import. Shortcuts (symbolic links) are followed
to what they point at — the family offered them — but a link that leads back into a folder
already being walked, or round in a circle, is skipped with a message instead of aborting
the import. Media furniture (programs, a disc's DICOMDIR and web pages, .DS_Store…) is
reported as such, never opened. The binder's own files are refused.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from casebook.core.errors import FileProblem, FileRefused
from casebook.importers.furniture import Furniture, furniture_by_name, is_disc_root

__all__ = ["FoundFile", "SkippedFurniture", "is_junk", "readable_name", "walk_offered"]


def readable_name(path: Path) -> str:
    """A file name safe to store as text: undecodable bytes become U+FFFD, NFC-normalised."""
    raw = os.fsencode(path.name)
    return unicodedata.normalize("NFC", raw.decode("utf-8", errors="replace"))


def is_junk(name: str) -> bool:
    """What operating systems scatter into folders (.DS_Store, Thumbs.db, ._ files…)."""
    return furniture_by_name(name) in (Furniture.SYSTEM_FILE, Furniture.LOCK_FILE)


@dataclass(frozen=True)
class FoundFile:
    """A regular file to read: `path` as offered (for names), `real` to open, its size."""

    path: Path
    real: Path
    size: int
    on_disc: bool = False  # inside the tree of a disc (a folder with DICOMDIR or AUTORUN.INF)


@dataclass(frozen=True)
class SkippedFurniture:
    path: Path
    kind: Furniture


Walked = FoundFile | SkippedFurniture | FileRefused


class _Walk:
    def __init__(self, binder_folder: Path | None) -> None:
        self._binder = os.path.realpath(binder_folder) if binder_folder is not None else None
        self._folders_seen: set[tuple[int, int]] = set()

    def _inside_binder(self, real: str) -> bool:
        if self._binder is None:
            return False
        return real == self._binder or real.startswith(self._binder + os.sep)

    def offered(self, path: Path) -> Iterator[Walked]:
        real = os.path.realpath(path)
        yield from self._entry(path, real, on_disc=False, at_disc_root=False, named=True)

    def _entry(
        self, path: Path, real: str, *, on_disc: bool, at_disc_root: bool, named: bool
    ) -> Iterator[Walked]:
        """`real`: the path with every link resolved, for the binder check and opening."""
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            yield FileRefused(path, FileProblem.VANISHED)
            return
        except OSError as error:
            yield FileRefused(path, FileProblem.UNREADABLE, error.strerror or "")
            return
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(path)  # follows the link; a circle fails with ELOOP
            except OSError as error:
                problem = (
                    FileProblem.LINK_LOOP if error.errno == errno.ELOOP else FileProblem.VANISHED
                )
                yield FileRefused(path, problem)
                return
            real = os.path.realpath(path)
        if self._inside_binder(real):
            yield FileRefused(path, FileProblem.PART_OF_BINDER)
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self._folder(path, real, info, on_disc=on_disc)
            return
        if not stat.S_ISREG(info.st_mode):
            yield FileRefused(path, FileProblem.NOT_A_FILE)
            return
        kind = furniture_by_name(readable_name(path), on_disc=on_disc, at_disc_root=at_disc_root)
        if kind is not None and not named:
            yield SkippedFurniture(path, kind)
        elif kind is not None and kind is not Furniture.DISC_README:
            yield SkippedFurniture(path, kind)  # even when named: never a medical record
        elif info.st_size == 0:
            yield FileRefused(path, FileProblem.EMPTY)
        else:
            yield FoundFile(path, Path(real), info.st_size, on_disc)

    def _folder(
        self, path: Path, real: str, info: os.stat_result, *, on_disc: bool
    ) -> Iterator[Walked]:
        key = (info.st_dev, info.st_ino)
        if key in self._folders_seen:
            yield FileRefused(path, FileProblem.LINK_LOOP)
            return
        self._folders_seen.add(key)
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries)
        except OSError as error:
            yield FileRefused(path, FileProblem.UNREADABLE, error.strerror or "")
            return
        disc_root = is_disc_root({name.casefold() for name in names})
        for name in names:
            yield from self._entry(
                path / name,
                os.path.join(real, name),
                on_disc=on_disc or disc_root,
                at_disc_root=disc_root,
                named=False,
            )


def walk_offered(paths: Sequence[Path], binder_folder: Path | None = None) -> Iterator[Walked]:
    """Every regular file under `paths` (files named directly, folders walked in name order),
    and what was skipped or refused on the way, in walking order."""
    walk = _Walk(binder_folder)
    for path in paths:
        yield from walk.offered(path)
