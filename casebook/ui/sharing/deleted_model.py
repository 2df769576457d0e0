"""What another family member deleted, as read at an exchange, as a Qt list: "The appointment
“PET-CT”", each a deletion this computer can undo too.

A model so that the list is refilled by each exchange and a deletion brought back leaves it by
its snapshot id, whatever row it is in by then.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from casebook.services.undo import Deleted, Undoable
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["DeletedElsewhereModel", "ObjectRole", "SortRole"]


class DeletedElsewhereModel(ObjectRowsModel[Deleted]):
    """One row per deletion read from the others' files, known by its snapshot id (`forget`
    takes one off when it is brought back). ObjectRole: the `Deleted`; SortRole: the order the
    exchange read them in."""

    def set_deleted(self, deleted: Sequence[Deleted]) -> None:
        self.set_rows(deleted)

    def deleted_at(self, row: int) -> Deleted:
        return self.object_at(row)

    def key_of(self, item: Deleted) -> int:
        return item.snapshot_id

    def row_data(self, deleted: Deleted, index: AnyIndex, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(deleted.kind, deleted.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(deleted.kind, deleted.label)
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
