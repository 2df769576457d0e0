"""What one contact is linked to (requests for records, opinions, consultations, bundles
sent, medicines prescribed, appointments), newest first, as a table with the LinkedItem at
`LinkedRole`; and the records a contact can be linked to, each with a check box."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casebook.core.contacts import LinkCandidate, LinkedItem, LinkKind
from casebook.core.model import RecordKind
from casebook.services import contacts as contacts_service
from casebook.services.binder.session import BinderSession
from casebook.services.contacts import ContactView
from casebook.services.medicines.medicines import get_medicine
from casebook.services.medicines.printing import medicine_name
from casebook.ui.common.labels import format_date_text, slot_kind_label
from casebook.ui.contacts.words import link_kind_label
from casebook.ui.medicines.medicine_models import display_language

LinkedRole = Qt.ItemDataRole.UserRole + 1
LinkedSortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class LinkedColumn(enum.IntEnum):
    KIND = 0
    TITLE = 1
    DATE = 2


def item_title(kind: LinkKind, ref: str, title: str) -> str:
    """A record kind is named in the interface language; everything else in its own words."""
    if kind is LinkKind.RECORD_REQUEST:
        try:
            return slot_kind_label(RecordKind(ref))
        except ValueError:
            return ref
    return title or "—"


def read_contact(session: BinderSession, contact_id: int) -> ContactView | None:
    """The contact's page, with each medicine it prescribed named as the Medicines page names
    it: the generic name in the interface language where the lexicon knows it, and the brand.
    (The stored title is the name as written on the prescription, often in English.) Run it on
    a reader lane."""
    languages = display_language()
    with session.reading():
        view = contacts_service.load_contact(session, contact_id)
        if view is None:
            return None
        linked = []
        for item in view.linked:
            medicine = (
                get_medicine(session, int(item.ref)) if item.kind is LinkKind.MEDICINE else None
            )
            if medicine is not None:
                named = medicine_name(medicine.current, medicine.lexicon_key, languages)
                item = replace(item, title=named or item.title)
            linked.append(item)
    return replace(view, linked=tuple(linked))


class LinkedItemsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[LinkedItem] = []

    def set_entries(self, items: Sequence[LinkedItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LinkedColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(LinkedColumn):
            return None
        return {
            LinkedColumn.KIND: self.tr("How"),
            LinkedColumn.TITLE: self.tr("What"),
            LinkedColumn.DATE: self.tr("Date"),
        }[LinkedColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = LinkedColumn(index.column())
        if role == LinkedRole:
            return item
        if role == LinkedSortRole:
            if column == LinkedColumn.DATE:
                return item.on or ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == LinkedColumn.KIND:
            return link_kind_label(item.kind)
        if column == LinkedColumn.TITLE:
            text = item_title(item.kind, item.ref, item.title)
            return f"{text} — {item.detail}" if item.detail else text
        return format_date_text(item.on, "—")


CandidateRole = Qt.ItemDataRole.UserRole + 3


class CandidateColumn(enum.IntEnum):
    TITLE = 0
    KIND = 1
    DATE = 2
    NAMED = 3


class LinkCandidatesModel(QAbstractTableModel):
    """Opinions, consultations and bundles sent; the first column's check box links it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._candidates: list[LinkCandidate] = []
        self._checked: list[bool] = []

    def set_entries(self, candidates: Sequence[LinkCandidate]) -> None:
        self.beginResetModel()
        self._candidates = list(candidates)
        self._checked = [c.linked for c in self._candidates]
        self.endResetModel()

    def changes(self) -> list[tuple[LinkKind, str, bool]]:
        """(kind, ref, linked) for every box the family changed."""
        return [
            (c.kind, c.ref, checked)
            for c, checked in zip(self._candidates, self._checked, strict=True)
            if checked != c.linked
        ]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._candidates)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CandidateColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(CandidateColumn):
            return None
        return {
            CandidateColumn.TITLE: self.tr("Linked"),
            CandidateColumn.KIND: self.tr("How"),
            CandidateColumn.DATE: self.tr("Date"),
            CandidateColumn.NAMED: self.tr("Names this contact"),
        }[CandidateColumn(section)]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == CandidateColumn.TITLE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._candidates):
            return None
        candidate = self._candidates[index.row()]
        column = CandidateColumn(index.column())
        if role == CandidateRole:
            return candidate
        if role == Qt.ItemDataRole.CheckStateRole and column == CandidateColumn.TITLE:
            checked = self._checked[index.row()]
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == CandidateColumn.TITLE:
            return candidate.title or "—"
        if column == CandidateColumn.KIND:
            return link_kind_label(candidate.kind)
        if column == CandidateColumn.DATE:
            return format_date_text(candidate.on, "—")
        return self.tr("✓ yes") if candidate.names_contact else ""

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != CandidateColumn.TITLE
        ):
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
