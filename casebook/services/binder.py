"""Create, unlock, recover and lock a binder; change its password.

An unlocked binder is a `BinderSession`: it holds the raw master key (never the password),
the folder lock, and one SQLCipher connection per thread that uses it (the GUI thread reads
while the writer lane writes; WAL makes that safe). Closing the session checkpoints the WAL,
closes every connection, releases the lock and forgets the key.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import sqlite_utils

from casebook.core.errors import BinderUnavailable, InvalidInput, UnavailableReason, WrongPassword
from casebook.core.model import Case
from casebook.services.clock import timestamp
from casebook.services.password_strength import PasswordStrength, check_password_strength
from casebook.store.binder_folder import BinderFolder, FolderLock, fsync_directory
from casebook.store.blobs import sweep_staging
from casebook.store.case_record import save_case
from casebook.store.database import classified_errors, connect, transaction
from casebook.store.keyslots import (
    MASTER_KEY_BYTES,
    PASSWORD_SLOT,
    RECOVERY_SLOT,
    KdfParams,
    KeySlotFile,
    calibrate_kdf,
    unwrap_master_key,
    wrap_master_key,
)
from casebook.store.meta import BINDER_ID, CREATED_AT, set_meta
from casebook.store.recovery_code import (
    generate_recovery_code,
    looks_like_recovery_code,
    normalise_recovery_code,
)
from casebook.store.schema import migrate

MIN_PASSWORD_LENGTH = 8

__all__ = [
    "BinderSession",
    "NewBinder",
    "PasswordStrength",
    "change_password",
    "change_password_of_open_binder",
    "check_password_strength",
    "create_binder",
    "is_binder",
    "recover_binder",
    "unlock_binder",
]


class BinderSession:
    """An unlocked binder. Use `database()` from any thread; `close()` locks it again."""

    def __init__(self, folder: BinderFolder, master_key: bytes, lock: FolderLock) -> None:
        self._folder = folder
        self._key = bytearray(master_key)
        self._lock = lock
        # One connection per thread, keyed by thread id (not threading.local, so that close()
        # can let go of every thread's connection).
        self._connections: dict[int, sqlite_utils.Database] = {}
        self._guard = threading.Lock()
        self._closed = False

    @property
    def folder(self) -> Path:
        return self._folder.path

    @property
    def binder_folder(self) -> BinderFolder:
        return self._folder

    @property
    def closed(self) -> bool:
        return self._closed

    def master_key(self) -> bytes:
        """For store functions that open a second connection (backups); never logged."""
        if self._closed:
            raise BinderUnavailable(self.folder, UnavailableReason.MISSING)
        return bytes(self._key)

    def database(self) -> sqlite_utils.Database:
        """This thread's connection, opened on first use."""
        if self._closed:
            raise BinderUnavailable(self.folder, UnavailableReason.MISSING)
        ident = threading.get_ident()
        with self._guard:
            db = self._connections.get(ident)
        if db is None:
            db = connect(self._folder.database, bytes(self._key))
            with self._guard:
                self._connections[ident] = db
        return db

    def close(self) -> None:
        """Checkpoint, close, release the folder, forget the key.

        Another thread may be in the middle of a statement on its own connection (a thumbnail
        job while the user locks): closing that connection under it can crash SQLite. So those
        are interrupted (their job fails with an error it reports) and released; each closes
        when its thread drops its last reference, in that thread.
        """
        if self._closed:
            return
        self._closed = True
        with self._guard:
            connections, self._connections = self._connections, {}
        own = connections.pop(threading.get_ident(), None)
        for other in connections.values():
            with contextlib.suppress(Exception):
                other.conn.interrupt()
        connections.clear()
        if own is not None:
            with contextlib.suppress(Exception):
                own.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(Exception):
                own.conn.close()
        for i in range(len(self._key)):
            self._key[i] = 0
        self._lock.release()

    def __enter__(self) -> BinderSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class NewBinder:
    session: BinderSession
    recovery_code: str


def is_binder(folder: Path) -> bool:
    return BinderFolder(folder).exists()


def _require_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password", f"at least {MIN_PASSWORD_LENGTH} characters")


def _open_session(folder: BinderFolder, master_key: bytes) -> BinderSession:
    """Lock the folder, open the database, migrate it and sweep what a crash left behind."""
    lock = FolderLock(folder)
    lock.acquire()
    session = BinderSession(folder, master_key, lock)
    try:
        db = session.database()
        with classified_errors(folder.path):
            migrate(db, folder.path, timestamp())
            sweep_staging(db)
    except BaseException:
        session.close()
        raise
    return session


def create_binder(
    folder: Path, password: str, case: Case, kdf: KdfParams | None = None
) -> NewBinder:
    """Make a new binder in `folder` (absent or empty) and return it unlocked.

    It is built in `<folder>.partial` and renamed into place, so a crash never leaves a
    folder that looks like a binder but cannot be opened.
    """
    if not case.patient_name.strip():
        raise InvalidInput("patient_name", "empty")
    _require_password(password)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BinderUnavailable(folder, UnavailableReason.ALREADY_EXISTS)
    params = kdf or calibrate_kdf()
    master_key = secrets.token_bytes(MASTER_KEY_BYTES)
    binder_id = KeySlotFile.new_binder_id()
    recovery_code = generate_recovery_code()
    keyslot_file = KeySlotFile(
        binder_id,
        (
            wrap_master_key(master_key, binder_id, PASSWORD_SLOT, password, params),
            wrap_master_key(
                master_key, binder_id, RECOVERY_SLOT, recovery_code, KdfParams.minimum()
            ),
        ),
    )
    partial = BinderFolder(folder.with_name(folder.name + ".partial"))
    with classified_errors(folder):
        if partial.path.exists():
            shutil.rmtree(partial.path)
        partial.path.mkdir(parents=True)
        try:
            now = timestamp()
            db = connect(partial.database, master_key, create=True)
            try:
                migrate(db, partial.path, now)
                with transaction(db):
                    save_case(db, case, now)
                    set_meta(db, CREATED_AT, now)
                    set_meta(db, BINDER_ID, binder_id)
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                db.conn.close()
            partial.write_keyslots(keyslot_file)
            if folder.exists():
                folder.rmdir()  # known empty
            os.replace(partial.path, folder)
            fsync_directory(folder.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                shutil.rmtree(partial.path)
            raise
    session = _open_session(BinderFolder(folder), master_key)
    return NewBinder(session, recovery_code)


def unlock_binder(folder: Path, password: str) -> BinderSession:
    binder = BinderFolder(folder)
    binder.require_existing()
    keyslot_file = binder.read_keyslots()
    master_key = unwrap_master_key(
        keyslot_file.slot_of_type(PASSWORD_SLOT), keyslot_file.binder_id, password
    )
    return _open_session(binder, master_key)


def _rewrap_password(
    binder: BinderFolder,
    keyslot_file: KeySlotFile,
    master_key: bytes,
    new_password: str,
    kdf: KdfParams | None,
) -> None:
    """Replace the password slot in one atomic file write (the old slot stays until then)."""
    new_slot = wrap_master_key(
        master_key, keyslot_file.binder_id, PASSWORD_SLOT, new_password, kdf or calibrate_kdf()
    )
    binder.write_keyslots(keyslot_file.replacing(PASSWORD_SLOT, new_slot))


def recover_binder(
    folder: Path, recovery_code: str, new_password: str, kdf: KdfParams | None = None
) -> BinderSession:
    """Open the binder with its recovery code and set a new password."""
    _require_password(new_password)
    binder = BinderFolder(folder)
    binder.require_existing()
    keyslot_file = binder.read_keyslots()
    if not looks_like_recovery_code(recovery_code):
        raise WrongPassword
    master_key = unwrap_master_key(
        keyslot_file.slot_of_type(RECOVERY_SLOT),
        keyslot_file.binder_id,
        normalise_recovery_code(recovery_code),
    )
    lock = FolderLock(binder)
    lock.acquire()
    try:
        _rewrap_password(binder, keyslot_file, master_key, new_password, kdf)
    finally:
        lock.release()
    return _open_session(binder, master_key)


def change_password(
    folder: Path, old_password: str, new_password: str, kdf: KdfParams | None = None
) -> None:
    """Change the password of a closed binder; the data is not re-encrypted."""
    _require_password(new_password)
    binder = BinderFolder(folder)
    binder.require_existing()
    lock = FolderLock(binder)
    lock.acquire()
    try:
        keyslot_file = binder.read_keyslots()
        master_key = unwrap_master_key(
            keyslot_file.slot_of_type(PASSWORD_SLOT), keyslot_file.binder_id, old_password
        )
        _rewrap_password(binder, keyslot_file, master_key, new_password, kdf)
    finally:
        lock.release()


def change_password_of_open_binder(
    session: BinderSession, old_password: str, new_password: str, kdf: KdfParams | None = None
) -> None:
    """Change the password while the binder is unlocked (the session already holds the lock)."""
    _require_password(new_password)
    binder = session.binder_folder
    keyslot_file = binder.read_keyslots()
    master_key = unwrap_master_key(
        keyslot_file.slot_of_type(PASSWORD_SLOT), keyslot_file.binder_id, old_password
    )
    _rewrap_password(binder, keyslot_file, master_key, new_password, kdf)
