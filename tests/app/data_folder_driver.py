"""Runs the real app (`casebook.app.main.main`) and uses it as a family would, then quits.

    python tests/app/data_folder_driver.py [casebook arguments…]

Made for test_data_folder.py: the QApplication is made here first (the app uses the one that
exists), and a zero-time timer drives the window once the app's event loop runs: unlock the
demo binder, show every page, save the preferences, open and close the file dialog (Qt keeps
its own settings for it), lock, quit. Each step waits on the signal of the step before; the
process ends when the last window closes, so the test waits on the process and on no clock.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from casebook.app.main import main
from casebook.services.demo import DEMO_PASSWORD
from casebook.ui.binder.preferences_dialog import PreferencesDialog
from casebook.ui.common.file_dialogs import PrivateFileDialog
from casebook.ui.shell.main_window import MainWindow


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def _unlock() -> None:
    window = _window()
    window.binder_opened.connect(lambda _folder: QTimer.singleShot(0, _use))
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(DEMO_PASSWORD)
    window.unlock_page.password_edit.returnPressed.emit()


def _use() -> None:
    window = _window()
    workspace = window.workspace
    assert workspace is not None
    for row in range(workspace.navigation.count()):
        workspace.navigation.setCurrentRow(row)
    preferences = PreferencesDialog(window)
    preferences.accepted.connect(lambda: QTimer.singleShot(0, _file_dialog))
    preferences.open()
    preferences.accept()


def _file_dialog() -> None:
    window = _window()
    dialog = PrivateFileDialog(window, "Add files")
    dialog.finished.connect(lambda _result: QTimer.singleShot(0, _quit))
    dialog.open()
    dialog.done(QDialog.DialogCode.Rejected)


def _quit() -> None:
    window = _window()
    window.lock()
    window.close()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, _unlock)
    sys.exit(main(sys.argv[1:]))
