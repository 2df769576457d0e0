"""The integrity check finds damage; backups are whole, encrypted and verified."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casebook.core.errors import BinderUnavailable
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import overview
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession, unlock_binder
from casebook.services.records.importing import import_paths

from .conftest import PASSWORD


def _fill(session: BinderSession, files: list[Path]) -> None:
    summary = import_paths(
        session, files, None, ignore_progress, NEVER_CANCELLED, accept_other_patients=True
    )
    assert summary.images_added == len(files)


def test_healthy_binder_passes_and_every_document_is_rehashed(
    session: BinderSession, lung_ct_files: list[Path]
) -> None:
    _fill(session, lung_ct_files[:4])
    report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
    assert report.ok, report.problems
    assert report.documents_checked == 4
    assert report.pages_checked > 0


def test_a_flipped_byte_anywhere_in_the_data_is_found(
    session: BinderSession, lung_ct_files: list[Path]
) -> None:
    _fill(session, lung_ct_files[:6])
    folder = session.folder
    session.close()
    database = folder / "binder.db"
    data = bytearray(database.read_bytes())
    # A byte in the middle of the file: inside stored DICOM content, not the schema.
    data[len(data) // 2] ^= 0x10
    database.write_bytes(bytes(data))
    report = maintenance.check_binder_folder(folder, PASSWORD, ignore_progress, NEVER_CANCELLED)
    assert not report.ok
    assert any("HMAC" in problem or "page" in problem for problem in report.problems)


def test_damaged_first_page_is_a_finding_not_a_crash(session: BinderSession) -> None:
    folder = session.folder
    session.close()
    database = folder / "binder.db"
    data = bytearray(database.read_bytes())
    data[200] ^= 0x01
    database.write_bytes(bytes(data))
    report = maintenance.check_binder_folder(folder, PASSWORD, ignore_progress, NEVER_CANCELLED)
    assert not report.ok
    assert report.problems


def test_backup_is_a_verified_encrypted_copy_that_opens_with_the_same_password(
    session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    _fill(session, lung_ct_files[:3])
    backups = tmp_path / "USB stick"
    backup = maintenance.backup_binder(session, backups, ignore_progress, NEVER_CANCELLED)
    assert backup.parent == backups
    assert "Test Patient" not in backup.name
    assert sorted(p.name for p in backup.iterdir()) == ["binder.db", "keyslots.json"]
    assert not list(backups.glob("*.partial"))
    assert overview.load_overview(session).last_backup_at is not None
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in lung_ct_files[:3]}
    with unlock_binder(backup, PASSWORD) as copy:
        stored = {
            str(row[0])
            for row in copy.database().execute("SELECT content_sha256 FROM imaging_instances")
        }
        assert stored == originals
        assert maintenance.check_binder(copy, ignore_progress, NEVER_CANCELLED).ok


def test_backup_never_overwrites(session: BinderSession, tmp_path: Path) -> None:
    first = maintenance.backup_binder(session, tmp_path / "b", ignore_progress, NEVER_CANCELLED)
    from casebook.store.backup import write_backup

    with pytest.raises(BinderUnavailable):
        write_backup(
            session.database(),
            session.binder_folder.read_keyslots(),
            session.key(),
            first,
            NEVER_CANCELLED,
        )
    assert (first / "binder.db").exists()
