"""File → Back up / Check: verified backups and integrity checks from the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casebook.services.binder.session import BinderSession, unlock_binder
from casebook.ui.binder.maintenance_actions import BinderMaintenance

from .conftest import PASSWORD


def test_backup_and_check_from_the_menu(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    maintenance = BinderMaintenance(window, lambda: session)
    assert maintenance.start_backup(tmp_path / "USB")
    assert not maintenance.start_check()  # one at a time
    qtbot.waitUntil(lambda: not maintenance.busy, timeout=30_000)
    [backup] = (tmp_path / "USB").iterdir()
    assert "checked" in maintenance.last_message
    with unlock_binder(backup, PASSWORD):
        pass
    assert maintenance.start_check()
    qtbot.waitUntil(lambda: not maintenance.busy, timeout=30_000)
    assert "stored file" in maintenance.last_message


def test_nothing_to_do_without_an_open_binder(qtbot: QtBot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    maintenance = BinderMaintenance(window, lambda: None)
    assert not maintenance.start_backup(tmp_path)
    assert not maintenance.start_check()
