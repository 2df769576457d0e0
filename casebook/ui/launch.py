"""Starts the desktop app: QApplication, look, crash handler, translations, main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from casebook.resources import resource_path
from casebook.ui.crash_dialog import install_crash_handler
from casebook.ui.look import apply_look
from casebook.ui.main_window import MainWindow
from casebook.ui.tasks import cancel_all_tasks, reader_pool, writer_pool


def install_translator(app: QApplication) -> None:
    """Load `resources/translations/casebook_<locale>.qm` when one exists for this locale."""
    folder = resource_path("translations")
    translator = QTranslator(app)
    if folder.is_dir() and translator.load(QLocale(), "casebook", "_", str(folder), ".qm"):
        app.installTranslator(translator)


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
