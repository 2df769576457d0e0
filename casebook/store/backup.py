"""Backups: a consistent, encrypted copy of a live binder, never a copy of a file in use.

`VACUUM INTO` writes an encrypted, compacted snapshot (same raw key) into a `.partial` folder;
the copy is reopened and checked before the folder gets its final name, so a backup either
exists whole and verified or not at all. A `.partial` folder a killed backup left behind is
a full, openable copy of the binder: `sweep_partial_backups` removes the ones Casebook made.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from casebook.core.errors import BinderDamaged, BinderUnavailable, UnavailableReason
from casebook.core.progress import CancelToken
from casebook.store.binder_folder import BinderFolder, fsync_directory, write_atomically
from casebook.store.database import classified_errors, connect, copies_made_with
from casebook.store.integrity import check_integrity
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import KeySlotFile
from casebook.store.long_statements import PhaseProgress, interruptible
from casebook.store.meta import read_generation

BACKUP_NAME_PREFIX = "Casebook backup "
PARTIAL_SUFFIX = ".partial"
# `Casebook backup 2026-11-22 143005.partial` (or `… 143005-2.partial`, a second backup in the
# same second), as `default_backup_name` makes them.
_PARTIAL_BACKUP = re.compile(r"Casebook backup \d{4}-\d{2}-\d{2} \d{4,6}(-\d+)?\.partial")
# What a backup in progress can hold; a folder with anything else is not ours to delete.
_BACKUP_FILES = {
    "binder.db",
    "binder.db-wal",
    "binder.db-shm",
    "binder.db-journal",
    "keyslots.json",
    "keyslots.json.partial",
}


def is_partial_backup(folder: Path) -> bool:
    """True only for an unfinished backup folder Casebook itself made.

    Recognised by its exact name and by holding nothing but a binder's files (no folders, no
    links, no other names), so a user's own folder is never taken for one.
    """
    if not _PARTIAL_BACKUP.fullmatch(folder.name):
        return False
    try:
        if not stat.S_ISDIR(folder.lstat().st_mode):
            return False
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name not in _BACKUP_FILES or not entry.is_file(follow_symlinks=False):
                    return False
    except OSError:
        return False
    return True


def sweep_partial_backups(folder: Path) -> list[Path]:
    """Remove unfinished backups a killed or failed attempt left in `folder`; returns them."""
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            candidates = [Path(entry.path) for entry in entries]
    except OSError:
        return removed
    for candidate in sorted(candidates):
        if is_partial_backup(candidate):
            with contextlib.suppress(OSError):
                shutil.rmtree(candidate)
                removed.append(candidate)
    return removed


def write_backup(
    db: sqlite_utils.Database,
    keyslots: KeySlotFile,
    key: KeyBuffer,
    destination: Path,
    cancel: CancelToken,
    fraction_done: Callable[[float], None] | None = None,
) -> Path:
    """Write a verified backup binder at `destination` (which must not exist yet).

    `fraction_done` hears how far copying and then checking the copy have got (0…1); `cancel`
    stops either (the partial copy is removed).

    Its keyslots.json records the copy's own generation, so the backup opens as itself and a
    later rollback of it is noticed like the original's.
    """
    if destination.exists():
        raise BinderUnavailable(destination, UnavailableReason.ALREADY_EXISTS)
    partial = destination.with_name(destination.name + PARTIAL_SUFFIX)
    with classified_errors(destination):
        if partial.exists():
            shutil.rmtree(partial)  # a previous attempt that died half-way
        partial.mkdir(parents=True)
        try:
            target = BinderFolder(partial)
            # The copy is compacted: its size ends near the live pages' size, a fair measure of
            # how far VACUUM INTO has got. Copying weighs about a third of the whole backup.
            page_size = int(db.execute("PRAGMA page_size").fetchone()[0]) or 4096
            live_pages = int(db.execute("PRAGMA page_count").fetchone()[0]) - int(
                db.execute("PRAGMA freelist_count").fetchone()[0]
            )
            phases = PhaseProgress([1.0, 2.0], fraction_done)

            def copied() -> None:
                with contextlib.suppress(OSError):
                    written = target.database.stat().st_size
                    phases.within(0.95 * written / max(1, live_pages * page_size))

            with interruptible(db, cancel, copied), copies_made_with(db, keyslots.page_hmac):
                db.execute("VACUUM INTO ?", [str(target.database)])
            phases.next_phase()
            with open(target.database, "rb+") as handle:
                os.fsync(handle.fileno())
            cancel.raise_if_cancelled()
            copy = connect(target.database, key, keyslots.page_hmac)
            try:
                report = check_integrity(copy, cancel, fraction_done=phases.within)
                generation = read_generation(copy)
            finally:
                copy.conn.close()
            if not report.ok:
                raise BinderDamaged(partial, report.problems)
            if generation is not None:
                keyslots = keyslots.recording(key, generation)
            write_atomically(target.keyslots, keyslots.to_bytes())
            os.replace(partial, destination)
            fsync_directory(destination.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                shutil.rmtree(partial)
            raise
    return destination
