"""New keys for a binder whose password, recovery code or laptop may have been compromised.

"Re-encrypt with a new key" draws a new master key, writes the whole database again under it
(see `store.rekey`: a verified copy swapped in at one commit point) and makes new key slots: a
new password slot and a new recovery code. Afterwards an old copy of keyslots.json, an old
password or an old recovery code opens nothing that the binder holds now (old backups keep
their own keys). "Make a new recovery code" only replaces the recovery slot: the old code
stops working in this binder, though it still opens the master key in any old copy of
keyslots.json — only re-encryption changes that.
"""

from __future__ import annotations

from pathlib import Path

from casebook.core.errors import BinderUnavailable, UnavailableReason, WrongPassword
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder.binder_session import BinderSession
from casebook.services.binder.session import (
    NewBinder,
    check_last_state,
    locked_folder,
    open_session,
    require_password,
)
from casebook.services.clock import timestamp
from casebook.store.blobs import sweep_staging
from casebook.store.database import checkpoint, classified_errors, connect
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
from casebook.store.page_hmac import fastest_page_hmac
from casebook.store.recovery_code import generate_recovery_code
from casebook.store.rekey import commit_rekey, write_rekeyed_copy
from casebook.store.schema import migrate

REKEY_STEP_COPY = "copy"
REKEY_STEP_SAVE = "save"


def rekey_binder(
    folder: Path,
    password: str,
    new_password: str,
    report: Report,
    cancel: CancelToken,
    kdf: KdfParams | None = None,
) -> NewBinder:
    """Re-encrypt the closed binder at `folder` under a new master key; return it unlocked.

    `password` is the current one; `new_password` opens the binder afterwards (it may be the
    same). A new recovery code is made and returned: the old one stops working. Cancelling is
    possible until the verified copy is ready; after that the swap is quick and completes even
    after a crash (on the next opening).
    """
    require_password(new_password)
    binder, lock = locked_folder(folder)
    try:
        keyslots = binder.read_keyslots()
        old_key = unwrap_master_key(
            keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, password
        )
    except BaseException:
        lock.release()
        raise
    new_key = KeyBuffer.random()
    try:
        check_last_state(binder, old_key, keyslots, accept_rollback=False)
        params = kdf or calibrate_kdf()
        recovery_code = generate_recovery_code()
        page_hmac = fastest_page_hmac()  # the new database's, chosen afresh like its KDF
        db = connect(binder.database, old_key, keyslots.page_hmac)
        try:
            with classified_errors(binder.path):
                migrate(db, binder.path, timestamp())
                sweep_staging(db)
                if not checkpoint(db):
                    raise BinderUnavailable(binder.path, UnavailableReason.IN_USE)

            def copied(done: int, total: int) -> None:
                report(Progress(done, total, REKEY_STEP_COPY))

            generation = write_rekeyed_copy(db, binder, new_key, page_hmac, copied, cancel)
        finally:
            db.conn.close()
        report(Progress(0, 0, REKEY_STEP_SAVE))
        new_keyslots = KeySlotFile(
            keyslots.binder_id,
            (
                wrap_master_key(new_key, keyslots.binder_id, PASSWORD_SLOT, new_password, params),
                wrap_master_key(
                    new_key, keyslots.binder_id, RECOVERY_SLOT, recovery_code, KdfParams.minimum()
                ),
            ),
            page_hmac=page_hmac,
        ).recording(new_key, generation)
        commit_rekey(binder, new_keyslots.to_bytes())
    except BaseException:
        new_key.wipe()
        lock.release()
        raise
    finally:
        old_key.wipe()
    session = open_session(binder, new_key, lock, new_keyslots)
    return NewBinder(session, recovery_code)


def _new_recovery_slot(key: KeyBuffer, keyslots: KeySlotFile) -> tuple[str, KeySlotFile]:
    code = generate_recovery_code()
    slot = wrap_master_key(key, keyslots.binder_id, RECOVERY_SLOT, code, KdfParams.minimum())
    return code, keyslots.replacing(RECOVERY_SLOT, slot)


def replace_recovery_code(folder: Path, password: str) -> str:
    """Give the closed binder at `folder` a new recovery code (returned, shown once)."""
    binder, lock = locked_folder(folder)
    try:
        keyslots = binder.read_keyslots()
        key = unwrap_master_key(keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, password)
        try:
            code, updated = _new_recovery_slot(key, keyslots)
            binder.write_keyslots(updated)
        finally:
            key.wipe()
    finally:
        lock.release()
    return code


def verify_password(session: BinderSession, password: str) -> None:
    """Raise WrongPassword unless `password` opens this unlocked binder (about a second)."""
    keyslots = session.keyslots
    key = unwrap_master_key(keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, password)
    try:
        if not key.same_as(session.key()):
            raise WrongPassword
    finally:
        key.wipe()


def replace_recovery_code_of_open_binder(session: BinderSession, password: str) -> str:
    """The same for an unlocked binder; the password is asked again so that nobody at an
    unattended, unlocked computer can quietly make a code of their own."""
    verify_password(session, password)
    code, updated = _new_recovery_slot(session.key(), session.keyslots)
    session.update_keyslots(
        lambda current: current.replacing(RECOVERY_SLOT, updated.slot_of_type(RECOVERY_SLOT))
    )
    return code
