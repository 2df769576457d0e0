"""The documents in the trash as a Qt list: title · record.

A model so that restoring or emptying (announced as a change) repaints the list and keeps the
chosen document by its id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from casebook.core.model import Document
from casebook.ui.common.labels import slot_kind_label
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["ObjectRole", "SortRole", "TrashModel"]


class TrashModel(ObjectRowsModel[Document]):
    """One row per trashed document. ObjectRole: the `Document`; SortRole: its title, without
    case."""

    def set_documents(self, documents: Sequence[Document]) -> None:
        self.set_rows(documents)

    def row_data(self, document: Document, index: AnyIndex, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{document.title}    ·    {slot_kind_label(document.slot)}"
        if role == SortRole:
            return document.title.casefold()
        return None
