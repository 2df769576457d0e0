"""Opening the SQLCipher database and turning its failures into Casebook's error classes.

Every connection is opened with the raw 48-byte master key (no second KDF), in autocommit
mode so that transactions are explicit (`transaction()`), WAL with synchronous=FULL so a
crash or a pulled plug never leaves a half-written binder. Every write transaction also bumps
the binder's generation (see `meta.bump_generation`), so an older copy is recognisable.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlite_utils

from casebook.core.errors import (
    BinderDamaged,
    BinderUnavailable,
    CasebookError,
    NotEnoughSpace,
    UnavailableReason,
)
from casebook.store.key_buffer import KeyBuffer
from casebook.store.meta import bump_generation
from casebook.store.page_hmac import PageHmac

DatabaseError = sqlcipher3.DatabaseError

# SQLite primary result codes (sqlite3.h) used for classification.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_INTERRUPT = 9
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


# Below this much free space, a failed read or write is taken to be a full disk.
LOW_SPACE_BYTES = 4 * 1024 * 1024


def _free_space(path: Path) -> int | None:
    for folder in (path, *path.parents):
        with contextlib.suppress(OSError):
            if folder.exists():
                return shutil.disk_usage(folder).free
    return None


def _io_failure(path: Path) -> CasebookError:
    """SQLite says only "disk I/O error" (the driver hides the OS error): a nearly full disk
    is the likely cause; otherwise the disk was removed or is failing."""
    free = _free_space(path)
    if free is not None and free < LOW_SPACE_BYTES:
        return NotEnoughSpace(path)
    if not path.parent.exists():
        return BinderUnavailable(path, UnavailableReason.MISSING)
    return BinderUnavailable(path, UnavailableReason.IO_ERROR)


def classify(error: BaseException, path: Path) -> CasebookError | None:
    """The Casebook error an exception from SQLCipher or the OS means, or None for a bug."""
    if isinstance(error, CasebookError):
        return error
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return NotEnoughSpace(path)
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return BinderUnavailable(path, UnavailableReason.READ_ONLY)
        if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
            return BinderUnavailable(path, UnavailableReason.MISSING)
        if error.errno == errno.EIO:
            return _io_failure(path)
        return None
    if not isinstance(error, DatabaseError):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    message = str(error)
    if primary == _SQLITE_FULL or "disk is full" in message:
        return NotEnoughSpace(path)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return BinderDamaged(path, [message])
    if primary == _SQLITE_READONLY:
        return BinderUnavailable(path, UnavailableReason.READ_ONLY)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return BinderUnavailable(path, UnavailableReason.IN_USE)
    if primary == _SQLITE_CANTOPEN and not path.exists():
        return BinderUnavailable(path, UnavailableReason.MISSING)
    if primary in (_SQLITE_CANTOPEN, _SQLITE_IOERR):
        return _io_failure(path)
    return None


def was_interrupted(error: BaseException) -> bool:
    """True when SQLite stopped the statement because `interrupt()` was called on its
    connection (a session closing under a reader, or a cancelled long statement)."""
    if not isinstance(error, DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == _SQLITE_INTERRUPT
    return str(error) == "interrupted"


@contextlib.contextmanager
def classified_errors(
    path: Path, failures: tuple[type[Exception], ...] = (DatabaseError, OSError)
) -> Iterator[None]:
    """Re-raise storage failures inside the block as Casebook errors (bugs pass through).

    `failures` narrows what is classified where an `OSError` is not the binder's: staging
    reads the caller's stream, and a pulled USB stick is that file's problem, not the binder's.
    """
    try:
        yield
    except failures as error:
        mapped = classify(error, path)
        if mapped is None:
            raise
        raise mapped from error


# Part of the binder format: every connection must use the same value. 16 KiB pages write
# 1 MiB file chunks about 45% faster than SQLCipher's default 4 KiB (measured: 186 vs 129 MB/s).
CIPHER_PAGE_SIZE = 16384

# SQLCipher's `cipher_memory_security` (a process-wide setting) overwrites every allocation
# SQLite frees. Measured by benchmarks/key_memory.py; see the README's security section for why
# it stays off: the decrypted pages it would wipe also live in Python objects it cannot reach.
MEMORY_SECURITY = False


def _apply_key(connection: Any, key: KeyBuffer) -> None:
    """Hand SQLCipher the raw key through sqlite3_key(), from a buffer wiped right after.

    `PRAGMA key = "x'…'"` would put the key into a Python str (immutable, never wiped) and into
    the driver's statement cache for the life of the connection.
    """
    with key.sqlcipher_raw_key() as raw_key:
        connection.set_key(raw_key)


def _require_schema(connection: Any, path: Path) -> None:
    """An empty or table-less binder.db is damage, not a new binder to be set up silently."""
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if not tables or not version:
        raise BinderDamaged(path, [f"{path.name} holds no binder (it is empty)"])


def connect(
    path: Path,
    key: KeyBuffer,
    page_hmac: PageHmac,
    *,
    create: bool = False,
    read_only: bool = False,
) -> sqlite_utils.Database:
    """Open (or create) the encrypted database and verify the key by reading the schema.

    `page_hmac` is the binder's own (keyslots.json records it): SQLCipher needs it before it
    can read a page, and a wrong one reads like a wrong key.

    Unless `create`, the file must exist and hold a binder's schema: a 0-byte or schemaless
    binder.db is refused as damaged before anything is written to it. A `read_only`
    connection never writes binder.db, not even the checkpoint SQLite does on closing.
    """
    if not create:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise BinderUnavailable(path, UnavailableReason.MISSING) from None
        except OSError as error:
            raise classify(error, path) or error from error
        if size == 0:
            raise BinderDamaged(path, [f"{path.name} is empty (0 bytes)"])
    with classified_errors(path):
        # Each connection is used by one thread only (see BinderSession), but the session
        # closes them all from whichever thread locks the binder.
        target = path.resolve().as_uri() + "?mode=ro" if read_only else str(path)
        connection = sqlcipher3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=10.0, uri=read_only
        )
        try:
            connection.execute("PRAGMA cipher_log_level = NONE")
            _apply_key(connection, key)
            connection.execute(f"PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}")
            connection.execute(f"PRAGMA cipher_hmac_algorithm = {page_hmac.value}")
            # Also for databases this connection creates (VACUUM INTO for backups).
            connection.execute(f"PRAGMA cipher_default_page_size = {CIPHER_PAGE_SIZE}")
            security = "ON" if MEMORY_SECURITY else "OFF"
            connection.execute(f"PRAGMA cipher_memory_security = {security}")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not create:
                _require_schema(connection, path)
            if read_only:
                return sqlite_utils.Database(connection)
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise BinderUnavailable(path, UnavailableReason.READ_ONLY)
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
            connection.execute("PRAGMA secure_delete = ON")
        except BaseException:
            connection.close()
            raise
    # No sqlite-utils plugins: Casebook uses none, and any installed one would be handed the
    # decrypted connection. Looking for them also scanned every installed package's metadata
    # on the first unlock (0.15 s of a 2-core laptop's unlock).
    return sqlite_utils.Database(connection, execute_plugins=False)


_COPY_DEFAULTS = threading.Lock()


@contextlib.contextmanager
def copies_made_with(db: sqlite_utils.Database, page_hmac: PageHmac) -> Iterator[None]:
    """Make the databases `VACUUM INTO` writes in the block authenticate pages with `page_hmac`.

    SQLCipher gives such a copy its process-wide default HMAC, not its source's, so the default
    is set for the block, one block at a time in the process, and put back after it.
    """
    with _COPY_DEFAULTS:
        before = db.execute("PRAGMA cipher_default_hmac_algorithm").fetchone()[0]
        db.execute(f"PRAGMA cipher_default_hmac_algorithm = {page_hmac.value}")
        try:
            yield
        finally:
            db.execute(f"PRAGMA cipher_default_hmac_algorithm = {PageHmac(before).value}")


def checkpoint(db: sqlite_utils.Database) -> bool:
    """Copy the WAL into binder.db and truncate it; True when every frame was copied.

    Done on lock and close so that binder.db alone holds the binder: a stray or stale `-wal`
    next to it then has nothing to add (and the generation catches one that takes away).
    """
    busy, _frames, _copied = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return int(busy) == 0


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database, *, immediate: bool = True) -> Iterator[None]:
    """An explicit transaction; IMMEDIATE takes the write lock up front to avoid deadlocks."""
    conn: Any = db.conn
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        # SQLite may already have rolled back by itself (e.g. on a full disk).
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        bump_generation(db)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
