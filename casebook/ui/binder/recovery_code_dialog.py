"""Shows a new binder's recovery code once, and makes sure it was written down.

The user can copy it, print an emergency kit or save it as PDF, and must type the code's last
group before continuing: the code is never shown again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.services import clock
from casebook.ui.binder.emergency_kit import emergency_kit_pdf
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.pdf_output import PdfOutput, PrintControls
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout
from casebook.ui.common.secret_clipboard import secret_clipboard


class RecoveryCodeDialog(QDialog):
    """The one and only showing of the recovery code (new binder, new key or new code)."""

    def __init__(
        self,
        recovery_code: str,
        folder: Path,
        parent: QWidget | None = None,
        *,
        replaced: bool = False,
        today: Callable[[], date] = clock.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.setWindowTitle(self.tr("Your recovery code"))
        self.setMinimumWidth(720)
        self._code = recovery_code
        self._folder = folder

        heading = QLabel(
            self.tr("Write down your new recovery code")
            if replaced
            else self.tr("Write down your recovery code")
        )
        heading.setProperty("role", "heading")
        text = self.tr(
            "If the password is ever forgotten, this code is the only way to open the "
            "binder. Casebook shows it only now. Print it or write it on paper, and keep "
            "it somewhere safe, away from this computer."
        )
        if replaced:
            text += " " + self.tr(
                "The old recovery code no longer works: throw away the old emergency kit."
            )
        intro = QLabel(text)
        intro.setWordWrap(True)

        self.code_label = QLabel(recovery_code)
        self.code_label.setObjectName("recovery_code_label")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = QFont("DejaVu Sans Mono")
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        code_font.setPointSizeF(20)
        code_font.setBold(True)
        self.code_label.setFont(code_font)
        look_as(self.code_label, role="code")

        copy_button = QPushButton(self.tr("Copy"))
        copy_button.setObjectName("copy_code_button")
        copy_button.clicked.connect(self.copy_code)
        self.print_controls = PrintControls(self.tr("the emergency kit"), "code", languages=None)
        self.print_controls.print_button.setObjectName("print_code_button")
        self.print_controls.save_button.setObjectName("save_code_pdf_button")
        self.print_bar = MessageBar()
        self.print_bar.setObjectName("emergency_kit_bar")
        code, folder = recovery_code, folder
        self.pdf = PdfOutput(
            self,
            self.print_bar,
            lambda _language: functools.partial(emergency_kit_pdf, code, folder, today()),
            self.tr("Casebook emergency kit.pdf"),
        )
        self.pdf.serve(self.print_controls)
        # The dialog grows to show the bar's message rather than squeeze the code.
        self.pdf.saved.connect(self._fit)
        self.pdf.printed.connect(self._fit)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (
            copy_button,
            self.print_controls.print_button,
            self.print_controls.save_button,
        ):
            button.setAutoDefault(False)  # Enter continues; it never copies the code
        actions.addWidget(copy_button)
        actions.addWidget(self.print_controls)
        actions.addStretch(1)

        confirm_label = QLabel(
            self.tr(
                "To be sure you have it, type the last five characters of the code "
                "(the group after the last dash):"
            )
        )
        confirm_label.setWordWrap(True)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_code_edit")
        self.confirm_edit.setAccessibleName(self.tr("Type your recovery code again"))
        self.confirm_edit.setMaxLength(12)
        self.confirm_edit.setFixedWidth(200)
        self.confirm_edit.setFont(code_font)
        self.confirm_edit.textChanged.connect(self._refresh)
        self.status_label = QLabel()
        self.status_label.setObjectName("confirm_code_status")
        self.status_label.setProperty("role", "hint")
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_edit)
        confirm_row.addWidget(self.status_label, 1)

        self.continue_button = QPushButton(self.tr("I have saved the code — continue"))
        self.continue_button.setObjectName("primary_button")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.continue_button)

        body = QVBoxLayout()
        body.setSpacing(16)
        body.addWidget(heading)
        body.addWidget(intro)
        body.addWidget(self.code_label)
        body.addLayout(actions)
        body.addWidget(self.print_bar)
        body.addSpacing(8)
        body.addWidget(confirm_label)
        body.addLayout(confirm_row)
        body.addStretch(1)
        # On a short screen the text scrolls; the button to continue stays in view below it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(scrolling_layout(body), 1)
        layout.addLayout(bottom)
        self._refresh()
        self.confirm_edit.setFocus()  # the one thing to type
        fit_form_to_screen(self)

    @Slot()
    def _fit(self) -> None:
        fit_form_to_screen(self)

    def is_confirmed(self) -> bool:
        typed = "".join(ch for ch in self.confirm_edit.text().upper() if ch.isalnum())
        return typed == self._code.rsplit("-", 1)[-1].upper()

    @Slot()
    def _refresh(self) -> None:
        confirmed = self.is_confirmed()
        self.continue_button.setEnabled(confirmed)
        if confirmed:
            self.status_label.setText(self.tr("✓ Correct."))
        elif len(self.confirm_edit.text().strip()) >= 5:
            self.status_label.setText(self.tr("✗ That does not match. Look at the last group."))
        else:
            self.status_label.setText("")

    @Slot()
    def copy_code(self) -> None:
        secret_clipboard().copy(self._code)
        self.status_label.setText(self.tr("The code was copied. Paste it somewhere safe."))

    def reject(self) -> None:
        """Escape does nothing until the code is confirmed: it will not be shown again."""
        if self.is_confirmed():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_confirmed():
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the confirmation field must not skip the confirmation.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.is_confirmed():
            return
        super().keyPressEvent(event)
