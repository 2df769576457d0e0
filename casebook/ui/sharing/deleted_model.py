"""What another family member deleted, as read at an exchange, as a Qt list: "The appointment
“PET-CT”", each a deletion this computer can undo too.

A model so that the list is refilled by each exchange and a deletion brought back leaves it by
its snapshot id, whatever row it is in by then.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from casebook.services.undo import Deleted, Undoable

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `Deleted` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The order the exchange read them in."""


class DeletedElsewhereModel(QAbstractListModel):
    """One row per deletion read from the others' files."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deleted: list[Deleted] = []

    def set_deleted(self, deleted: Sequence[Deleted]) -> None:
        self.beginResetModel()
        self._deleted = list(deleted)
        self.endResetModel()

    def deleted_at(self, row: int) -> Deleted:
        return self._deleted[row]

    def row_of(self, snapshot_id: int | None) -> int | None:
        return next((r for r, d in enumerate(self._deleted) if d.snapshot_id == snapshot_id), None)

    def forget(self, snapshot_id: int) -> None:
        """Take a deletion off the list (it was brought back)."""
        row = self.row_of(snapshot_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._deleted[row]
            self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._deleted)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._deleted):
            return None
        deleted = self._deleted[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(deleted.kind, deleted.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(deleted.kind, deleted.label)
        if role == ObjectRole:
            return deleted
        if role == SortRole:
            return index.row()
        return None

    def text(self, kind: Undoable, label: str) -> str:
        texts = {
            Undoable.QUESTION: self.tr("The question “{label}”"),
            Undoable.CONSULTATION: self.tr("The consultation “{label}”"),
            Undoable.TIMELINE_EVENT: self.tr("The timeline event “{label}”"),
            Undoable.OPINION: self.tr("The opinion of {label}"),
            Undoable.APPOINTMENT: self.tr("The appointment “{label}”"),
            Undoable.MEDICINE: self.tr("The medicine “{label}”"),
            Undoable.ALLERGY: self.tr("The allergy to “{label}”"),
            Undoable.CONTACT: self.tr("The contact “{label}”"),
            Undoable.DIARY_ENTRY: self.tr("The diary entry “{label}”"),
        }
        return texts[kind].format(label=label)
