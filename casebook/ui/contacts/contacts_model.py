"""The binder's contacts as a table (name, kind, organisation, phone), with the Contact at
`ContactRole` and a sort key at `ContactSortRole`; filtered by a `QSortFilterProxyModel`."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import Qt

from casebook.core.contacts import Contact
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.contacts.words import contact_kind_label

ContactRole = ObjectRole
ContactSortRole = SortRole


class ContactColumn(enum.IntEnum):
    NAME = 0
    KIND = 1
    ORGANISATION = 2
    PHONE = 3


class ContactsModel(ObjectRowsModel[Contact]):
    def set_entries(self, contacts: Sequence[Contact]) -> None:
        self.set_rows(contacts)

    def contact(self, row: int) -> Contact:
        return self.object_at(row)

    def column_count(self) -> int:
        return len(ContactColumn)

    def header_text(self, column: int) -> str | None:
        return {
            ContactColumn.NAME: self.tr("Name"),
            ContactColumn.KIND: self.tr("Kind"),
            ContactColumn.ORGANISATION: self.tr("Hospital or clinic"),
            ContactColumn.PHONE: self.tr("Phone"),
        }[ContactColumn(column)]

    def row_data(self, contact: Contact, index: AnyIndex, role: int) -> object:
        column = ContactColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(contact, column)
        if role == ContactSortRole:
            if column == ContactColumn.NAME:
                return contact.name.casefold()  # the star of a key contact does not sort
            return self._text(contact, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == ContactColumn.NAME:
            return contact.role or None
        return None

    def _text(self, contact: Contact, column: ContactColumn) -> str:
        if column == ContactColumn.NAME:
            return ("★ " if contact.key_contact else "") + contact.name
        if column == ContactColumn.KIND:
            return contact_kind_label(contact.kind)
        if column == ContactColumn.ORGANISATION:
            return contact.organisation
        return contact.phone
