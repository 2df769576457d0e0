"""The crash dialog: what a user sees when Casebook hits a bug.

`install_crash_handler()` routes uncaught exceptions (GUI thread and other threads) to a
`CrashDialog` with copyable details. The details are the traceback without local variable
values, with home-directory paths shortened to `~`. Nothing is written to disk or sent anywhere.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook import __version__ as casebook_version

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


class CrashDialog(QDialog):
    """Explains that something went wrong and offers the technical details to copy."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("Casebook ran into a problem"))
        self.setMinimumSize(640, 420)

        heading = QLabel(self.tr("Something went wrong inside Casebook."))
        heading_font = QFont(heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        explanation = QLabel(
            self.tr(
                "This is a mistake in Casebook, not something you did. Your binder is "
                "stored safely; if an action did not finish, you can try it again.\n\n"
                "If you want to report the problem, copy the details below and send them to "
                "the Casebook team. They contain no patient records, but please read them "
                "before sending."
            )
        )
        explanation.setWordWrap(True)

        self._details = QPlainTextEdit(details)
        self._details.setObjectName("crash_details")
        self._details.setAccessibleName(self.tr("Technical details of the problem"))
        self._details.setReadOnly(True)
        self._details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self._details.setFont(mono)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy_button = QPushButton(self.tr("Copy details"))
        copy_button.setObjectName("copy_details_button")
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self._details, 1)
        layout.addWidget(buttons)

    def details(self) -> str:
        return self._details.toPlainText()

    def add_details(self, details: str) -> None:
        """Append another crash that happened while this dialog was open."""
        self._details.appendPlainText("\n" + "-" * 40 + "\n" + details)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())


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
