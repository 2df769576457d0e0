"""Editing what the family knows about one document. The dialog only edits; the page saves.

When Casebook suggested the record or the date, a note says so and "Confirm suggestion" accepts
them. "Move to trash" needs no confirmation: the trash can be restored until it is emptied.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QCoreApplication, Slot
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

from casebook.core.model import Document, RecordKind
from casebook.core.suggestions import DateRole, FoundDate, rank_dates
from casebook.ui.common.labels import format_partial_date, format_size, slot_kind_label
from casebook.ui.common.link_button import LinkButton
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout

MAX_DATES_OFFERED = 4


def date_role_label(role: DateRole) -> str:
    """What a date found in a document is the date of, as its label said ("" when unsaid)."""
    words = {
        DateRole.DISCHARGE: QCoreApplication.translate("DocumentDialog", "discharge"),
        DateRole.ADMISSION: QCoreApplication.translate("DocumentDialog", "admission"),
        DateRole.REPORT: QCoreApplication.translate("DocumentDialog", "report"),
        DateRole.PROCEDURE: QCoreApplication.translate("DocumentDialog", "operation or procedure"),
        DateRole.EXAM: QCoreApplication.translate("DocumentDialog", "examination"),
        DateRole.COLLECTED: QCoreApplication.translate(
            "DocumentDialog", "sample taken or received"
        ),
    }
    return words.get(role, "")


class DocumentAction(enum.Enum):
    SAVE = "save"
    CONFIRM = "confirm"
    TRASH = "trash"
    REDACT = "redact"  # open the redaction editor (hide parts before sending)


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
        for kind in RecordKind:
            self.slot_combo.addItem(slot_kind_label(kind), kind)
        self.slot_combo.setCurrentIndex(self.slot_combo.findData(document.slot))
        self.date_edit = PartialDateEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.set_value(document.document_date)
        self.found_dates: list[FoundDate] = []
        self.dates_box = QWidget()
        self.dates_box.setObjectName("found_dates_box")
        self.dates_row = QHBoxLayout()
        self.dates_row.setContentsMargins(0, 0, 0, 0)
        self.dates_row.setSpacing(4)
        self.dates_row.addStretch(1)
        dates_label = QLabel(self.tr("Other dates in this document; choose one to use it:"))
        dates_label.setProperty("role", "hint")
        dates_layout = QVBoxLayout(self.dates_box)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.setSpacing(0)
        dates_layout.addWidget(dates_label)
        dates_layout.addLayout(self.dates_row)
        self.dates_box.hide()
        self.date_buttons: list[LinkButton] = []
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
        form.addRow("", self.dates_box)
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
        self.redact_button = QPushButton(self.tr("Hide parts…"))
        self.redact_button.setObjectName("redact_button")
        self.redact_button.setToolTip(
            self.tr("Make a copy with names, numbers or addresses hidden; the original is kept.")
        )
        self.redact_button.setVisible(
            document.media_type == "application/pdf" or document.media_type.startswith("image/")
        )
        self.redact_button.clicked.connect(lambda: self._finish(DocumentAction.REDACT))
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
        buttons.addWidget(self.redact_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        # On a short screen the form scrolls; the message and the buttons stay in view.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.review_bar)
        layout.addWidget(scrolling_layout(form), 1)
        layout.addWidget(self.error_bar)
        layout.addLayout(buttons)
        self.date_edit.changed.connect(self._show_other_dates)
        self.slot_combo.currentIndexChanged.connect(self._show_other_dates)
        self.title_edit.setFocus()
        # Its size hint where the screen allows, not the smaller height Qt works out from the
        # wrapped texts (which squeezed the date field under its line).
        fit_form_to_screen(self)

    def show_found_dates(self, found: list[FoundDate]) -> None:
        """The dates the document's text names (read in the background), offered under the
        date field so a wrong suggestion (an admission date) is one click to put right."""
        self.found_dates = found
        self._show_other_dates()

    @Slot()
    def _show_other_dates(self) -> None:
        for button in self.date_buttons:
            button.hide()
            button.deleteLater()
        self.date_buttons = []
        try:
            current = self.date_edit.value()
        except ValueError:
            current = None
        kind = self.slot_combo.currentData()
        others = [f for f in rank_dates(self.found_dates, kind) if f.value != current]
        for found in others[:MAX_DATES_OFFERED]:
            role = date_role_label(found.role)
            shown = format_partial_date(found.value)
            text = self.tr("{date} ({what})").format(date=shown, what=role) if role else shown
            button = LinkButton(text)
            button.setObjectName("found_date_button")
            button.clicked.connect(partial(self.date_edit.set_value, found.value))
            self.dates_row.insertWidget(len(self.date_buttons), button)
            self.date_buttons.append(button)
        self.dates_box.setVisible(bool(others))
        if others and self.isVisible():
            fit_form_to_screen(self)  # room for the offered dates, where the screen has it

    def _finish(self, action: DocumentAction) -> None:
        if action in (DocumentAction.TRASH, DocumentAction.REDACT):
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
            self.error_bar.show_error(first_date_problem(self.date_edit) or "")
            return
        slot = self.slot_combo.currentData()
        assert isinstance(slot, RecordKind)
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
