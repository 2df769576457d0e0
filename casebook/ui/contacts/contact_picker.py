"""Choosing a contact where one is named (a request for records, a prescriber, an appointment).

A plain list of the binder's contacts with "nobody chosen" first; the list is given by the
screen that already read it, or read by the picker itself (off the GUI thread) when given the
session. A contact chosen before the list arrives is selected once it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from casebook.core.contacts import Contact
from casebook.services import contacts as service
from casebook.services.binder.session import BinderSession
from casebook.ui.common.ops import ReadOp


class ContactPicker(QComboBox):
    def __init__(
        self,
        contacts: Sequence[Contact] | None = None,
        session: BinderSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_picker")
        self._wanted: int | None = None
        self.contacts: tuple[Contact, ...] = ()
        self.set_contacts(contacts or ())
        if contacts is None and session is not None:
            ReadOp(self, lambda: service.list_contacts(session)).on_success(
                self.set_contacts
            ).start()

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        wanted = self.contact_id() if self.count() else self._wanted
        self.contacts = tuple(contacts)
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("— nobody chosen —"), None)
        for contact in self.contacts:
            self.addItem(contact.label, contact.id)
        self.blockSignals(False)
        self.set_contact_id(wanted)

    def set_contact_id(self, contact_id: int | None) -> None:
        self._wanted = contact_id
        index = self.findData(contact_id) if contact_id is not None else 0
        self.setCurrentIndex(max(index, 0))

    def contact_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def contact(self) -> Contact | None:
        chosen = self.contact_id()
        return next((c for c in self.contacts if c.id == chosen), None)
