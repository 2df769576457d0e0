"""The kinds of record with status and count, each expandable to its documents.

A view of `RecordKindsModel`, which is refilled in place after every read, so what is
expanded, selected and scrolled stays as it was. Files dragged onto a record are filed under
it (`files_dropped`); elsewhere on the page they are filed where Casebook suggests.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from casebook.core.model import Document, RecordKind
from casebook.core.model import Slot as RecordSlot
from casebook.ui.common.look import look_as
from casebook.ui.records.record_kinds_model import (
    KindRole,
    ObjectRole,
    RecordColumn,
    RecordKindsModel,
    local_files,
)

AnyIndex = QModelIndex | QPersistentModelIndex


def local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    return local_files(event.mimeData())


def _as_copy(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> None:
    """Files are copied into the binder: never let the file manager think they were moved."""
    if event.possibleActions() & Qt.DropAction.CopyAction:
        event.setDropAction(Qt.DropAction.CopyAction)


class SlotTree(QTreeView):
    """Top-level rows are records ("All records" first); children are their documents."""

    files_dropped = Signal(list, object)  # paths, RecordKind | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slot_tree")
        self.setAccessibleName(self.tr("Records, with their documents"))
        self.records = RecordKindsModel(self)
        # Before the selection model's own handler, which would choose a neighbouring row.
        self.records.rowsAboutToBeRemoved.connect(self._leave_removed_rows)
        self.setModel(self.records)
        self.setAlternatingRowColors(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDragDropOverwriteMode(True)  # onto a record, never between two
        self.setDropIndicatorShown(False)  # the record under the pointer is selected instead
        look_as(self, rows="spaced")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RecordColumn.RECORD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecordColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecordColumn.FILES, QHeaderView.ResizeMode.ResizeToContents)
        self.records.files_dropped.connect(self.files_dropped)
        self.records.rowsInserted.connect(self._span_documents)
        self.records.modelAboutToBeReset.connect(self._remember_view)
        self.records.modelReset.connect(self._restore_view)
        self._kept: tuple[set[RecordKind], RecordKind | None, int | None, int] | None = None

    def set_records(self, slots: Sequence[RecordSlot], documents: Sequence[Document]) -> None:
        """Show a new read; expansion, selection and scrolling stay as they were."""
        self.records.set_records(slots, documents)

    # Selection -----------------------------------------------------------------------------

    def slot_index(self, kind: RecordKind | None) -> QModelIndex:
        """The row of a kind of record (None: "All records"); LookupError if not shown."""
        return self.records.kind_index(kind)

    def select_kind(self, kind: RecordKind | None) -> None:
        self.setCurrentIndex(self.slot_index(kind))

    def selected_slot(self) -> RecordSlot | None:
        """The chosen kind of record, or the kind of the chosen document (None: all records)."""
        current = self.currentIndex().siblingAtColumn(0)
        if isinstance(current.data(ObjectRole), Document):
            current = current.parent()
        slot = current.data(ObjectRole)
        return slot if isinstance(slot, RecordSlot) else None

    def selected_slot_kind(self) -> RecordKind | None:
        slot = self.selected_slot()
        return slot.kind if slot is not None else None

    def selected_document_id(self) -> int | None:
        document = self.currentIndex().data(ObjectRole)
        return document.id if isinstance(document, Document) else None

    @Slot(QModelIndex, int, int)
    def _leave_removed_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        """A chosen document that leaves the binder (the trash) leaves its record chosen."""
        current = self.currentIndex()
        if parent.isValid() and current.parent() == parent and first <= current.row() <= last:
            self.setCurrentIndex(parent)

    @Slot(QModelIndex, int, int)
    def _span_documents(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():  # a document's title may use the whole width
            for row in range(first, last + 1):
                self.setFirstColumnSpanned(row, parent, True)

    @Slot()
    def _remember_view(self) -> None:
        expanded = {
            kind
            for row in range(self.records.rowCount())
            if self.isExpanded(index := self.records.index(row, 0))
            and isinstance(kind := index.data(KindRole), RecordKind)
        }
        scrolled = self.verticalScrollBar().value()
        self._kept = expanded, self.selected_slot_kind(), self.selected_document_id(), scrolled

    @Slot()
    def _restore_view(self) -> None:
        """After a rebuild (the kinds themselves changed), as much as still exists comes back."""
        for row in range(self.records.rowCount()):
            kind_row = self.records.index(row, 0)
            self._span_documents(kind_row, 0, self.records.rowCount(kind_row) - 1)
        if self._kept is None:
            return
        expanded, kind, document_id, scrolled = self._kept
        self._kept = None
        for row in range(self.records.rowCount()):
            index = self.records.index(row, 0)
            self.setExpanded(index, index.data(KindRole) in expanded)
        chosen = self.records.document_index(document_id) if document_id is not None else None
        if chosen is None or not chosen.isValid():
            try:
                chosen = self.records.kind_index(kind)
            except LookupError:
                chosen = self.records.kind_index(None)
        if chosen.isValid():
            self.setCurrentIndex(chosen)
        self.verticalScrollBar().setValue(scrolled)

    # Drag and drop -------------------------------------------------------------------------

    def slot_kind_at(self, position: QPoint) -> RecordKind | None:
        kind = self.indexAt(position).data(KindRole)
        return kind if isinstance(kind, RecordKind) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        _as_copy(event)
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        _as_copy(event)
        super().dragMoveEvent(event)
        if not event.isAccepted():
            return
        target = self.indexAt(event.position().toPoint()).siblingAtColumn(0)
        if target.isValid():
            self.setCurrentIndex(target.parent() if target.parent().isValid() else target)

    def dropEvent(self, event: QDropEvent) -> None:
        _as_copy(event)
        super().dropEvent(event)
        if event.isAccepted():
            _as_copy(event)  # the view accepts the action the file manager proposed
