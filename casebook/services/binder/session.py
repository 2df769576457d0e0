"""Create, unlock, recover and lock a binder; change its password.

An unlocked binder is a `BinderSession` (see `binder_session`): it holds the raw master key
(never the password), the folder lock, and one SQLCipher connection per thread that uses it.

Opening takes the folder lock first, finishes or discards a re-encryption a crash interrupted
(`store.rekey`), and only then reads the key slots. Before anything is written it compares the
database's generation with the one recorded in keyslots.json: a binder.db (or a `-wal` beside
it) older than its last known state is refused as rolled back, unless the user accepts it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from casebook.core.errors import (
    BinderRolledBack,
    BinderUnavailable,
    InvalidInput,
    UnavailableReason,
    WrongPassword,
)
from casebook.core.model import Case
from casebook.services.binder.binder_session import (
    BinderSession,
    ChangeCollector,
    WriteOutsideWriter,
    mark_thread_read_only,
)
from casebook.services.binder.password_strength import (
    PasswordStrength,
    check_password_strength,
)
from casebook.services.clock import timestamp
from casebook.store.binder_folder import BinderFolder, FolderLock, fsync_directory
from casebook.store.blobs import sweep_staging
from casebook.store.case_record import save_case
from casebook.store.database import checkpoint, classified_errors, connect, transaction
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import (
    PASSWORD_SLOT,
    RECOVERY_SLOT,
    KdfParams,
    KeySlotFile,
    calibrate_kdf,
    unwrap_master_key,
    wrap_master_key,
)
from casebook.store.meta import BINDER_ID, CREATED_AT, read_generation, set_meta
from casebook.store.page_hmac import fastest_page_hmac
from casebook.store.recovery_code import (
    generate_recovery_code,
    looks_like_recovery_code,
    normalise_recovery_code,
)
from casebook.store.rekey import finish_pending_rekey
from casebook.store.schema import migrate
from casebook.store.sharing.capture import capture_pending
from casebook.store.sharing.tracking import install_tracking

MIN_PASSWORD_LENGTH = 8

__all__ = [
    "BinderSession",
    "ChangeCollector",
    "KdfParams",
    "NewBinder",
    "PasswordStrength",
    "WriteOutsideWriter",
    "change_password",
    "change_password_of_open_binder",
    "check_password_strength",
    "create_binder",
    "is_binder",
    "locked_folder",
    "mark_thread_read_only",
    "recover_binder",
    "require_password",
    "unlock_binder",
]


@dataclass
class NewBinder:
    session: BinderSession
    recovery_code: str


def is_binder(folder: Path) -> bool:
    return BinderFolder(folder).exists()


def require_password(password: str) -> None:
    """A new password must be long enough (the strength meter guides; this is the floor)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password", f"at least {MIN_PASSWORD_LENGTH} characters")


def locked_folder(folder: Path) -> tuple[BinderFolder, FolderLock]:
    """Take the binder's folder lock and finish (or discard) an interrupted re-encryption.

    Every way into a binder starts here, so keyslots.json is only ever read once the folder is
    whole again. The caller releases the lock (or hands it to a session).
    """
    binder = BinderFolder(folder)
    binder.require_existing()
    lock = FolderLock(binder)
    lock.acquire()
    try:
        with classified_errors(folder):
            finish_pending_rekey(binder)
        binder.require_existing()
    except BaseException:
        lock.release()
        raise
    return binder, lock


def check_last_state(
    binder: BinderFolder, key: KeyBuffer, keyslots: KeySlotFile, *, accept_rollback: bool
) -> None:
    """Refuse a binder.db older than the generation keyslots.json last recorded.

    Read through a read-only connection: a stale `-wal` must not be checkpointed into
    binder.db (which may still hold the newer state) before the user has decided.
    """
    known = keyslots.known_generation(key, binder.keyslots)
    if known is None:
        return
    probe = connect(binder.database, key, keyslots.page_hmac, read_only=True)
    try:
        with classified_errors(binder.path):
            found = read_generation(probe) or 0
    finally:
        probe.conn.close()
    if found < known and not accept_rollback:
        raise BinderRolledBack(binder.path, found, known)


def open_session(
    binder: BinderFolder,
    key: KeyBuffer,
    lock: FolderLock,
    keyslots: KeySlotFile,
    *,
    accept_rollback: bool = False,
) -> BinderSession:
    """With the lock held: check the last state, migrate, sweep what a crash left, record.

    On failure the key is wiped and the lock released.
    """
    try:
        check_last_state(binder, key, keyslots, accept_rollback=accept_rollback)
    except BaseException:
        key.wipe()
        lock.release()
        raise
    session = BinderSession(binder, key, lock, keyslots)
    try:
        db = session.database()
        with classified_errors(binder.path):
            migrate(db, binder.path, timestamp())
            sweep_staging(db)
            with transaction(db):  # every shared table tracked, what is new recorded
                install_tracking(db)
                capture_pending(db)
        session.record_generation()
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
    require_password(password)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BinderUnavailable(folder, UnavailableReason.ALREADY_EXISTS)
    params = kdf or calibrate_kdf()
    key = KeyBuffer.random()
    binder_id = KeySlotFile.new_binder_id()
    recovery_code = generate_recovery_code()
    keyslot_file = KeySlotFile(
        binder_id,
        (
            wrap_master_key(key, binder_id, PASSWORD_SLOT, password, params),
            wrap_master_key(key, binder_id, RECOVERY_SLOT, recovery_code, KdfParams.minimum()),
        ),
        page_hmac=fastest_page_hmac(),
    )
    partial = BinderFolder(folder.with_name(folder.name + ".partial"))
    try:
        with classified_errors(folder):
            if partial.path.exists():
                shutil.rmtree(partial.path)
            partial.path.mkdir(parents=True)
            try:
                now = timestamp()
                db = connect(partial.database, key, keyslot_file.page_hmac, create=True)
                try:
                    migrate(db, partial.path, now)
                    with transaction(db):
                        save_case(db, case, now)
                        set_meta(db, CREATED_AT, now)
                        set_meta(db, BINDER_ID, binder_id)
                    checkpoint(db)
                    generation = read_generation(db) or 0
                finally:
                    db.conn.close()
                partial.write_keyslots(keyslot_file.recording(key, generation))
                if folder.exists():
                    folder.rmdir()  # known empty
                os.replace(partial.path, folder)
                fsync_directory(folder.parent)
            except BaseException:
                with contextlib.suppress(OSError):
                    shutil.rmtree(partial.path)
                raise
        binder, lock = locked_folder(folder)
    except BaseException:
        key.wipe()
        raise
    session = open_session(binder, key, lock, binder.read_keyslots())
    return NewBinder(session, recovery_code)


def unlock_binder(folder: Path, password: str, *, accept_rollback: bool = False) -> BinderSession:
    """Open the binder with its password. `accept_rollback` opens an older binder.db as it is
    (after the user was told, and chose that over a backup)."""
    binder, lock = locked_folder(folder)
    try:
        keyslots = binder.read_keyslots()
        key = unwrap_master_key(keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, password)
    except BaseException:
        lock.release()
        raise
    return open_session(binder, key, lock, keyslots, accept_rollback=accept_rollback)


def _new_password_slot(
    key: KeyBuffer, keyslots: KeySlotFile, new_password: str, kdf: KdfParams | None
) -> KeySlotFile:
    """keyslots with the password slot replaced (the old slot stays until the file is written)."""
    new_slot = wrap_master_key(
        key, keyslots.binder_id, PASSWORD_SLOT, new_password, kdf or calibrate_kdf()
    )
    return keyslots.replacing(PASSWORD_SLOT, new_slot)


def recover_binder(
    folder: Path, recovery_code: str, new_password: str, kdf: KdfParams | None = None
) -> BinderSession:
    """Open the binder with its recovery code and set a new password."""
    require_password(new_password)
    if not looks_like_recovery_code(recovery_code):
        raise WrongPassword
    binder, lock = locked_folder(folder)
    try:
        keyslots = binder.read_keyslots()
        key = unwrap_master_key(
            keyslots.slot_of_type(RECOVERY_SLOT),
            keyslots.binder_id,
            normalise_recovery_code(recovery_code),
        )
    except BaseException:
        lock.release()
        raise
    try:
        keyslots = _new_password_slot(key, keyslots, new_password, kdf)
        binder.write_keyslots(keyslots)
    except BaseException:
        key.wipe()
        lock.release()
        raise
    return open_session(binder, key, lock, keyslots)


def change_password(
    folder: Path, old_password: str, new_password: str, kdf: KdfParams | None = None
) -> None:
    """Change the password of a closed binder; the data is not re-encrypted."""
    require_password(new_password)
    binder, lock = locked_folder(folder)
    try:
        keyslots = binder.read_keyslots()
        key = unwrap_master_key(
            keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, old_password
        )
        try:
            binder.write_keyslots(_new_password_slot(key, keyslots, new_password, kdf))
        finally:
            key.wipe()
    finally:
        lock.release()


def change_password_of_open_binder(
    session: BinderSession, old_password: str, new_password: str, kdf: KdfParams | None = None
) -> None:
    """Change the password while the binder is unlocked (the session already holds the lock)."""
    require_password(new_password)
    keyslots = session.keyslots
    unwrap_master_key(
        keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, old_password
    ).wipe()  # only proves the old password
    new_slot = wrap_master_key(
        session.key(), keyslots.binder_id, PASSWORD_SLOT, new_password, kdf or calibrate_kdf()
    )
    session.update_keyslots(lambda current: current.replacing(PASSWORD_SLOT, new_slot))
