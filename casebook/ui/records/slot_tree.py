"""The kinds of record with status and count, each expandable to its documents.

Files dragged onto a record are filed under it (`files_dropped`); elsewhere on the page they
are filed where Casebook suggests.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from casebook.core.model import Document, RecordKind, Slot, SlotStatus
from casebook.ui.common.labels import slot_kind_label
from casebook.ui.common.look import look_as
from casebook.ui.records.slot_status_text import short_status

SlotRole = Qt.ItemDataRole.UserRole + 1
DocumentIdRole = Qt.ItemDataRole.UserRole + 2
_OPEN = (SlotStatus.MISSING, SlotStatus.REQUESTED)


def local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]


class SlotTree(QTreeWidget):
    """Top-level rows are records ("All records" first); children are their documents."""

    files_dropped = Signal(list, object)  # paths, RecordKind | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slot_tree")
        self.setAccessibleName(self.tr("Records, with their documents"))
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Record"), self.tr("Status"), self.tr("Files")])
        self.setAlternatingRowColors(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        look_as(self, rows="spaced")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def set_records(self, slots: Sequence[Slot], documents: Sequence[Document]) -> None:
        """Rebuild, keeping the selection and which records were expanded."""
        selected = self.selected_slot_kind(), self.selected_document_id()
        expanded = {
            item.data(0, SlotRole)
            for item in self._slot_items()
            if item.isExpanded() and item.data(0, SlotRole) is not None
        }
        self.clear()
        everything = QTreeWidgetItem([self.tr("All records"), "", str(len(documents))])
        everything.setData(0, SlotRole, None)
        everything.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.addTopLevelItem(everything)
        bold = QFont(self.font())
        bold.setBold(True)
        for slot in slots:
            filed = [document for document in documents if document.slot is slot.kind]
            item = QTreeWidgetItem(
                [slot_kind_label(slot.kind), short_status(slot), str(len(filed))]
            )
            item.setData(0, SlotRole, slot)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(
                0,
                self.tr("{title}\nDrop files here to file them under this record.").format(
                    title=slot_kind_label(slot.kind)
                ),
            )
            if slot.status in _OPEN:
                item.setFont(1, bold)
            self.addTopLevelItem(item)  # before its children, so they can span the columns
            for document in filed:
                child = QTreeWidgetItem([document.title])
                child.setData(0, SlotRole, slot)
                child.setData(0, DocumentIdRole, document.id)
                if document.needs_review:
                    child.setText(
                        0, self.tr("⚑ {title} (please confirm)").format(title=document.title)
                    )
                child.setToolTip(0, document.title)
                item.addChild(child)
                child.setFirstColumnSpanned(True)  # only takes effect once in the tree
            item.setExpanded(slot.kind in {kind.kind for kind in expanded})
        self._restore_selection(*selected)

    def _slot_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(row) for row in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _restore_selection(self, kind: RecordKind | None, document_id: int | None) -> None:
        for item in self._slot_items():
            slot = item.data(0, SlotRole)
            if document_id is not None:
                for row in range(item.childCount()):
                    child = item.child(row)
                    if child is not None and child.data(0, DocumentIdRole) == document_id:
                        self.setCurrentItem(child)
                        return
            if (slot is None and kind is None) or (slot is not None and slot.kind is kind):
                self.setCurrentItem(item)
                return

    def slot_item(self, kind: RecordKind | None) -> QTreeWidgetItem:
        for item in self._slot_items():
            slot = item.data(0, SlotRole)
            if (slot is None and kind is None) or (slot is not None and slot.kind is kind):
                return item
        raise LookupError(kind)

    def selected_slot(self) -> Slot | None:
        item = self.currentItem()
        slot = item.data(0, SlotRole) if item is not None else None
        return slot if isinstance(slot, Slot) else None

    def selected_slot_kind(self) -> RecordKind | None:
        slot = self.selected_slot()
        return slot.kind if slot is not None else None

    def selected_document_id(self) -> int | None:
        item = self.currentItem()
        value = item.data(0, DocumentIdRole) if item is not None else None
        return value if isinstance(value, int) else None

    # Drag and drop -------------------------------------------------------------------------

    def slot_kind_at(self, position: QPoint) -> RecordKind | None:
        item = self.itemAt(position)
        slot = item.data(0, SlotRole) if item is not None else None
        return slot.kind if isinstance(slot, Slot) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event):
            item = self.itemAt(event.position().toPoint())
            if item is not None:
                self.setCurrentItem(item.parent() or item)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event)
        if not paths:
            event.ignore()
            return
        self.files_dropped.emit(paths, self.slot_kind_at(event.position().toPoint()))
        event.acceptProposedAction()
