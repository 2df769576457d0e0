"""The documents in the trash as a Qt list: title · record.

A model so that restoring or emptying (announced as a change) repaints the list and keeps the
chosen document by its id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from casebook.core.model import Document
from casebook.ui.common.labels import slot_kind_label

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `Document` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""Its title, without case."""


class TrashModel(QAbstractListModel):
    """One row per trashed document."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: list[Document] = []

    def set_documents(self, documents: Sequence[Document]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self.endResetModel()

    def row_of(self, document_id: int | None) -> int | None:
        return next((r for r, d in enumerate(self._documents) if d.id == document_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        document = self._documents[index.row()]
        if role == ObjectRole:
            return document
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{document.title}    ·    {slot_kind_label(document.slot)}"
        if role == SortRole:
            return document.title.casefold()
        return None
