"""Shows a new binder's recovery code once, and makes sure it was written down.

The user can copy it, print an emergency kit or save it as PDF, and must type the code's last
group before continuing: the code is never shown again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.ui.emergency_kit import print_emergency_kit, save_emergency_kit_pdf


class RecoveryCodeDialog(QDialog):
    """The one and only showing of the recovery code."""

    def __init__(self, recovery_code: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.setWindowTitle(self.tr("Your recovery code"))
        self.setMinimumWidth(720)
        self._code = recovery_code
        self._folder = folder

        heading = QLabel(self.tr("Write down your recovery code"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "If the password is ever forgotten, this code is the only way to open the "
                "binder. Casebook shows it only now. Print it or write it on paper, and keep "
                "it somewhere safe, away from this computer."
            )
        )
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
        self.code_label.setStyleSheet(
            "QLabel { font-size: 20pt; background: palette(base); border: 2px dashed #8aa5b3;"
            " border-radius: 6px; padding: 18px; }"
        )

        copy_button = QPushButton(self.tr("Copy"))
        copy_button.setObjectName("copy_code_button")
        copy_button.clicked.connect(self.copy_code)
        print_button = QPushButton(self.tr("Print…"))
        print_button.setObjectName("print_code_button")
        print_button.clicked.connect(self._print)
        pdf_button = QPushButton(self.tr("Save as PDF…"))
        pdf_button.setObjectName("save_code_pdf_button")
        pdf_button.clicked.connect(self._save_pdf)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (copy_button, print_button, pdf_button):
            actions.addWidget(button)
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
        self.confirm_edit.setStyleSheet("QLineEdit { font-size: 16pt; }")
        self.confirm_edit.textChanged.connect(self._refresh)
        self.status_label = QLabel()
        self.status_label.setObjectName("confirm_code_status")
        self.status_label.setProperty("role", "hint")
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_edit)
        confirm_row.addWidget(self.status_label, 1)

        self.continue_button = QPushButton(self.tr("I have saved the code — continue"))
        self.continue_button.setObjectName("primary_button")
        self.continue_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(confirm_label)
        layout.addLayout(confirm_row)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._refresh()

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
        QGuiApplication.clipboard().setText(self._code)
        self.status_label.setText(self.tr("The code was copied. Paste it somewhere safe."))

    @Slot()
    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: print_emergency_kit(printer, self._code, self._folder))
        dialog.show()

    @Slot()
    def _save_pdf(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the emergency kit"),
            str(Path.home() / self.tr("Casebook emergency kit.pdf")),
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            save_emergency_kit_pdf(Path(name), self._code, self._folder)

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
