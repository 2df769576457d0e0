"""The crash handler: uncaught exceptions, from any thread, end in the crash dialog.

`install_crash_handler()` runs before the first window is built. It routes every uncaught
exception to the GUI thread, which shows it in a `CrashDialog` (ui/shell/crash_dialog, imported
when the first crash happens, or ahead of that by `warm_up`: not with the first window). The
details are the traceback without local variable values, with home-directory paths shortened
to `~`. Nothing is written to disk or sent anywhere.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from casebook import __version__ as casebook_version

if TYPE_CHECKING:  # the dialog is imported when it is first needed
    from casebook.ui.shell.crash_dialog import CrashDialog

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def scrub_home(text: str) -> str:
    """Replace the user's home folder (which often holds their name) by `~`."""
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    return text


def format_crash_details(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """The text users can copy: versions and the traceback, without local variable values."""
    import platform  # only when something went wrong: not with the first window

    lines = traceback.format_exception(exc_type, error, tb)
    header = (
        f"Casebook {casebook_version}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.system()} {platform.release()}\n\n"
    )
    return scrub_home(header + "".join(lines))


class _CrashRouter(QObject):
    """Moves crashes from any thread to the GUI thread and shows one dialog at a time."""

    crashed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._dialog: CrashDialog | None = None
        self.crashed.connect(self._show)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.add_details(details)
            return
        try:
            from casebook.ui.shell.crash_dialog import CrashDialog
        except Exception:  # Casebook's own files are damaged: say it where it can be said
            print(details, file=sys.stderr)
            return
        self._dialog = CrashDialog(details, QApplication.activeWindow())
        self._dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog.destroyed.connect(self._forget)
        self._dialog.show()
        self._dialog.raise_()

    @Slot()
    def _forget(self) -> None:
        self._dialog = None

    def excepthook(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, tb)
            return
        self.crashed.emit(format_crash_details(exc_type, error, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_crash_handler(app: QApplication) -> None:
    """Show uncaught exceptions from any thread in a `CrashDialog` (needs the QApplication)."""
    router = _CrashRouter(app)
    router.setObjectName("casebook-crash-router")
    sys.excepthook = router.excepthook
    threading.excepthook = router.thread_excepthook
