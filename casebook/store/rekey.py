"""Re-encrypting a binder under a new master key, so that a kill at any moment leaves one binder.

The new database is written by SQLCipher's `sqlcipher_export` into `rekey.partial/` inside the
binder folder, reopened with the new key and checked, and joined there by its new
keyslots.json. Renaming `rekey.partial` to `rekey.ready` is the single commit point:

- before it, the old binder.db and keyslots.json are untouched; a leftover `rekey.partial` is
  deleted the next time the binder is opened (the re-encryption simply did not happen);
- after it, `finish_pending_rekey` moves the new binder.db, then the new keyslots.json, into
  place, and is repeated on every later opening until `rekey.ready` is gone.

So exactly one database and exactly one set of key slots (old, or new) can ever be opened.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from casebook.core.errors import BinderDamaged
from casebook.core.progress import Cancelled, CancelToken
from casebook.store.binder_folder import BinderFolder, fsync_directory, write_atomically
from casebook.store.database import (
    CIPHER_PAGE_SIZE,
    DatabaseError,
    checkpoint,
    classified_errors,
    connect,
)
from casebook.store.integrity import check_integrity
from casebook.store.key_buffer import KeyBuffer
from casebook.store.meta import GENERATION, read_generation
from casebook.store.page_hmac import PageHmac

REKEY_PARTIAL = "rekey.partial"
REKEY_READY = "rekey.ready"
_JOURNALS = ("-wal", "-shm", "-journal")
_WATCH_INTERVAL_S = 0.2

BytesDone = Callable[[int, int], None]


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def finish_pending_rekey(binder: BinderFolder) -> bool:
    """Complete or discard a re-encryption a crash interrupted (call with the lock held).

    Returns True when a committed re-encryption was completed here.
    """
    partial = binder.path / REKEY_PARTIAL
    if partial.exists():
        shutil.rmtree(partial)  # never committed: the old binder is the binder
        fsync_directory(binder.path)
    ready = binder.path / REKEY_READY
    if not ready.exists():
        return False
    new_database = ready / binder.database.name
    if new_database.exists():
        # The old journals belong to the old key; binder.db's content is already in the copy.
        for suffix in _JOURNALS:
            with contextlib.suppress(FileNotFoundError):
                binder.database.with_name(binder.database.name + suffix).unlink()
        os.replace(new_database, binder.database)
        fsync_directory(binder.path)
    new_keyslots = ready / binder.keyslots.name
    if new_keyslots.exists():
        os.replace(new_keyslots, binder.keyslots)
        fsync_directory(binder.path)
    shutil.rmtree(ready)
    fsync_directory(binder.path)
    return True


class _ExportWatcher:
    """Reports the copy's growth and interrupts SQLite when the user cancels.

    `sqlcipher_export` is one long statement with no progress callback of its own; the thread
    that runs it is blocked inside SQLite (without the GIL), so a second thread watches.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        target: Path,
        total: int,
        done: BytesDone,
        cancel: CancelToken,
    ) -> None:
        self._db, self._target, self._total = db, target, total
        self._done, self._cancel = done, cancel
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rekey-watch", daemon=True)

    def __enter__(self) -> _ExportWatcher:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(_WATCH_INTERVAL_S):
            if self._cancel.cancelled:
                self._db.conn.interrupt()
                return
            with contextlib.suppress(OSError):
                self._done(min(self._target.stat().st_size, self._total), self._total)


def _table_counts(db: sqlite_utils.Database, schema: str = "main") -> dict[str, int]:
    names = [
        str(row[0])
        for row in db.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    return {
        name: int(db.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])  # noqa: S608
        for name in names
    }


def _export(
    db: sqlite_utils.Database,
    target: Path,
    new_key: KeyBuffer,
    page_hmac: PageHmac,
    generation: int,
    done: BytesDone,
    cancel: CancelToken,
) -> None:
    """Copy every table, index, trigger and the schema version into `target` (new key)."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    page_count = int(db.execute("PRAGMA page_count").fetchone()[0])
    # Reported once before the copy starts, however quick it is: the watcher below only
    # reports while the copy runs, and a small binder is copied before its first look.
    done(0, page_count * CIPHER_PAGE_SIZE)
    cancel.raise_if_cancelled()
    with new_key.sqlcipher_raw_key() as raw_key:
        # A bound parameter: the key never becomes SQL text.
        db.execute("ATTACH DATABASE ? AS rekeyed KEY ?", [str(target), raw_key])
    try:
        db.execute(f"PRAGMA rekeyed.cipher_page_size = {CIPHER_PAGE_SIZE}")
        db.execute(f"PRAGMA rekeyed.cipher_hmac_algorithm = {page_hmac.value}")
        with _ExportWatcher(db, target, page_count * CIPHER_PAGE_SIZE, done, cancel):
            try:
                db.execute("SELECT sqlcipher_export('rekeyed')")
            except DatabaseError:
                if cancel.cancelled:
                    raise Cancelled from None
                raise
        cancel.raise_if_cancelled()
        db.execute(f"PRAGMA rekeyed.user_version = {version}")
        db.execute(
            "INSERT INTO rekeyed.meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [GENERATION, str(generation)],
        )
    finally:
        with contextlib.suppress(DatabaseError):
            db.execute("DETACH DATABASE rekeyed")


def _verify(
    source_counts: dict[str, int],
    target: Path,
    new_key: KeyBuffer,
    page_hmac: PageHmac,
    cancel: CancelToken,
) -> None:
    """The copy opens with the new key, passes every check, and holds every row."""
    copy = connect(target, new_key, page_hmac)
    try:
        report = check_integrity(copy, cancel)
        if not report.ok:
            raise BinderDamaged(target, report.problems)
        if _table_counts(copy) != source_counts:
            raise BinderDamaged(target, ["the re-encrypted copy is missing rows"])
        if not checkpoint(copy):
            raise BinderDamaged(target, ["the re-encrypted copy could not be finished"])
    finally:
        copy.conn.close()


def write_rekeyed_copy(
    db: sqlite_utils.Database,
    binder: BinderFolder,
    new_key: KeyBuffer,
    page_hmac: PageHmac,
    done: BytesDone,
    cancel: CancelToken,
) -> int:
    """Write and verify `rekey.partial/binder.db` under `new_key`, its pages authenticated with
    `page_hmac`; returns its generation.

    `db` must be the binder's only connection, checkpointed, outside any transaction.
    """
    partial = binder.path / REKEY_PARTIAL
    target = partial / binder.database.name
    with classified_errors(binder.path):
        if partial.exists():
            shutil.rmtree(partial)
        partial.mkdir()
        try:
            generation = (read_generation(db) or 0) + 1
            counts = _table_counts(db)
            _export(db, target, new_key, page_hmac, generation, done, cancel)
            _fsync_file(target)
            _verify(counts, target, new_key, page_hmac, cancel)
            for suffix in _JOURNALS:
                leftover = target.with_name(target.name + suffix)
                if leftover.exists():  # the checkpointed copy must stand alone
                    leftover.unlink()
            _fsync_file(target)
            fsync_directory(partial)
            cancel.raise_if_cancelled()  # the last moment a cancel can still undo everything
        except BaseException:
            with contextlib.suppress(OSError):
                shutil.rmtree(partial)
            raise
    return generation


def commit_rekey(binder: BinderFolder, new_keyslots: bytes) -> None:
    """Add the new keyslots.json to the verified copy, commit, and swap both into place."""
    partial = binder.path / REKEY_PARTIAL
    with classified_errors(binder.path):
        try:
            write_atomically(partial / binder.keyslots.name, new_keyslots)
            os.replace(partial, binder.path / REKEY_READY)  # the commit point
            fsync_directory(binder.path)
        except BaseException:
            with contextlib.suppress(OSError):
                shutil.rmtree(partial)
            raise
        finish_pending_rekey(binder)
