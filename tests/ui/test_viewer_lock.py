"""Locking the binder removes the copies that were opened in other programs."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from casebook.services.records.outside_copies import open_externally, outside_folders
from casebook.store.keyslots import KdfParams
from casebook.ui.shell.main_window import MainWindow

from .conftest import PASSWORD
from .records_samples import import_records


def test_locking_removes_copies_opened_in_other_programs(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams, tmp_path: Path
) -> None:
    window = MainWindow(kdf=kdf, open_folder=binder_folder)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        window.unlock_page.start_unlocking()
    assert window.workspace is not None
    opened = import_records(window.workspace.session, tmp_path / "records")
    path = open_externally(window.workspace.session, opened["letter"])
    assert path.exists()
    with qtbot.waitSignal(window.binder_locked, timeout=20_000):
        window.lock()
    assert not path.exists()
    assert outside_folders() == []
    window.close()
