"""Item 16 of issue 21: re-encryption with a new key, and a new recovery code.

The audit found that after `change-password` an old keyslots.json with the old password still
opened everything added later, and that a recovery code could not be replaced.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casebook.app import cli_messages as msg
from casebook.core.errors import BinderDamaged, WrongPassword
from casebook.core.progress import (
    NEVER_CANCELLED,
    Cancelled,
    CancelToken,
    Progress,
    ignore_progress,
)
from casebook.services.binder import maintenance
from casebook.services.binder.rekeying import (
    rekey_binder,
    replace_recovery_code,
    replace_recovery_code_of_open_binder,
)
from casebook.services.binder.session import (
    NewBinder,
    change_password,
    recover_binder,
    unlock_binder,
)
from casebook.services.records.importing import import_paths

from .conftest import FAST, NEW_PASSWORD, PASSWORD, Run, document_hashes, write_documents


def _filled(new_binder: NewBinder, tmp_path: Path, count: int = 4) -> Path:
    session = new_binder.session
    import_paths(
        session, write_documents(tmp_path / "in", count), None, ignore_progress, NEVER_CANCELLED
    )
    folder = session.folder
    session.close()
    return folder


def test_rekey_changes_everything_the_old_keys_could_open(
    new_binder: NewBinder, tmp_path: Path
) -> None:
    old_code = new_binder.recovery_code
    folder = _filled(new_binder, tmp_path)
    before = document_hashes(folder, PASSWORD)
    old_keyslots = (folder / "keyslots.json").read_bytes()
    old_database = (folder / "binder.db").read_bytes()
    steps: list[Progress] = []

    rekeyed = rekey_binder(folder, PASSWORD, NEW_PASSWORD, steps.append, NEVER_CANCELLED, FAST)
    new_code = rekeyed.recovery_code
    with rekeyed.session as session:
        report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
        assert report.ok, report.problems
    assert steps, "progress was reported"
    assert new_code != old_code
    assert (folder / "binder.db").read_bytes() != old_database
    assert sorted(p.name for p in folder.iterdir()) == ["binder.db", "binder.lock", "keyslots.json"]

    assert document_hashes(folder, NEW_PASSWORD) == before  # every byte is still there
    with pytest.raises(WrongPassword):
        unlock_binder(folder, PASSWORD)
    with pytest.raises(WrongPassword):
        recover_binder(folder, old_code, "another good password 9", FAST)
    recover_binder(folder, new_code, "another good password 9", FAST).close()

    # The audit's attack: the old keyslots.json and the old password, put back.
    (folder / "keyslots.json").write_bytes(old_keyslots)
    with pytest.raises((BinderDamaged, WrongPassword)):
        unlock_binder(folder, PASSWORD)


def test_rekey_keeps_the_password_when_asked_to(new_binder: NewBinder, tmp_path: Path) -> None:
    folder = _filled(new_binder, tmp_path, 1)
    before_slots = (folder / "keyslots.json").read_bytes()
    rekey_binder(folder, PASSWORD, PASSWORD, ignore_progress, NEVER_CANCELLED, FAST).session.close()
    assert (folder / "keyslots.json").read_bytes() != before_slots
    assert len(document_hashes(folder, PASSWORD)) == 1


def test_a_wrong_password_changes_nothing(new_binder: NewBinder, tmp_path: Path) -> None:
    folder = _filled(new_binder, tmp_path, 1)
    snapshot = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(WrongPassword):
        rekey_binder(
            folder, "not the password", NEW_PASSWORD, ignore_progress, NEVER_CANCELLED, FAST
        )
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == snapshot


def test_cancelling_leaves_the_old_binder_whole(new_binder: NewBinder, tmp_path: Path) -> None:
    folder = _filled(new_binder, tmp_path, 2)
    before = document_hashes(folder, PASSWORD)
    token = CancelToken()

    def cancel_once_copying(progress: Progress) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        rekey_binder(folder, PASSWORD, NEW_PASSWORD, cancel_once_copying, token, FAST)
    assert not (folder / "rekey.partial").exists()
    assert not (folder / "rekey.ready").exists()
    assert document_hashes(folder, PASSWORD) == before
    with pytest.raises(WrongPassword):
        unlock_binder(folder, NEW_PASSWORD)


def test_a_crash_before_the_commit_point_is_rolled_back(
    new_binder: NewBinder, tmp_path: Path
) -> None:
    """A leftover rekey.partial (the copy, even complete) is discarded on the next opening."""
    folder = _filled(new_binder, tmp_path, 2)
    before = document_hashes(folder, PASSWORD)
    partial = folder / "rekey.partial"
    partial.mkdir()
    shutil.copyfile(folder / "binder.db", partial / "binder.db")
    assert document_hashes(folder, PASSWORD) == before
    assert not partial.exists()


def test_a_crash_after_the_commit_point_is_completed(new_binder: NewBinder, tmp_path: Path) -> None:
    """rekey.ready with the new database moved but not yet the new key slots: rolled forward."""
    folder = _filled(new_binder, tmp_path, 2)
    before = document_hashes(folder, PASSWORD)
    # Run a real re-encryption to a copy of the binder, then stage its result as a crash would
    # leave it: the new binder.db already in place, the new keyslots.json still in rekey.ready.
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    rekey_binder(
        copy, PASSWORD, NEW_PASSWORD, ignore_progress, NEVER_CANCELLED, FAST
    ).session.close()
    ready = folder / "rekey.ready"
    ready.mkdir()
    shutil.copyfile(copy / "keyslots.json", ready / "keyslots.json")
    shutil.copyfile(copy / "binder.db", folder / "binder.db")

    assert document_hashes(folder, NEW_PASSWORD) == before
    assert not ready.exists()
    with pytest.raises(WrongPassword):
        unlock_binder(folder, PASSWORD)


def test_new_recovery_code_retires_the_old_one(new_binder: NewBinder, tmp_path: Path) -> None:
    old_code = new_binder.recovery_code
    session = new_binder.session
    with pytest.raises(WrongPassword):
        replace_recovery_code_of_open_binder(session, "not the password")
    code = replace_recovery_code_of_open_binder(session, PASSWORD)
    folder = session.folder
    session.close()
    with pytest.raises(WrongPassword):
        recover_binder(folder, old_code, "another good password 9", FAST)
    recover_binder(folder, code, "another good password 9", FAST).close()
    third = replace_recovery_code(folder, "another good password 9")
    with pytest.raises(WrongPassword):
        recover_binder(folder, code, "yet another password 10", FAST)
    recover_binder(folder, third, "yet another password 10", FAST).close()


def test_change_password_still_leaves_old_key_files_working_but_rekey_does_not(
    new_binder: NewBinder, tmp_path: Path
) -> None:
    """Why re-encryption exists: changing the password only re-wraps the same key."""
    folder = _filled(new_binder, tmp_path, 1)
    old_keyslots = (folder / "keyslots.json").read_bytes()
    change_password(folder, PASSWORD, NEW_PASSWORD, FAST)
    changed = (folder / "keyslots.json").read_bytes()
    (folder / "keyslots.json").write_bytes(old_keyslots)
    unlock_binder(folder, PASSWORD).close()  # the old file and password still open it
    (folder / "keyslots.json").write_bytes(changed)
    rekey_binder(
        folder, NEW_PASSWORD, NEW_PASSWORD, ignore_progress, NEVER_CANCELLED, FAST
    ).session.close()
    (folder / "keyslots.json").write_bytes(old_keyslots)
    with pytest.raises((BinderDamaged, WrongPassword)):
        unlock_binder(folder, PASSWORD)


def test_cli_rekey_and_new_recovery_code(
    new_binder: NewBinder, tmp_path: Path, run_casebook: Run
) -> None:
    folder = _filled(new_binder, tmp_path, 2)
    before = document_hashes(folder, PASSWORD)
    rekeyed = run_casebook("rekey", folder, stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert rekeyed.returncode == 0, rekeyed.stderr
    code_line = rekeyed.stdout.strip().splitlines()[-1].strip()
    assert len(code_line.replace("-", "")) == 30
    assert document_hashes(folder, NEW_PASSWORD) == before
    wrong = run_casebook("rekey", folder, stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert wrong.returncode == msg.EXIT_WRONG_PASSWORD

    renewed = run_casebook("new-recovery-code", folder, stdin=f"{NEW_PASSWORD}\n")
    assert renewed.returncode == 0, renewed.stderr
    new_code = renewed.stdout.strip().splitlines()[-1].strip()
    assert new_code != code_line
    with pytest.raises(WrongPassword):
        recover_binder(folder, code_line, "another good password 9", FAST)
    recover_binder(folder, new_code, "another good password 9", FAST).close()
    for command in ("rekey", "new-recovery-code"):
        helped = run_casebook(command, "--help")
        assert helped.returncode == 0
        assert "usage" in helped.stdout
