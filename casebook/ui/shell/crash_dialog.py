"""The crash dialog: what a user sees when Casebook hits a bug.

`crash_handler.install_crash_handler()` routes uncaught exceptions (GUI thread and other
threads) here, with copyable details: the traceback without local variable values, with
home-directory paths shortened to `~`. Nothing is written to disk or sent anywhere. This module
is imported with the first crash (or by `warm_up`), not with the first window.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


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
