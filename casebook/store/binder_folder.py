"""The binder on disk: one folder with `binder.db`, `keyslots.json` and a lock file.

The folder name is chosen by the caller and must not contain the patient's name; nothing in
this module writes anything identifying.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import filelock

from casebook.core.errors import BinderUnavailable, NotEnoughSpace, UnavailableReason
from casebook.store.database import classify
from casebook.store.keyslots import KeySlotFile

DATABASE_NAME = "binder.db"
KEYSLOTS_NAME = "keyslots.json"
LOCK_NAME = "binder.lock"


@dataclass(frozen=True)
class BinderFolder:
    path: Path

    @property
    def database(self) -> Path:
        return self.path / DATABASE_NAME

    @property
    def keyslots(self) -> Path:
        return self.path / KEYSLOTS_NAME

    @property
    def lock_file(self) -> Path:
        return self.path / LOCK_NAME

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
        with open(partial, "wb") as handle:
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
        self._lock = filelock.FileLock(str(folder.lock_file), timeout=0, thread_local=False)
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
