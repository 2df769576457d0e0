"""Issue 21/16 and 21/4 in the app: re-encrypt from the File menu, a new recovery code, and a
rolled-back binder explained on the unlock screen. Real windows on the offscreen platform."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from casebook.core.errors import BinderUnavailable, WrongPassword
from casebook.services.binder.session import create_binder, recover_binder, unlock_binder
from casebook.store.keyslots import KdfParams
from casebook.ui.binder.key_dialogs import NewRecoveryCodeDialog, RekeyDialog
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.shell.main_window import MainWindow

from .conftest import NEW_PASSWORD, PASSWORD, make_case, write_documents

pytestmark = pytest.mark.usefixtures("ui")
FAST = KdfParams.minimum()


@pytest.fixture
def binder(tmp_path: Path) -> Path:
    folder = tmp_path / "Casebook binder"
    created = create_binder(folder, PASSWORD, make_case("Ada Example"), FAST)
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.records.importing import import_paths

    import_paths(
        created.session, write_documents(tmp_path / "in", 2), None, ignore_progress, NEVER_CANCELLED
    )
    created.session.close()
    return folder


def _window(qtbot: QtBot, folder: Path) -> MainWindow:
    window = MainWindow(open_folder=folder, kdf=FAST)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.unlock_page
    assert page is not None
    page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(window.binder_opened, timeout=30_000):
        page.unlock_button.click()
    return window


def _dialog(kind: type) -> object:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_rekey_from_the_file_menu(qtbot: QtBot, binder: Path, tmp_path: Path) -> None:
    window = _window(qtbot, binder)
    assert window.keys.rekey_action.isEnabled()
    window.keys.rekey_action.trigger()
    dialog = _dialog(RekeyDialog)
    assert isinstance(dialog, RekeyDialog)
    assert dialog.grab().save(str(tmp_path / "rekey_dialog.png"))
    assert dialog.height() <= 768

    dialog.current_edit.setText("not the password")
    dialog.new_edit.setText(NEW_PASSWORD)
    dialog.confirm_edit.setText(NEW_PASSWORD)
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: "not right" in dialog.message._text.text(), timeout=20_000)
    assert window.workspace is not None  # nothing was closed for a typing mistake

    dialog.current_edit.setText(PASSWORD)
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: _dialog(RecoveryCodeDialog) is not None, timeout=60_000)
    code_dialog = _dialog(RecoveryCodeDialog)
    assert isinstance(code_dialog, RecoveryCodeDialog)
    # Open again behind the one showing of the code (the workspace follows its first read).
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=60_000)
    code = code_dialog.code_label.text()
    texts = " ".join(label.text() for label in code_dialog.findChildren(QLabel))
    assert "old recovery code no longer works" in texts
    code_dialog.confirm_edit.setText(code.rsplit("-", 1)[-1])
    code_dialog.continue_button.click()
    assert window.session is not None
    window.close()
    qtbot.waitUntil(lambda: _lock_released(binder), timeout=20_000)

    with pytest.raises(WrongPassword):
        unlock_binder(binder, PASSWORD)
    recover_binder(binder, code, "a third good password 3", FAST).close()


def _lock_released(folder: Path) -> bool:
    """The window closes its session on the writer lane; then a password is checked again."""
    try:
        unlock_binder(folder, "not any password at all").close()
    except WrongPassword:
        return True
    except BinderUnavailable:
        return False
    return True


def test_new_recovery_code_from_the_file_menu(qtbot: QtBot, binder: Path, tmp_path: Path) -> None:
    window = _window(qtbot, binder)
    window.keys.recovery_code_action.trigger()
    dialog = _dialog(NewRecoveryCodeDialog)
    assert isinstance(dialog, NewRecoveryCodeDialog)
    assert dialog.grab().save(str(tmp_path / "new_recovery_code_dialog.png"))
    dialog.current_edit.setText(PASSWORD)
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: _dialog(RecoveryCodeDialog) is not None, timeout=30_000)
    code_dialog = _dialog(RecoveryCodeDialog)
    assert isinstance(code_dialog, RecoveryCodeDialog)
    assert code_dialog.grab().save(str(tmp_path / "new_recovery_code_shown.png"))
    assert (
        "old recovery code no longer works"
        in code_dialog.findChildren(type(code_dialog.code_label))[1].text()
    )
    code = code_dialog.code_label.text()
    code_dialog.confirm_edit.setText(code.rsplit("-", 1)[-1])
    code_dialog.continue_button.click()
    window.close()
    qtbot.waitUntil(lambda: _lock_released(binder), timeout=20_000)
    recover_binder(binder, code, "a third good password 3", FAST).close()


def test_rolled_back_binder_is_explained_and_can_be_accepted(
    qtbot: QtBot, binder: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.db"
    shutil.copyfile(binder / "binder.db", older)
    with unlock_binder(binder, PASSWORD) as session:
        from casebook.core.progress import NEVER_CANCELLED, ignore_progress
        from casebook.services.records.importing import import_paths

        import_paths(
            session,
            write_documents(tmp_path / "more", 1, tag="more"),
            None,
            ignore_progress,
            NEVER_CANCELLED,
        )
    shutil.copyfile(older, binder / "binder.db")

    window = MainWindow(open_folder=binder, kdf=FAST)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.unlock_page
    assert page is not None
    page.password_edit.setText(PASSWORD)
    page.unlock_button.click()
    qtbot.waitUntil(page.rollback_actions.isVisible, timeout=20_000)
    assert "older than the last time" in page.error._text.text()
    assert window.grab().save(str(tmp_path / "unlock_rolled_back.png"))
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        page.accept_older_button.click()
    window.close()


def test_the_actions_are_only_enabled_with_an_open_binder(qtbot: QtBot, binder: Path) -> None:
    window = MainWindow(open_folder=binder, kdf=FAST)
    qtbot.addWidget(window)
    assert not window.keys.rekey_action.isEnabled()
    assert not window.keys.recovery_code_action.isEnabled()
