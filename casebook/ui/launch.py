"""Starts the desktop app: QApplication, look, crash handler, translations, main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from casebook.resources import resource_path
from casebook.ui.crash_dialog import install_crash_handler
from casebook.ui.language import apply_language
from casebook.ui.look import apply_look
from casebook.ui.main_window import MainWindow
from casebook.ui.tasks import cancel_all_tasks, reader_pool, writer_pool


def install_translator(app: QApplication) -> None:
    """Show the interface in the language chosen in Preferences (default: the system's).

    Loads Casebook's catalogue and Qt's own (qtbase_zh_CN) for Chinese, and sets the default
    QLocale so dates and numbers are written the way that language writes them.
    """
    apply_language(app=app)


def run_gui(
    argv: list[str], *, open_folder: Path | None = None, demo_password: str | None = None
) -> int:
    """Run the app until the last window closes; returns the exit code."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName("Casebook")
    app.setOrganizationName("Casebook")
    app.setApplicationDisplayName("Casebook")
    app.setDesktopFileName("org.casebook.Casebook")
    # PNG, not SVG: a frozen build carries no SVG image plugin.
    app.setWindowIcon(QIcon(str(resource_path("icons", "casebook-256.png"))))
    apply_look(app)
    install_crash_handler(app)
    install_translator(app)
    window = MainWindow(open_folder=open_folder, demo_password=demo_password)
    window.show()
    code = app.exec()
    # Shutdown only: let the writer lane finish (e.g. closing the binder) before Qt goes away.
    cancel_all_tasks()
    writer_pool().wait_for_done()
    reader_pool().wait_for_done()
    return code
