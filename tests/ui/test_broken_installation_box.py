"""The window a broken installation shows: the bilingual message, readable, with no resources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from casebook.app.cli_messages import broken_installation_paragraphs
from casebook.resources import InstallationBroken
from casebook.ui.shell.broken_installation import show_broken_installation

from .screenshots import save_screenshot, screenshot_folder


def test_the_box_shows_both_languages_and_closes(qtbot: QtBot, tmp_path: Path) -> None:
    root = Path("/opt/casebook/_internal/casebook/_resources")
    error = InstallationBroken(root, ["fonts/DejaVuSans.ttf", "translations/casebook_zh_CN.qm"])
    seen: list[str] = []

    def look_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look_and_close)
            return
        seen.append(box.text() + box.informativeText())
        save_screenshot(qtbot, box, screenshot_folder(tmp_path), "broken_installation")
        box.accept()

    QTimer.singleShot(0, look_and_close)
    show_broken_installation(*broken_installation_paragraphs(error))
    [text] = seen
    assert text.startswith("Casebook is not installed completely.")
    assert "请重新安装 Casebook" in text
    assert "fonts/DejaVuSans.ttf" in text
