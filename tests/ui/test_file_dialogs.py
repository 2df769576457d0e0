"""The app's file dialogs: Qt's own, opening where the family just was, forgetting it on disk."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from casebook.ui.common import file_dialogs

Answer = Callable[[QFileDialog], None]


@pytest.fixture(autouse=True)
def fresh_memory() -> Iterator[None]:
    file_dialogs.forget_last_folder()
    yield
    file_dialogs.forget_last_folder()


def when_shown(answer: Answer) -> list[QFileDialog]:
    """Call `answer` on the next file dialog as soon as it is shown; the dialogs seen."""
    seen: list[QFileDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(0, look)
    return seen


def type_and_accept(folder: Path, name: str) -> Answer:
    def answer(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        line = dialog.findChild(QLineEdit, "fileNameEdit")
        assert line is not None
        line.setText(name)
        dialog.accept()

    return answer


def _qt_settings(isolated_settings: Path) -> str:
    return (isolated_settings / "QtProject.conf").read_text(encoding="utf-8")


def test_a_save_dialog_suggests_the_name_and_returns_the_choice(
    tmp_path: Path, isolated_settings: Path
) -> None:
    folder = tmp_path / "王芳 Zqxjv letters"
    folder.mkdir()
    states: list[tuple[bool, str, str]] = []

    def answer(dialog: QFileDialog) -> None:
        line = dialog.findChild(QLineEdit, "fileNameEdit")
        assert line is not None
        native = dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        states.append((native, line.text(), dialog.directory().absolutePath()))
        type_and_accept(folder, "questions to bring.pdf")(dialog)

    when_shown(answer)
    name, _filter = file_dialogs.get_save_file_name(
        None, "Save as PDF", "questions to bring.pdf", "PDF files (*.pdf)"
    )
    assert name == str(folder / "questions to bring.pdf")
    [(not_native, suggested, started_in)] = states
    assert not_native  # Qt's own dialog: the system's would keep its own "recent" list
    assert suggested == "questions to bring.pdf"
    assert started_in == QDir.homePath()  # nothing remembered yet
    # Remembered for this run, in memory; what Qt saved names no folder the family chose.
    assert file_dialogs.last_folder() == str(folder)
    assert "Zqxjv" not in _qt_settings(isolated_settings)
    assert "%E7%8E%8B" not in _qt_settings(isolated_settings)  # 王, as Qt writes it in a URL


def test_the_next_dialog_opens_where_the_last_one_was(tmp_path: Path) -> None:
    scans = tmp_path / "scans from the hospital"
    scans.mkdir()
    (scans / "scan 1.jpg").write_bytes(b"\xff\xd8\xff")
    when_shown(type_and_accept(scans, "scan 1.jpg"))
    names, _filter = file_dialogs.get_open_file_names(None, "Add files to the binder")
    assert names == [str(scans / "scan 1.jpg")]
    started: list[str] = []

    def cancel(dialog: QFileDialog) -> None:
        started.append(dialog.directory().absolutePath())
        dialog.reject()

    when_shown(cancel)
    assert file_dialogs.get_existing_directory(None, "Add a folder to the binder") == ""
    assert started == [str(scans)]


def test_a_folder_dialog_returns_the_folder_shown(tmp_path: Path) -> None:
    backups = tmp_path / "USB stick" / "Casebook backups"
    backups.mkdir(parents=True)

    def choose_shown_folder(dialog: QFileDialog) -> None:
        assert dialog.fileMode() is QFileDialog.FileMode.Directory
        dialog.setDirectory(str(backups))
        dialog.accept()

    when_shown(choose_shown_folder)
    assert file_dialogs.get_existing_directory(None, "Backups", str(tmp_path)) == str(backups)


def test_cancelling_remembers_nothing(tmp_path: Path) -> None:
    when_shown(lambda dialog: (dialog.setDirectory(str(tmp_path)), dialog.reject()))
    name, _filter = file_dialogs.get_open_file_name(None, "Choose a .zip or DICOMDIR file")
    assert name == ""
    assert file_dialogs.last_folder() == QDir.homePath()


def test_every_dialog_and_setting_goes_through_the_two_modules() -> None:
    """A QFileDialog or QSettings made anywhere else would write what these modules prevent."""
    package = Path(file_dialogs.__file__).resolve().parents[2]
    allowed = {
        "QFileDialog": {package / "ui" / "common" / "file_dialogs.py"},
        "QSettings": {package / "ui" / "common" / "preferences.py"},
    }
    offenders = []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for name, homes in allowed.items():
            code = rf"\b{name}[(.]|^\s*(from|import)\b[^\n]*\b{name}\b|^\s+{name},$"
            used = re.search(code, text, re.MULTILINE)
            if path not in homes and used:
                offenders.append(f"{path.relative_to(package)} uses {name}")
    assert offenders == []
