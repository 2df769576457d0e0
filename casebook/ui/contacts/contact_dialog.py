"""Adding or changing a contact: who or what it is, and how to reach it.

The dialog only edits; the page saves (on the writer lane) and the dialog closes when the save
succeeded, or shows why it did not and keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.core.contacts import Contact, ContactKind
from casebook.core.errors import InvalidInput
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout
from casebook.ui.contacts.words import contact_kind_label


class ContactDialog(QDialog):
    save_requested = Signal(object)  # Contact

    def __init__(self, contact: Contact | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_dialog")
        self.setWindowTitle(self.tr("Contact") if contact else self.tr("New contact"))
        self._id = contact.id if contact else 0
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("contact_kind_combo")
        for kind in ContactKind:
            self.kind_combo.addItem(contact_kind_label(kind), kind)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("contact_name_edit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Dr. Wang Li, or 病案室"))
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setObjectName("contact_organisation_edit")
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("contact_role_edit")
        self.role_edit.setPlaceholderText(self.tr("e.g. oncologist, chemotherapy nurse"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("contact_phone_edit")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("contact_email_edit")
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("contact_address_edit")
        self.hours_edit = QLineEdit()
        self.hours_edit.setObjectName("contact_hours_edit")
        self.hours_edit.setPlaceholderText(self.tr("e.g. Mon–Fri 8:00–11:30"))
        self.languages_edit = QLineEdit()
        self.languages_edit.setObjectName("contact_languages_edit")
        self.languages_edit.setPlaceholderText(self.tr("e.g. Chinese, English"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("contact_notes_edit")
        self.notes_edit.setFixedHeight(70)
        self.key_check = QCheckBox(self.tr("Show on the case at a glance"))
        self.key_check.setObjectName("contact_key_check")
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Hospital or clinic"), self.organisation_edit)
        form.addRow(self.tr("Role or department"), self.role_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        form.addRow(self.tr("E-mail"), self.email_edit)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Opening hours"), self.hours_edit)
        form.addRow(self.tr("Languages spoken"), self.languages_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow("", self.key_check)
        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        # A long form scrolls on a small screen; the message and the buttons stay in view.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(scrolling_layout(form), 1)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        fit_form_to_screen(self)
        if contact is not None:
            self.show_contact(contact)

    def show_contact(self, contact: Contact) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(contact.kind))
        self.name_edit.setText(contact.name)
        self.organisation_edit.setText(contact.organisation)
        self.role_edit.setText(contact.role)
        self.phone_edit.setText(contact.phone)
        self.email_edit.setText(contact.email)
        self.address_edit.setText(contact.address)
        self.hours_edit.setText(contact.hours)
        self.languages_edit.setText(contact.languages)
        self.notes_edit.setPlainText(contact.notes)
        self.key_check.setChecked(contact.key_contact)

    def edited(self) -> Contact:
        return Contact(
            kind=self.kind_combo.currentData(),
            name=self.name_edit.text(),
            organisation=self.organisation_edit.text(),
            role=self.role_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            address=self.address_edit.text(),
            hours=self.hours_edit.text(),
            languages=self.languages_edit.text(),
            notes=self.notes_edit.toPlainText(),
            key_contact=self.key_check.isChecked(),
            id=self._id,
        ).cleaned()

    def _save(self) -> None:
        contact = self.edited()
        try:
            contact.validate()
        except InvalidInput as problem:
            self.show_problem(problem)
            return
        self.save_requested.emit(contact)

    def show_problem(self, problem: InvalidInput) -> None:
        if problem.field_name == "email":
            self.error_bar.show_error(self.tr("That e-mail address does not look complete."))
            self.email_edit.setFocus()
        elif problem.field_name == "name":
            self.error_bar.show_error(self.tr("Please write a name."))
            self.name_edit.setFocus()
        else:
            self.error_bar.show_error(self.tr("This contact could not be saved."))
