"""Backups: a consistent, encrypted copy of a live binder, never a copy of a file in use.

`VACUUM INTO` writes an encrypted, compacted snapshot (same raw key) into a `.partial` folder;
the copy is reopened and checked before the folder gets its final name, so a backup either
exists whole and verified or not at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import sqlite_utils

from casebook.core.errors import BinderDamaged, BinderUnavailable, UnavailableReason
from casebook.core.progress import CancelToken
from casebook.store.binder_folder import BinderFolder, fsync_directory, write_atomically
from casebook.store.database import classified_errors, connect
from casebook.store.integrity import check_integrity
from casebook.store.keyslots import KeySlotFile


def write_backup(
    db: sqlite_utils.Database,
    keyslots: KeySlotFile,
    master_key: bytes,
    destination: Path,
    cancel: CancelToken,
) -> Path:
    """Write a verified backup binder at `destination` (which must not exist yet)."""
    if destination.exists():
        raise BinderUnavailable(destination, UnavailableReason.ALREADY_EXISTS)
    partial = destination.with_name(destination.name + ".partial")
    with classified_errors(destination):
        if partial.exists():
            shutil.rmtree(partial)  # a previous attempt that died half-way
        partial.mkdir(parents=True)
        try:
            target = BinderFolder(partial)
            db.execute("VACUUM INTO ?", [str(target.database)])
            with open(target.database, "rb+") as handle:
                os.fsync(handle.fileno())
            write_atomically(target.keyslots, keyslots.to_bytes())
            cancel.raise_if_cancelled()
            copy = connect(target.database, master_key)
            try:
                report = check_integrity(copy, cancel)
            finally:
                copy.conn.close()
            if not report.ok:
                raise BinderDamaged(partial, report.problems)
            os.replace(partial, destination)
            fsync_directory(destination.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                shutil.rmtree(partial)
            raise
    return destination
