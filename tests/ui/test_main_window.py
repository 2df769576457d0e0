"""The shell: welcome → create → recovery code → workspace; unlock, lock and auto-lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.model import Case
from casebook.services.binder.session import create_binder
from casebook.store.keyslots import KdfParams
from casebook.ui.binder.create_binder_dialog import CreateBinderDialog
from casebook.ui.binder.preferences_dialog import PreferencesDialog
from casebook.ui.binder.recover_dialog import RecoverDialog
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.common.preferences import auto_lock_seconds, recent_binders, set_auto_lock_seconds
from casebook.ui.shell.main_window import MainWindow

from .conftest import PASSWORD, PATIENT


def make_window(qtbot: QtBot, kdf: KdfParams, **kwargs: object) -> MainWindow:
    window = MainWindow(kdf=kdf, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    # Window shortcuts (Ctrl+L) need the active window; offscreen, nothing activates it for us.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def unlock(qtbot: QtBot, window: MainWindow, password: str = PASSWORD) -> None:
    page = window.unlock_page
    assert page is not None
    page.password_edit.setText(password)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    wait_for_overview(qtbot, window)


def wait_for_overview(qtbot: QtBot, window: MainWindow) -> None:
    assert window.workspace is not None
    page = window.workspace.overview_page
    qtbot.waitUntil(lambda: page.overview is not None)


def texts_on_screen(window: QWidget) -> str:
    return "\n".join(label.text() for label in window.findChildren(QLabel))


def test_create_flow_from_the_welcome_screen(qtbot: QtBot, tmp_path: Path, kdf: KdfParams) -> None:
    window = make_window(qtbot, kdf)
    assert window.stack.currentWidget() is window.welcome_page
    window.welcome_page.create_button.click()
    dialog = window.findChild(CreateBinderDialog)
    assert isinstance(dialog, CreateBinderDialog)
    dialog._parent_folder = tmp_path  # the folder picker is a native dialog
    dialog.name_edit.setText(PATIENT)
    dialog.password_edit.setText(PASSWORD)
    dialog.confirm_edit.setText(PASSWORD)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: window.findChild(RecoveryCodeDialog) is not None, timeout=20_000)
    recovery = window.findChild(RecoveryCodeDialog)
    assert isinstance(recovery, RecoveryCodeDialog)
    assert window.workspace is None  # nothing opens before the code is confirmed
    last_group = recovery.code_label.text().rsplit("-", 1)[-1]
    recovery.confirm_edit.setText(last_group)
    with qtbot.waitSignal(window.binder_opened):
        recovery.continue_button.click()
    wait_for_overview(qtbot, window)
    assert PATIENT in texts_on_screen(window)
    assert window.session is not None
    folder = window.session.folder
    assert recent_binders() == [folder]
    assert PATIENT not in str(recent_binders())
    window.close()


def test_wrong_password_shows_an_inline_error_and_keeps_focus(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams
) -> None:
    window = make_window(qtbot, kdf, open_folder=binder_folder)
    page = window.unlock_page
    assert page is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.password_edit.setFocus()
    page.password_edit.setText("not the password")
    page.unlock_button.click()
    qtbot.waitUntil(lambda: "not right" in page.error.text(), timeout=20_000)
    assert window.stack.currentWidget() is page
    assert page.password_edit.hasFocus()
    assert page.password_edit.selectedText() == "not the password"
    assert page.unlock_button.isEnabled()
    assert window.session is None
    qtbot.keyClicks(page.password_edit, "x")  # typing again clears the message
    assert page.error.text() == ""


def test_unlock_shows_the_overview(qtbot: QtBot, binder_folder: Path, kdf: KdfParams) -> None:
    window = make_window(qtbot, kdf, open_folder=binder_folder)
    unlock(qtbot, window)
    assert window.workspace is not None
    navigation = window.workspace.navigation
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert titles == [
        "Overview", "Records", "Imaging", "Timeline", "Questions", "Consultations", "Opinions",
        "Export", "Appointments", "Medicines", "Diary", "Contacts",
    ]  # fmt: skip
    assert window.lock_action.isEnabled()
    assert PATIENT in texts_on_screen(window)
    window.close()


def test_demo_password_is_shown_on_the_unlock_screen(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams
) -> None:
    window = make_window(qtbot, kdf, open_folder=binder_folder, demo_password=PASSWORD)
    assert window.unlock_page is not None
    assert PASSWORD in window.unlock_page.demo_note.text()


def test_lock_hides_all_case_content(qtbot: QtBot, binder_folder: Path, kdf: KdfParams) -> None:
    window = make_window(qtbot, kdf, open_folder=binder_folder)
    unlock(qtbot, window)
    with qtbot.waitSignal(window.binder_locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is None
    assert window.session is None
    assert window.unlock_page is not None
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.waitUntil(lambda: PATIENT not in texts_on_screen(window))
    assert not window.lock_action.isEnabled()
    # The binder can be unlocked again once the writer lane closed it.
    unlock(qtbot, window)
    window.close()


def test_lock_gives_back_what_the_collector_set_aside(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams
) -> None:
    """The warm-up's end freezes everything then alive, the open workspace too (`gui_gc`):
    locking unfreezes it, so the workspace's cycles and the case content they hold are freed."""
    import gc

    from PySide6.QtWidgets import QApplication

    from casebook.ui.common.gui_gc import collect_on_gui_thread

    window = make_window(qtbot, kdf, open_folder=binder_folder)
    unlock(qtbot, window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        collect_on_gui_thread(app).freeze()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
        with qtbot.waitSignal(window.binder_locked):
            window.lock()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
    window.close()


def test_auto_lock_after_idle_time(qtbot: QtBot, binder_folder: Path, kdf: KdfParams) -> None:
    set_auto_lock_seconds(0.5)
    window = make_window(qtbot, kdf, open_folder=binder_folder)
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(PASSWORD)
    # Listening for the lock before unlocking: on a busy machine the idle time can end while
    # the pages are still loading, and a signal listened for afterwards would be missed.
    locked = qtbot.waitSignal(window.binder_locked, timeout=20_000)
    with locked, qtbot.waitSignal(window.binder_opened, timeout=20_000):
        qtbot.keyClick(window.unlock_page.password_edit, Qt.Key.Key_Return)
    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page


def test_preferences_store_the_auto_lock_delay(qtbot: QtBot) -> None:
    assert auto_lock_seconds() == 600
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.minutes_spin.value() == 10
    assert dialog.minutes_spin.text() == "10 minutes"
    dialog.minutes_spin.setValue(1)
    assert dialog.minutes_spin.text() == "1 minute"  # never "1 minutes"
    dialog.minutes_spin.setValue(3)
    dialog.accept()
    assert auto_lock_seconds() == 180
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.lock_check.setChecked(False)
    dialog.accept()
    assert auto_lock_seconds() == 0


def test_welcome_lists_recent_binders_by_folder(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams
) -> None:
    window = make_window(qtbot, kdf, open_folder=binder_folder)
    unlock(qtbot, window)
    window.lock()
    window.unlock_page.back_button.click()  # type: ignore[union-attr]
    recent = window.welcome_page.recent_model
    assert recent.rowCount() == 1
    shown = recent.index(0).data()
    assert shown == f"{binder_folder.name}\nin {binder_folder.parent}"
    assert PATIENT not in shown
    window.welcome_page.request_open(binder_folder)
    assert window.unlock_page is not None
    assert window.unlock_page.folder == binder_folder


def test_opening_a_folder_that_is_not_a_binder(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, KdfParams.minimum())
    window.welcome_page.request_open(tmp_path)
    assert "not a Casebook binder" in window.welcome_page.message.text()
    assert window.unlock_page is None


def test_forgotten_password_recovery(qtbot: QtBot, tmp_path: Path, kdf: KdfParams) -> None:
    folder = tmp_path / "Casebook binder recovery"
    new_binder = create_binder(folder, PASSWORD, Case(PATIENT), kdf)
    new_binder.session.close()
    window = make_window(qtbot, kdf, open_folder=folder)
    assert window.unlock_page is not None
    window.unlock_page.forgot_button.click()
    dialog = window.findChild(RecoverDialog)
    assert isinstance(dialog, RecoverDialog)
    new_password = "copper meadow whistle 2031"
    dialog.code_edit.setText("00000-00000-00000-00000-00000-00000")
    dialog.password_edit.setText(new_password)
    dialog.confirm_edit.setText(new_password)
    dialog.recover_button.click()
    qtbot.waitUntil(lambda: "does not open" in dialog.message.text(), timeout=20_000)
    dialog.code_edit.setText(new_binder.recovery_code.lower().replace("-", " "))
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        dialog.recover_button.click()
    wait_for_overview(qtbot, window)
    window.lock()
    unlock(qtbot, window, new_password)
    window.close()


def test_overview_links_go_to_their_page_and_backup_is_in_the_menu(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams
) -> None:
    window = make_window(qtbot, kdf, open_folder=binder_folder)
    unlock(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    workspace.overview_page.navigate_requested.emit("timeline")
    assert workspace.pages.currentWidget() is workspace.timeline_page
    assert workspace.navigation.currentItem().text() == "Timeline"
    assert window.maintenance.backup_action.isEnabled()
    window.lock()
    assert not window.maintenance.backup_action.isEnabled()
    window.close()
