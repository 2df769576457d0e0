"""Correcting the text Casebook read from a photo: what the family types here is what search
finds and what the bundle's searchable PDF carries."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.ui.common.screen_fit import fit_to_screen


class TextCorrectionDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("text_correction_dialog")
        self.setWindowTitle(self.tr("Correct the text"))
        fit_to_screen(self, 640, 480)
        hint = QLabel(
            self.tr(
                "Casebook read this text from the picture and may have misread some of it. "
                "Correct what matters (names, dates, results): your text is what search finds "
                "and what goes to the hospital."
            )
        )
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("text_correction_editor")
        self.editor.setAccessibleName(self.tr("Text of the document"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.editor.toPlainText()
