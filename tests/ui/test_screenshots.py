"""Renders every screen of the shell offscreen; set CASEBOOK_SCREENSHOTS_DIR to keep them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from casebook.core.model import RecordKind, SlotStatement
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records.documents import set_slot_statement
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams
from casebook.ui.binder.create_binder_dialog import CreateBinderDialog
from casebook.ui.binder.preferences_dialog import PreferencesDialog
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.common.preferences import remember_binder
from casebook.ui.records.import_summary_dialog import ImportSummaryDialog
from casebook.ui.shell.about_dialog import AboutDialog
from casebook.ui.shell.main_window import MainWindow

from .conftest import PASSWORD, PATIENT
from .screenshots import save_screenshot, screenshot_folder
from .test_overview_page import make_files


def test_screenshots_of_every_screen(
    qtbot: QtBot, tmp_path: Path, binder_folder: Path, kdf: KdfParams
) -> None:
    out = screenshot_folder(tmp_path / "shots")
    shots: list[Path] = []

    remember_binder(binder_folder.parent / "Casebook binder 2026-10-02")
    remember_binder(binder_folder)
    window = MainWindow(kdf=kdf)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    shots.append(save_screenshot(qtbot, window, out, "welcome"))

    create = CreateBinderDialog(window, parent_folder=Path("/home/you/Documents"), kdf=kdf)
    create.name_edit.setText(PATIENT)
    create.birth_edit.text_edit.setText("1958-03-14")
    create.password_edit.setText(PASSWORD)
    create.confirm_edit.setText(PASSWORD)
    shots.append(save_screenshot(qtbot, create, out, "create"))
    create.close()

    recovery = RecoveryCodeDialog(
        "7K3MQ-AB12C-DEF34-GHJ56-KMN78-PQR9S",
        Path("/home/you/Documents/Casebook binder 2026-11-22"),
        window,
    )
    shots.append(save_screenshot(qtbot, recovery, out, "recovery_code"))
    recovery.confirm_edit.setText("PQR9S")
    recovery.accept()

    window.show_unlock(binder_folder)
    page = window.unlock_page
    assert page is not None
    page.password_edit.setText("not the right one")
    page.start_unlocking()
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=20_000)
    shots.append(save_screenshot(qtbot, window, out, "unlock_wrong_password"))

    page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        page.start_unlocking()
    assert window.workspace is not None
    session: BinderSession = window.workspace.session
    summary = import_paths(
        session, make_files(tmp_path / "records"), None, ignore_progress, NEVER_CANCELLED
    )
    set_slot_statement(session, RecordKind.IMAGING, SlotStatement.REQUESTED)
    set_slot_statement(session, RecordKind.MOLECULAR, SlotStatement.NOT_APPLICABLE)
    overview_page = window.workspace.overview_page
    overview_page.overview = None
    overview_page.reload()
    qtbot.waitUntil(lambda: overview_page.overview is not None)
    shots.append(save_screenshot(qtbot, window, out, "overview"))

    summary_dialog = ImportSummaryDialog(summary, window)
    shots.append(save_screenshot(qtbot, summary_dialog, out, "import_summary"))
    summary_dialog.close()

    about = AboutDialog(window)
    shots.append(save_screenshot(qtbot, about, out, "about"))
    about.close()
    preferences = PreferencesDialog(window)
    shots.append(save_screenshot(qtbot, preferences, out, "preferences"))
    preferences.close()
    window.close()

    for shot in shots:
        image = QImage(str(shot))
        assert not image.isNull()
        assert image.width() >= 400
        assert image.height() >= 200
