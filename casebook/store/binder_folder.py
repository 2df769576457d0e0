"""The binder on disk: one folder with `binder.db`, `keyslots.json` and a lock file.

The folder name is chosen by the caller and must not contain the patient's name; nothing in
this module writes anything identifying. What it writes is owner-only from the first byte
(0600, whatever the umask), and the lock is the operating system's own (`flock` on Linux and
macOS, `LockFileEx` through msvcrt on Windows, via filelock): a Casebook that crashes or is
killed releases it with its process, so a stale `binder.lock` file never keeps a binder shut.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import filelock

from casebook.core.errors import BinderUnavailable, NotEnoughSpace, UnavailableReason
from casebook.core.long_paths import extended_length_path
from casebook.store.database import classify
from casebook.store.keyslots import KeySlotFile

DATABASE_NAME = "binder.db"
KEYSLOTS_NAME = "keyslots.json"
LOCK_NAME = "binder.lock"
PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True)
class BinderFolder:
    path: Path

    @property
    def database(self) -> Path:
        return self._inside(DATABASE_NAME)

    @property
    def keyslots(self) -> Path:
        return self._inside(KEYSLOTS_NAME)

    @property
    def lock_file(self) -> Path:
        return self._inside(LOCK_NAME)

    def _inside(self, name: str) -> Path:
        """A file of the binder, by a path Windows accepts even past 260 characters."""
        joined = self.path / name
        absolute = str(joined.absolute())
        extended = extended_length_path(absolute)
        return joined if extended == absolute else Path(extended)

    def exists(self) -> bool:
        return self.keyslots.is_file() and self.database.is_file()

    def require_existing(self) -> None:
        if not self.path.is_dir():
            raise BinderUnavailable(self.path, UnavailableReason.MISSING)
        if not self.exists():
            raise BinderUnavailable(self.path, UnavailableReason.NOT_A_BINDER)

    def read_keyslots(self) -> KeySlotFile:
        try:
            data = self.keyslots.read_bytes()
        except FileNotFoundError:
            raise BinderUnavailable(self.path, UnavailableReason.NOT_A_BINDER) from None
        except OSError as error:
            raise classify(error, self.path) or error from error
        return KeySlotFile.from_bytes(data, self.keyslots)

    def write_keyslots(self, keyslots: KeySlotFile) -> None:
        write_atomically(self.keyslots, keyslots.to_bytes())


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a sibling temporary file, fsync, then rename over `path` (never half-written)."""
    partial = path.with_name(path.name + ".partial")
    try:
        with open_private(partial) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        fsync_directory(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        mapped = classify(error, path)
        if isinstance(mapped, NotEnoughSpace | BinderUnavailable):
            raise mapped from error
        raise


def open_private(path: Path) -> BinaryIO:
    """`path` opened for writing (created or emptied), readable by its owner only (0600).

    The mode is given when the file is created and set again on an existing file before
    anything is written, so not one byte is ever readable by other users.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
        return os.fdopen(descriptor, "wb")
    except BaseException:
        os.close(descriptor)
        raise


def fsync_directory(directory: Path) -> None:
    """Make a rename durable (a no-op where directories cannot be opened, e.g. Windows)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class FolderLock:
    """Keeps a second Casebook (or a second window) from opening the same binder."""

    def __init__(self, folder: BinderFolder) -> None:
        # Not thread-local: the GUI may lock a binder that the writer thread unlocked.
        self._lock = filelock.FileLock(
            str(folder.lock_file), timeout=0, mode=PRIVATE_FILE_MODE, thread_local=False
        )
        self._path = folder.path

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise BinderUnavailable(self._path, UnavailableReason.IN_USE) from None
        except OSError as error:
            raise classify(error, self._path) or error from error

    def release(self) -> None:
        self._lock.release()
