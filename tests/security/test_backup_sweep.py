"""Issue 21/5: a killed backup's `.partial` copy (a full, openable binder) does not linger.

It is swept by the next backup and by every check, in each folder the binder was backed up
to; a folder that is not one of Casebook's unfinished backups is never touched.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession, NewBinder, unlock_binder
from casebook.store.backup import is_partial_backup, sweep_partial_backups

from .conftest import PASSWORD

_KILLED_BACKUP = """
import os, signal, sys
from pathlib import Path
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
import casebook.store.backup as backup
from casebook.services.binder import maintenance
from casebook.services.binder.session import unlock_binder

real_connect = backup.connect
def connect_then_die(*args, **kwargs):
    # The copy is complete (VACUUM INTO done, fsynced): die before it is checked and renamed.
    os.kill(os.getpid(), signal.SIGKILL)
backup.connect = connect_then_die
session = unlock_binder(Path(sys.argv[1]), sys.argv[2])
maintenance.backup_binder(session, Path(sys.argv[3]), ignore_progress, NEVER_CANCELLED)
"""


def _killed_backup(folder: Path, backups: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_BACKUP, str(folder), PASSWORD, str(backups)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    (partial,) = list(backups.glob("*.partial"))
    assert (partial / "binder.db").stat().st_size > 0  # a full copy of the binder
    return partial


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_next_backup_and_check_sweep_a_killed_backup(
    new_binder: NewBinder, tmp_path: Path
) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    backups = tmp_path / "backups"
    first = _killed_backup(folder, backups)
    with unlock_binder(folder, PASSWORD) as session:
        made = maintenance.backup_binder(session, backups, ignore_progress, NEVER_CANCELLED)
    assert not first.exists()
    assert sorted(p.name for p in backups.iterdir()) == [made.name]

    second = _killed_backup(folder, backups)
    with unlock_binder(folder, PASSWORD) as session:
        report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
    assert report.ok
    assert report.swept == [second]
    assert not second.exists()
    assert made.is_dir()  # the finished backup is kept


def test_only_casebooks_own_unfinished_backups_are_recognised(
    session: BinderSession, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    made = maintenance.backup_binder(session, backups, ignore_progress, NEVER_CANCELLED)
    ours = backups / f"{made.name}.partial"
    shutil.copytree(made, ours)
    assert is_partial_backup(ours)

    lookalikes = {
        "user folder": backups / "Casebook backup notes.partial",
        "extra file": backups / "Casebook backup 2026-01-02 101010.partial",
        "sub-folder": backups / "Casebook backup 2026-01-02 101011.partial",
        "a file": backups / "Casebook backup 2026-01-02 101012.partial",
        "a link": backups / "Casebook backup 2026-01-02 101013.partial",
    }
    lookalikes["user folder"].mkdir()
    (lookalikes["user folder"] / "binder.db").write_bytes(b"mine")
    shutil.copytree(made, lookalikes["extra file"])
    (lookalikes["extra file"] / "my letter.docx").write_bytes(b"mine")
    shutil.copytree(made, lookalikes["sub-folder"])
    (lookalikes["sub-folder"] / "photos").mkdir()
    lookalikes["a file"].write_bytes(b"mine")
    os.symlink(made, lookalikes["a link"])

    assert sweep_partial_backups(backups) == [ours]
    for name, path in lookalikes.items():
        assert path.exists() or path.is_symlink(), name
    assert made.is_dir()
