"""Starts the desktop app: QApplication, look, crash handler, translations, main window.

The first window comes up with only the modules it shows (issue 15, tests/ui/test_startup.py):
the rest loads when first used, or in `warm_up`'s background thread once the window is up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from casebook.resources import resource_path
from casebook.ui.common.gui_gc import GuiThreadCollector, collect_on_gui_thread
from casebook.ui.common.language import apply_language
from casebook.ui.common.look import apply_look, new_application
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.shell import warm_up
from casebook.ui.shell.crash_handler import install_crash_handler
from casebook.ui.shell.main_window import MainWindow


def install_translator(app: QApplication) -> None:
    """Show the interface in the language chosen in Preferences (default: the system's).

    Loads Casebook's catalogue and Qt's own (qtbase_zh_CN) for Chinese, and sets the default
    QLocale so dates and numbers are written the way that language writes them.
    """
    apply_language(app=app)


READY_FILE_VARIABLE = "CASEBOOK_READY_FILE"
"""When set, the app writes the name of the screen it shows into this file once its window is
up and its event loop runs: how smoke tests and the start-up benchmark know it is ready, without
waiting on the clock. The name is the screen's object name (e.g. `unlock_page`), never a
patient's detail. `-` writes it as one line on standard output instead, for a test that reads
the app's output (a blocking read, no polling)."""
READY_ON_OUTPUT = "-"


def report_ready(window: MainWindow) -> None:
    """Write the shown screen's name to $CASEBOOK_READY_FILE (whole, or not at all)."""
    target = os.environ.get(READY_FILE_VARIABLE)
    if not target:
        return
    shown = window.stack.currentWidget()
    name = shown.objectName() if shown is not None else ""
    if target == READY_ON_OUTPUT:
        if sys.stdout is not None:  # None in a windowed build started without a console
            print(name, flush=True)
        return
    partial = Path(target + ".partial")
    partial.write_text(name + "\n", encoding="utf-8")
    os.replace(partial, target)


def _first_window_shown(
    window: MainWindow, once_shown: Callable[[], None] | None, collector: GuiThreadCollector
) -> None:
    report_ready(window)
    # What unlocking and the workspace need, while the user types; `once_shown` first. The
    # modules, which live as long as the app, are then set aside from the collector's walks.
    warm_up.start(first=once_shown, settled=collector.freeze)


def start_gui(
    argv: list[str],
    *,
    settings_file: Path,
    open_folder: Path | None = None,
    demo_password: str | None = None,
    once_shown: Callable[[], None] | None = None,
) -> tuple[QApplication, MainWindow]:
    """Make the application and show its first window (the event loop is not running yet).

    `settings_file` is set before anything can create a QSettings, so the preferences (and Qt's
    own file-dialog settings) stay in Casebook's folder, never the user's config or registry.
    Once the loop runs, the shown screen is reported (`report_ready`) and `warm_up` starts on
    its thread, where `once_shown` runs first.
    """
    use_settings_file(settings_file)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = new_application(argv)
    app.setApplicationName("Casebook")
    app.setOrganizationName("Casebook")
    app.setApplicationDisplayName("Casebook")
    app.setDesktopFileName("org.casebook.Casebook")
    # PNG, not SVG: a frozen build carries no SVG image plugin.
    app.setWindowIcon(QIcon(str(resource_path("icons", "casebook-256.png"))))
    apply_look(app)
    collector = collect_on_gui_thread(app)  # never in a worker thread: see gui_gc
    install_crash_handler(app)
    install_translator(app)
    window = MainWindow(open_folder=open_folder, demo_password=demo_password)
    window.show()
    QTimer.singleShot(0, lambda: _first_window_shown(window, once_shown, collector))  # loop runs
    return app, window


def run_gui(
    argv: list[str],
    *,
    settings_file: Path,
    open_folder: Path | None = None,
    demo_password: str | None = None,
    once_shown: Callable[[], None] | None = None,
) -> int:
    """Run the app until the last window closes; returns the exit code."""
    app, _window = start_gui(
        argv,
        settings_file=settings_file,
        open_folder=open_folder,
        demo_password=demo_password,
        once_shown=once_shown,
    )
    code = app.exec()
    from casebook.ui.common.tasks import cancel_all_tasks, reader_pool, writer_pool

    # Shutdown only: let the writer lane finish (e.g. closing the binder) before Qt goes away.
    cancel_all_tasks()
    writer_pool().wait_for_done()
    reader_pool().wait_for_done()
    return code
