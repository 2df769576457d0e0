"""Item 1 and 4 of issue 21: an empty binder.db, a stale `-wal` and a lost `-wal` are noticed.

The audit's cases, reproduced with real binders: a 0-byte binder.db was reported healthy and
then silently re-created as an empty binder; a `-wal` from an earlier moment reverted a binder
from 64 images to 17 with `check` still saying healthy; deleting the `-wal` after a crash lost
a committed file without a word.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.app import cli_messages as msg
from casebook.core.errors import BinderDamaged, BinderRolledBack
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession, NewBinder, unlock_binder
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import PASSWORD_SLOT, unwrap_master_key
from casebook.store.meta import read_generation

from .conftest import PASSWORD, Run, write_documents


def _import(session: BinderSession, paths: list[Path]) -> None:
    import_paths(session, paths, None, ignore_progress, NEVER_CANCELLED)


def test_every_write_transaction_bumps_the_generation(
    session: BinderSession, tmp_path: Path
) -> None:
    with session.reading() as db:
        before = read_generation(db)
    assert before is not None
    assert before > 0
    for number in range(3):  # three imports: three committing write transactions at least
        _import(session, write_documents(tmp_path / f"in{number}", 1, tag=f"doc{number}"))
    with session.reading() as db:
        after = read_generation(db)
    assert after is not None
    assert after >= before + 3


def test_closing_checkpoints_and_records_the_generation(
    new_binder: NewBinder, tmp_path: Path
) -> None:
    session = new_binder.session
    _import(session, write_documents(tmp_path / "in", 2))
    folder = session.folder
    with session.reading() as db:
        generation = read_generation(db)
    session.close()
    assert session.last_checkpoint_complete
    wal = folder / "binder.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # binder.db alone holds the binder
    reopened = unlock_binder(folder, PASSWORD)
    try:
        known = reopened.keyslots.known_generation(reopened.key(), folder / "keyslots.json")
    finally:
        reopened.close()
    assert known is not None
    assert generation is not None
    assert known >= generation


def test_a_stale_wal_put_back_is_refused_as_rolled_back(
    new_binder: NewBinder, tmp_path: Path, run_casebook: Run
) -> None:
    """The audit's case: a -wal from an earlier state next to the newer binder.db."""
    session = new_binder.session
    folder = session.folder
    _import(session, write_documents(tmp_path / "early", 3, tag="early"))
    stale_wal = tmp_path / "stale-wal"
    shutil.copyfile(folder / "binder.db-wal", stale_wal)  # the earlier moment, 3 documents
    _import(session, write_documents(tmp_path / "late", 5, tag="late"))
    session.close()
    newer_db = (folder / "binder.db").read_bytes()
    shutil.copyfile(stale_wal, folder / "binder.db-wal")

    with pytest.raises(BinderRolledBack) as caught:
        unlock_binder(folder, PASSWORD)
    assert caught.value.found_generation < caught.value.known_generation
    # Detecting it wrote nothing into binder.db: deleting the stale -wal gets the newer state.
    assert (folder / "binder.db").read_bytes() == newer_db

    checked = run_casebook("check", folder, stdin=PASSWORD + "\n")
    assert checked.returncode == msg.EXIT_DAMAGED
    assert "older than the last time it was used" in checked.stderr
    assert "backup" in checked.stderr
    assert "Traceback" not in checked.stderr
    assert (folder / "binder.db").read_bytes() == newer_db

    (folder / "binder.db-wal").unlink()
    (folder / "binder.db-shm").unlink(missing_ok=True)
    with unlock_binder(folder, PASSWORD) as recovered:
        assert len(records.list_documents(recovered)) == 8


def test_an_older_copy_can_be_accepted_on_purpose(
    new_binder: NewBinder, tmp_path: Path, run_casebook: Run
) -> None:
    session = new_binder.session
    folder = session.folder
    session.close()
    older = (folder / "binder.db").read_bytes()
    with unlock_binder(folder, PASSWORD) as again:
        _import(again, write_documents(tmp_path / "in", 2))
    (folder / "binder.db").write_bytes(older)  # e.g. a sync tool put an old version back

    accepted = run_casebook("check", folder, "--accept-rollback", stdin=PASSWORD + "\n")
    assert accepted.returncode == 0, accepted.stderr
    assert "healthy" in accepted.stdout
    with unlock_binder(folder, PASSWORD) as reopened:  # the older copy is the known state now
        assert records.list_documents(reopened) == []


_CHILD_WRITES_THEN_DIES = """
import os, signal, sys
from pathlib import Path
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import unlock_binder
from casebook.services.records.importing import import_paths

session = unlock_binder(Path(sys.argv[1]), sys.argv[2])
import_paths(session, [Path(sys.argv[3])], None, ignore_progress, NEVER_CANCELLED)
session.record_generation()  # what the session does every 2 s while writing
print("committed", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_wal_lost_after_a_crash_is_noticed(new_binder: NewBinder, tmp_path: Path) -> None:
    """The audit's second case: the committed file lived only in the -wal, which was deleted."""
    folder = new_binder.session.folder
    new_binder.session.close()
    source = write_documents(tmp_path / "in", 1)[0]
    child = subprocess.run(
        [sys.executable, "-c", _CHILD_WRITES_THEN_DIES, str(folder), PASSWORD, str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.strip() == "committed"
    assert (folder / "binder.db-wal").stat().st_size > 0
    (folder / "binder.db-wal").unlink()
    (folder / "binder.db-shm").unlink(missing_ok=True)
    with pytest.raises(BinderRolledBack):
        unlock_binder(folder, PASSWORD)


def test_an_edited_generation_record_is_damage(new_binder: NewBinder) -> None:
    """Lowering the record by hand (checksum recomputed) fails its authenticator."""
    folder = new_binder.session.folder
    new_binder.session.close()
    import hashlib
    import json

    path = folder / "keyslots.json"
    document = json.loads(path.read_bytes())
    document["generation"]["value"] = 1
    del document["checksum_sha256"]
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    document["checksum_sha256"] = hashlib.sha256(canonical).hexdigest()
    path.write_bytes((json.dumps(document, indent=2, sort_keys=True) + "\n").encode())
    with pytest.raises(BinderDamaged, match="record of the last state"):
        unlock_binder(folder, PASSWORD)


def test_an_empty_binder_db_is_damaged_not_a_new_binder(
    new_binder: NewBinder, run_casebook: Run
) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    (folder / "binder.db").write_bytes(b"")
    with pytest.raises(BinderDamaged, match="empty"):
        unlock_binder(folder, PASSWORD)
    assert (folder / "binder.db").stat().st_size == 0  # nothing was written into it

    checked = run_casebook("check", folder, stdin=PASSWORD + "\n")
    assert checked.returncode == msg.EXIT_DAMAGED, checked.stdout + checked.stderr
    assert "healthy" not in checked.stdout
    assert "empty" in checked.stderr
    assert "Casebook backup" in checked.stderr  # points to the backups
    listed = run_casebook("list", folder, stdin=PASSWORD + "\n")
    assert listed.returncode == msg.EXIT_DAMAGED
    assert "Traceback" not in listed.stderr
    assert (folder / "binder.db").stat().st_size == 0


def test_a_schemaless_database_is_damaged(new_binder: NewBinder) -> None:
    """A real SQLCipher database under the right key, but with no binder in it."""
    session = new_binder.session
    folder = session.folder
    keyslots = session.keyslots
    session.close()
    key: KeyBuffer = unwrap_master_key(
        keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, PASSWORD
    )
    (folder / "binder.db").unlink()
    import sqlcipher3

    raw = sqlcipher3.connect(str(folder / "binder.db"))
    with key.sqlcipher_raw_key() as text:
        raw.set_key(text)
    raw.execute("PRAGMA cipher_page_size = 16384")
    raw.execute(f"PRAGMA cipher_hmac_algorithm = {keyslots.page_hmac.value}")
    raw.execute("PRAGMA user_version = 0")
    raw.execute("CREATE TABLE unrelated (x)")
    raw.execute("DROP TABLE unrelated")
    raw.commit()
    raw.close()
    key.wipe()
    assert os.path.getsize(folder / "binder.db") > 0
    with pytest.raises(BinderDamaged, match="holds no binder"):
        unlock_binder(folder, PASSWORD)
    report = maintenance.check_binder_folder(folder, PASSWORD, ignore_progress, NEVER_CANCELLED)
    assert not report.ok
    assert report.unopenable
