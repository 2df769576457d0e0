"""The binder's contacts as a table (name, kind, organisation, phone), with the Contact at
`ContactRole` and a sort key at `ContactSortRole`; filtered by a `QSortFilterProxyModel`."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casebook.core.contacts import Contact
from casebook.ui.contacts.words import contact_kind_label

ContactRole = Qt.ItemDataRole.UserRole + 1
ContactSortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class ContactColumn(enum.IntEnum):
    NAME = 0
    KIND = 1
    ORGANISATION = 2
    PHONE = 3


class ContactsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []

    def set_entries(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def contact(self, row: int) -> Contact:
        return self._contacts[row]

    def row_of(self, contact_id: int) -> int | None:
        return next((r for r, c in enumerate(self._contacts) if c.id == contact_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ContactColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(ContactColumn):
            return None
        return {
            ContactColumn.NAME: self.tr("Name"),
            ContactColumn.KIND: self.tr("Kind"),
            ContactColumn.ORGANISATION: self.tr("Hospital or clinic"),
            ContactColumn.PHONE: self.tr("Phone"),
        }[ContactColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        column = ContactColumn(index.column())
        if role == ContactRole:
            return contact
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
