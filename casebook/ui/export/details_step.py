"""Step 1 of the export: who receives the bundle and who sends it.

Only the institution is required; it appears on the cover letter, the README and the cover
sheet. The sender's details let the hospital's office reply.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpacerItem, QVBoxLayout, QWidget

from casebook.bundle.plan import Recipient, Sender


def _edit(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(420)
    return edit


class DetailsStep(QWidget):
    """Recipient (institution, department, contact, country) and sender (name, relationship,
    contact)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_details_step")
        self.institution_edit = _edit("institution_edit", self.tr("e.g. City Cancer Centre"))
        self.department_edit = _edit(
            "department_edit", self.tr("e.g. International Patient Office")
        )
        self.contact_edit = _edit("contact_edit", self.tr("a person, an email or a phone number"))
        self.country_edit = _edit("country_edit", self.tr("e.g. China"))
        self.sender_name_edit = _edit("sender_name_edit", self.tr("your name"))
        self.relationship_edit = _edit(
            "relationship_edit", self.tr("e.g. daughter, husband, the patient")
        )
        self.sender_contact_edit = _edit(
            "sender_contact_edit", self.tr("how the hospital can reach you")
        )
        for edit in (self.institution_edit, self.department_edit, self.contact_edit):
            edit.textChanged.connect(self.changed)

        to_heading = QLabel(self.tr("Who will receive the bundle?"))
        to_heading.setProperty("role", "subheading")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        form.addRow(to_heading)
        form.addRow(self.tr("Hospital or institution *"), self.institution_edit)
        form.addRow(self.tr("Department"), self.department_edit)
        form.addRow(self.tr("Contact"), self.contact_edit)
        form.addRow(self.tr("Country"), self.country_edit)

        from_heading = QLabel(self.tr("Who is sending it?"))
        from_heading.setProperty("role", "subheading")
        from_hint = QLabel(
            self.tr("Optional. It is printed on the cover letter so the hospital can reply.")
        )
        from_hint.setProperty("role", "hint")
        from_hint.setWordWrap(True)
        form.addItem(QSpacerItem(0, 16))
        form.addRow(from_heading)
        form.addRow(from_hint)
        form.addRow(self.tr("Your name"), self.sender_name_edit)
        form.addRow(self.tr("Relationship to the patient"), self.relationship_edit)
        form.addRow(self.tr("Your contact"), self.sender_contact_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)

    def is_complete(self) -> bool:
        return bool(self.institution_edit.text().strip())

    def chosen_recipient(self) -> Recipient:
        return Recipient(
            self.institution_edit.text().strip(),
            self.department_edit.text().strip(),
            self.contact_edit.text().strip(),
            self.country_edit.text().strip(),
        )

    def chosen_sender(self) -> Sender:
        return Sender(
            self.sender_name_edit.text().strip(),
            self.relationship_edit.text().strip(),
            self.sender_contact_edit.text().strip(),
        )
