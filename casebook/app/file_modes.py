"""Owner-only files and folders from the first byte, for everything Casebook creates.

A binder folder, its `keyslots.json` and database, backups, the settings file and a bundle's
password file all say something about a patient, so nobody else on the computer may read them,
not even for the moment between creating a file and changing its mode. `restrict_new_files()`
runs first thing in `main()`: with the umask at 077 every file the process (and the worker
processes it starts, which inherit the umask) creates is 0600 and every folder 0700, whoever
creates it (SQLCipher, Qt's settings, our own code). The one exception, a bundle part that the
family hands on, is made readable (0644) on purpose when it is published.

On Windows there is no umask: new files take the access rules of the folder they are made in,
which for the user's own profile folders already keep other users out.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def restrict_new_files() -> int | None:
    """Make every file and folder created from now on owner-only; returns the previous umask."""
    if os.name != "posix":
        return None
    return os.umask(PRIVATE_UMASK)


def write_private_text(path: Path, text: str) -> None:
    """Write `text` to `path` (UTF-8, fsynced), created 0600 and never readable by others."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` (fsynced), created 0600 and never readable by others.

    An existing file is narrowed to 0600 before anything is written into it.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        os.close(descriptor)
