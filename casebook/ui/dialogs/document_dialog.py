"""Editing what the family knows about one document. The dialog only edits; the page saves.

When Casebook suggested the record or the date, a note says so and "Confirm suggestion" accepts
them. "Move to trash" needs no confirmation: the trash can be restored until it is emptied.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Document, SlotKind
from casebook.ui.labels import format_size, slot_kind_label
from casebook.ui.widgets.message_bar import MessageBar
from casebook.ui.widgets.partial_date_edit import PartialDateEdit


class DocumentAction(enum.Enum):
    SAVE = "save"
    CONFIRM = "confirm"
    TRASH = "trash"


class DocumentDialog(QDialog):
    """After `accepted`, `action` says what to do and `edited` holds the new details."""

    def __init__(
        self, document: Document, others: Sequence[Document], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document_dialog")
        self.setWindowTitle(self.tr("Document details"))
        self.setMinimumWidth(640)
        self.document = document
        self.action: DocumentAction | None = None
        self.edited: Document | None = None

        self.review_bar = MessageBar()
        self.review_bar.setObjectName("review_bar")
        if document.needs_review:
            self.review_bar.show_message(
                self.tr(
                    "Casebook suggested the record and the date from what the document says. "
                    "Please check them, then press “Confirm suggestion”."
                )
            )
        self.title_edit = QLineEdit(document.title)
        self.title_edit.setObjectName("title_edit")
        self.slot_combo = QComboBox()
        self.slot_combo.setObjectName("slot_combo")
        for kind in SlotKind:
            self.slot_combo.addItem(slot_kind_label(kind), kind)
        self.slot_combo.setCurrentIndex(self.slot_combo.findData(document.slot))
        self.date_edit = PartialDateEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.set_value(document.document_date)
        self.institution_edit = QLineEdit(document.institution)
        self.institution_edit.setObjectName("institution_edit")
        self.institution_edit.setPlaceholderText(self.tr("Hospital or laboratory"))
        self.author_edit = QLineEdit(document.author)
        self.author_edit.setObjectName("author_edit")
        self.author_edit.setPlaceholderText(self.tr("Doctor or department"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        for label, code in (
            (self.tr("Not set"), ""),
            (self.tr("English"), "en"),
            (self.tr("Chinese (中文)"), "zh"),
            (self.tr("Another language"), "other"),
        ):
            self.language_combo.addItem(label, code)
        if self.language_combo.findData(document.language) < 0:
            self.language_combo.addItem(document.language, document.language)
        self.language_combo.setCurrentIndex(self.language_combo.findData(document.language))
        self.translation_combo = QComboBox()
        self.translation_combo.setObjectName("translation_combo")
        self.translation_combo.addItem(self.tr("Not a translation"), None)
        for other in others:
            if other.id != document.id:
                self.translation_combo.addItem(other.title, other.id)
        position = self.translation_combo.findData(document.translation_of)
        self.translation_combo.setCurrentIndex(max(position, 0))
        self.notes_edit = QPlainTextEdit(document.notes)
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setMinimumHeight(90)
        original = QLabel(
            self.tr("{name} · {size}").format(
                name=document.original_name, size=format_size(document.size)
            )
        )
        original.setProperty("role", "hint")
        original.setWordWrap(True)

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Record"), self.slot_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Hospital"), self.institution_edit)
        form.addRow(self.tr("Written by"), self.author_edit)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Translation of"), self.translation_combo)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(self.tr("Original file"), original)
        self.error_bar = MessageBar()

        self.trash_button = QPushButton(self.tr("Move to trash"))
        self.trash_button.setObjectName("trash_button")
        self.trash_button.setToolTip(self.tr("You can restore it from the trash later."))
        self.trash_button.clicked.connect(lambda: self._finish(DocumentAction.TRASH))
        self.confirm_button = QPushButton(self.tr("✓ Confirm suggestion"))
        self.confirm_button.setObjectName("confirm_button")
        self.confirm_button.setVisible(document.needs_review)
        self.confirm_button.clicked.connect(lambda: self._finish(DocumentAction.CONFIRM))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary_button")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self._finish(DocumentAction.SAVE))
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.trash_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.review_bar)
        layout.addLayout(form)
        layout.addWidget(self.error_bar)
        layout.addLayout(buttons)

    def _finish(self, action: DocumentAction) -> None:
        if action is DocumentAction.TRASH:
            self.action, self.edited = action, self.document
            self.accept()
            return
        title = self.title_edit.text().strip()
        if not title:
            self.error_bar.show_error(self.tr("Please give the document a title."))
            return
        try:
            document_date = self.date_edit.value()
        except ValueError:
            self.error_bar.show_error(self.tr("That day does not exist in that month."))
            return
        slot = self.slot_combo.currentData()
        assert isinstance(slot, SlotKind)
        placement_changed = (
            slot is not self.document.slot or document_date != self.document.document_date
        )
        self.edited = replace(
            self.document,
            title=title,
            slot=slot,
            document_date=document_date,
            institution=self.institution_edit.text().strip(),
            author=self.author_edit.text().strip(),
            language=str(self.language_combo.currentData() or ""),
            notes=self.notes_edit.toPlainText().strip(),
            translation_of=self.translation_combo.currentData(),
            # Choosing the record or date yourself, or confirming, settles the suggestion.
            needs_review=self.document.needs_review
            and action is not DocumentAction.CONFIRM
            and not placement_changed,
        )
        self.action = action
        self.accept()
