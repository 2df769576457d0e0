"""Creating, unlocking, locking and recovering binders, and the errors users can meet."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from casebook.core.changes import Changed
from casebook.core.errors import BinderDamaged, BinderUnavailable, InvalidInput, WrongPassword
from casebook.core.errors import UnavailableReason as Reason
from casebook.core.model import RecordKind, SlotStatus
from casebook.services.binder.session import (
    BinderSession,
    NewBinder,
    change_password,
    change_password_of_open_binder,
    create_binder,
    is_binder,
    recover_binder,
    unlock_binder,
)
from casebook.services.records import documents as records
from casebook.store import blobs
from casebook.store.database import connect
from casebook.store.key_buffer import KeyBuffer

from .conftest import FAST, PASSWORD, make_case


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_create_lock_unlock_keeps_the_case(tmp_path: Path) -> None:
    folder = tmp_path / "Binder 1"
    created = create_binder(folder, PASSWORD, make_case("Wang Fang 王芳"), FAST)
    assert is_binder(folder)
    assert len(records.list_slots(created.session)) == len(RecordKind)
    created.session.close()
    # Closed, the binder is two files (plus an empty lock file): safe to copy as a whole.
    assert sorted(p.name for p in folder.iterdir() if p.name != "binder.lock") == [
        "binder.db",
        "keyslots.json",
    ]
    assert created.session.closed
    with pytest.raises(BinderUnavailable):
        created.session.database()

    with unlock_binder(folder, PASSWORD) as session:
        case = records.load_case(session)
        assert case.patient_name == "Wang Fang 王芳"
        assert str(case.date_of_birth) == "1961-05"
        statuses = {slot.kind: slot.status for slot in records.list_slots(session)}
        assert statuses.pop(RecordKind.OTHER) is SlotStatus.NOT_APPLICABLE  # a catch-all
        assert set(statuses.values()) == {SlotStatus.MISSING}


def test_wrong_password_is_clear_and_changes_nothing(new_binder: NewBinder) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    before = _fingerprint(folder)
    with pytest.raises(WrongPassword):
        unlock_binder(folder, "not the password")
    assert _fingerprint(folder) == before
    with unlock_binder(folder, PASSWORD):
        pass


def test_second_unlock_of_an_open_binder_is_refused_as_in_use(new_binder: NewBinder) -> None:
    with pytest.raises(BinderUnavailable) as caught:
        unlock_binder(new_binder.session.folder, PASSWORD)
    assert caught.value.reason is Reason.IN_USE


def test_missing_and_non_binder_folders(tmp_path: Path) -> None:
    with pytest.raises(BinderUnavailable) as caught:
        unlock_binder(tmp_path / "nowhere", PASSWORD)
    assert caught.value.reason is Reason.MISSING
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    with pytest.raises(BinderUnavailable) as caught:
        unlock_binder(tmp_path / "photos", PASSWORD)
    assert caught.value.reason is Reason.NOT_A_BINDER
    with pytest.raises(BinderUnavailable) as caught:
        create_binder(tmp_path / "photos", PASSWORD, make_case(), FAST)
    assert caught.value.reason is Reason.ALREADY_EXISTS
    assert (tmp_path / "photos" / "a.jpg").exists()


def test_bad_input_on_create(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        create_binder(tmp_path / "b", PASSWORD, make_case("   "), FAST)
    with pytest.raises(InvalidInput):
        create_binder(tmp_path / "b", "short", make_case(), FAST)
    assert not (tmp_path / "b").exists()
    assert not (tmp_path / "b.partial").exists()


def test_recovery_code_opens_and_sets_a_new_password(new_binder: NewBinder) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    with pytest.raises(WrongPassword):
        recover_binder(folder, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "brand new secret", FAST)
    with pytest.raises(WrongPassword):
        recover_binder(folder, "not a code", "brand new secret", FAST)
    typed = new_binder.recovery_code.lower().replace("-", " ")
    with recover_binder(folder, typed, "brand new secret", FAST) as session:
        assert records.load_case(session).patient_name == "Test Patient"
    with pytest.raises(WrongPassword):
        unlock_binder(folder, PASSWORD)
    with unlock_binder(folder, "brand new secret"):
        pass
    # The recovery code keeps working after a recovery.
    with recover_binder(folder, new_binder.recovery_code, "third secret!", FAST):
        pass


def test_change_password_rewrites_only_the_key_slots(new_binder: NewBinder) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    database_before = (folder / "binder.db").read_bytes()
    with pytest.raises(WrongPassword):
        change_password(folder, "wrong old password", "new password 1", FAST)
    change_password(folder, PASSWORD, "new password 1", FAST)
    assert (folder / "binder.db").read_bytes() == database_before
    with pytest.raises(WrongPassword):
        unlock_binder(folder, PASSWORD)
    with unlock_binder(folder, "new password 1") as session:
        change_password_of_open_binder(session, "new password 1", "new password 2", FAST)
    with unlock_binder(folder, "new password 2"):
        pass
    with recover_binder(folder, new_binder.recovery_code, "new password 3", FAST):
        pass


def test_binder_from_a_newer_casebook_is_refused(new_binder: NewBinder) -> None:
    new_binder.session.database().execute("PRAGMA user_version = 99")
    folder = new_binder.session.folder
    new_binder.session.close()
    with pytest.raises(BinderUnavailable) as caught:
        unlock_binder(folder, PASSWORD)
    assert caught.value.reason is Reason.TOO_NEW


def test_damaged_first_page_is_reported_as_damage(new_binder: NewBinder) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    database = folder / "binder.db"
    data = bytearray(database.read_bytes())
    data[100] ^= 0xFF
    database.write_bytes(bytes(data))
    with pytest.raises(BinderDamaged) as caught:
        unlock_binder(folder, PASSWORD)
    assert caught.value.details


def test_each_thread_gets_its_own_connection_and_sees_committed_writes(
    new_binder: NewBinder,
) -> None:
    session = new_binder.session
    case = records.load_case(session)
    case.diagnosis_summary = "Lung adenocarcinoma, stage under review"
    results: list[str] = []

    def writer() -> None:
        records.save_case(session, case)
        results.append(records.load_case(session).diagnosis_summary)

    thread = threading.Thread(target=writer)
    thread.start()
    thread.join()
    assert results == [case.diagnosis_summary]
    assert records.load_case(session).diagnosis_summary == case.diagnosis_summary


def test_a_range_of_stored_content_is_the_same_bytes_across_chunk_boundaries(
    session: BinderSession,
) -> None:
    """`read_blob_range` cuts pieces out of the chunks in SQL (a header's 64 KB is not copied
    as its whole 1 MiB chunk): every cut must give the bytes the file has there."""
    content = os.urandom(2 * blobs.CHUNK_SIZE + 12_345)  # three chunks, the last one short
    sha256 = hashlib.sha256(content).hexdigest()
    with session.writing(Changed.DOCUMENTS) as db:
        assert blobs.insert_ready_blob(db, content, sha256, "2026-01-01T00:00:00")
    mib = blobs.CHUNK_SIZE
    ranges = [
        (0, 64 * 1024),  # a DICOM header's read
        (0, 1),
        (mib - 10, 20),  # across the first boundary
        (mib - 1, mib + 2),  # the whole second chunk and a byte each side
        (5, 2 * mib + 12_345),  # to the end, asked for more than there is
        (2 * mib + 12_000, 10_000),  # inside the short last chunk, past its end
        (len(content), 10),  # at the end
        (100, 0),  # nothing
    ]
    with session.reading() as db:
        for offset, length in ranges:
            piece = blobs.read_blob_range(db, sha256, offset, length)
            assert piece == content[offset : offset + length], (offset, length)


def test_bulk_writes_copy_the_wal_into_binder_db_on_a_thread_of_their_own(
    new_binder: NewBinder,
) -> None:
    """2 MiB is far below the 1000 pages (16 MB) at which the writer itself checkpoints: only
    the background checkpoint can have put it into binder.db while the binder is open."""
    session = new_binder.session
    database = session.folder / "binder.db"
    content = os.urandom(2 * 1024 * 1024)
    with session.bulk_writes() as checkpoints:
        size_before = database.stat().st_size
        with session.writing(Changed.DOCUMENTS) as db:
            sha256 = hashlib.sha256(content).hexdigest()
            assert blobs.insert_ready_blob(db, content, sha256, "2026-01-01T00:00:00")
        assert checkpoints.wait_for(1, timeout=60)
        assert database.stat().st_size >= size_before + len(content)
    autocheckpoint = session.database().execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    assert autocheckpoint == 1000  # the writer's own checkpoints are back to SQLite's


def test_database_is_really_encrypted_with_the_master_key(new_binder: NewBinder) -> None:
    database = new_binder.session.folder / "binder.db"
    header = database.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    with pytest.raises(BinderDamaged):
        # Any other key fails: the file is not readable without unwrapping a slot.
        connect(database, KeyBuffer(48), new_binder.session.keyslots.page_hmac)


def test_locking_while_another_thread_is_mid_query_does_not_crash(
    new_binder: NewBinder,
) -> None:
    session = new_binder.session
    started = threading.Event()
    outcome: list[str] = []

    def running() -> int:
        started.set()  # called from inside the statement: it is certainly running now
        return 1

    def long_query() -> None:
        db = session.database()
        db.conn.create_function("running", 0, running)
        try:
            db.execute(  # far longer than any test waits: only the interrupt ends it
                "WITH RECURSIVE n(i) AS (SELECT running() UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 100000000000) SELECT count(*) FROM n"
            ).fetchone()
            outcome.append("finished")
        except Exception as error:
            outcome.append(type(error).__name__)

    worker = threading.Thread(target=long_query)
    worker.start()
    assert started.wait(60)
    session.close()
    worker.join(60)
    assert not worker.is_alive()
    assert outcome == ["OperationalError"]  # interrupted, and reported as an error
    with unlock_binder(session.folder, PASSWORD):
        pass
