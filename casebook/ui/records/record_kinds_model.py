"""The kinds of record as a two-level Qt model: "All records" and each kind with its status and
count at the top, the documents filed under a kind below it.

Refilled in place: a new read changes only the rows that changed (a document moved to another
kind is moved there, not rebuilt), so the tree keeps what is expanded, selected and scrolled.
Files dropped on a kind are announced with `files_dropped` (paths, the kind, or None for "All
records" and the empty space below the rows).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from casebook.core.model import Document, RecordKind, Slot, SlotStatus
from casebook.ui.common.labels import slot_kind_label
from casebook.ui.records.slot_status_text import short_status

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `Slot` of a kind's row, the `Document` of a document's row, None on "All records"."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""Kinds in catalogue order ("All records" first), documents in the order they were read."""
KindRole = Qt.ItemDataRole.UserRole + 3
"""The `RecordKind` a row belongs to (a document's: the kind it is filed under); None on "All
records"."""

URI_LIST = "text/uri-list"
_TOP = 0
"""The internal id of a top-level row; a document's is its kind's top-level row plus one."""
_OPEN = (SlotStatus.MISSING, SlotStatus.REQUESTED)
_STATUS_ORDER = {status: position for position, status in enumerate(SlotStatus)}
_KIND_ORDER = {kind: position for position, kind in enumerate(RecordKind)}


class RecordColumn(enum.IntEnum):
    RECORD = 0
    STATUS = 1
    FILES = 2


def local_files(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drag (links to web pages are not files)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class RecordKindsModel(QAbstractItemModel):
    """Row 0 is "All records"; rows 1… are the kinds, each holding its documents."""

    files_dropped = Signal(list, object)  # paths, RecordKind | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slots: list[Slot] = []
        self._filed: list[list[Document]] = []  # per kind, in the order of `_slots`
        self._total = 0

    # Content ------------------------------------------------------------------------------

    def set_records(self, slots: Sequence[Slot], documents: Sequence[Document]) -> None:
        """Show these kinds and documents, changing only the rows that changed."""
        kinds = [slot.kind for slot in slots]
        wanted = [[document for document in documents if document.slot is kind] for kind in kinds]
        if kinds != [slot.kind for slot in self._slots]:
            self.beginResetModel()
            self._slots, self._filed, self._total = list(slots), wanted, len(documents)
            self.endResetModel()
            return
        self._move_refiled(wanted)
        for position, documents_wanted in enumerate(wanted):
            self._sync_documents(position, documents_wanted)
        self._slots, self._total = list(slots), len(documents)
        if self._slots:
            last = self.index(len(self._slots), RecordColumn.FILES)
            self.dataChanged.emit(self.index(0, 0), last)

    def _move_refiled(self, wanted: list[list[Document]]) -> None:
        """Documents now filed under another kind move there (to its end, for now)."""
        kind_of = {
            document.id: position for position, docs in enumerate(wanted) for document in docs
        }
        for position, filed in enumerate(self._filed):
            row = 0
            while row < len(filed):
                target = kind_of.get(filed[row].id, position)
                if target == position:
                    row += 1
                    continue
                destination = self._filed[target]
                self.beginMoveRows(
                    self._kind_index(position), row, row, self._kind_index(target), len(destination)
                )
                destination.append(filed.pop(row))
                self.endMoveRows()

    def _sync_documents(self, position: int, wanted: list[Document]) -> None:
        """Make one kind's documents `wanted`: remove, move within and insert, row by row."""
        parent, filed = self._kind_index(position), self._filed[position]
        wanted_ids = {document.id for document in wanted}
        for row in reversed(range(len(filed))):
            if filed[row].id not in wanted_ids:
                self.beginRemoveRows(parent, row, row)
                del filed[row]
                self.endRemoveRows()
        for row, document in enumerate(wanted):
            if row >= len(filed) or filed[row].id != document.id:
                found = next(
                    (at for at in range(row + 1, len(filed)) if filed[at].id == document.id), None
                )
                if found is None:
                    self.beginInsertRows(parent, row, row)
                    filed.insert(row, document)
                    self.endInsertRows()
                    continue
                self.beginMoveRows(parent, found, found, parent, row)
                filed.insert(row, filed.pop(found))
                self.endMoveRows()
            if filed[row] != document:
                filed[row] = document
                self.dataChanged.emit(
                    self.index(row, 0, parent), self.index(row, RecordColumn.FILES, parent)
                )

    def kind_index(self, kind: RecordKind | None) -> QModelIndex:
        """The row of a kind (None: "All records"), in the first column."""
        if kind is None:
            return self.index(0, 0)
        for position, slot in enumerate(self._slots):
            if slot.kind is kind:
                return self._kind_index(position)
        raise LookupError(kind)

    def document_index(self, document_id: int) -> QModelIndex:
        """The row of a document, or an invalid index when no kind holds it."""
        for position, filed in enumerate(self._filed):
            for row, document in enumerate(filed):
                if document.id == document_id:
                    return self.index(row, 0, self._kind_index(position))
        return QModelIndex()

    def _kind_index(self, position: int) -> QModelIndex:
        return self.createIndex(position + 1, 0, _TOP)

    # Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(RecordColumn):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < self.rowCount() else QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0 or parent.row() == 0:
            return QModelIndex()
        if not 0 < parent.row() <= len(self._slots) or row >= len(self._filed[parent.row() - 1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1 + len(self._slots) if self._slots else 0
        if parent.internalId() != _TOP or parent.column() != 0 or parent.row() == 0:
            return 0
        return len(self._filed[parent.row() - 1])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(RecordColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(RecordColumn):
            return None
        return {
            RecordColumn.RECORD: self.tr("Record"),
            RecordColumn.STATUS: self.tr("Status"),
            RecordColumn.FILES: self.tr("Files"),
        }[RecordColumn(section)]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # the empty space below the rows
        usable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _TOP:
            return usable | Qt.ItemFlag.ItemIsDropEnabled
        return usable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = RecordColumn(index.column())
        if index.internalId() != _TOP:
            position = index.internalId() - 2
            document = self._filed[position][index.row()]
            return self._document_data(
                document, index.row(), self._slots[position].kind, column, role
            )
        if index.row() == 0:
            return self._everything_data(column, role)
        position = index.row() - 1
        # The kind's own count, as the Overview and the summary give it: for imaging, the
        # images, which are not documents listed below it.
        slot = self._slots[position]
        return self._kind_data(slot, slot.file_count, column, role)

    def _everything_data(self, column: RecordColumn, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                RecordColumn.RECORD: self.tr("All records"),
                RecordColumn.STATUS: "",
                RecordColumn.FILES: str(self._total),
            }[column]
        if role == SortRole:
            return self._total if column is RecordColumn.FILES else -1
        if role == Qt.ItemDataRole.TextAlignmentRole and column is RecordColumn.FILES:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _kind_data(self, slot: Slot, count: int, column: RecordColumn, role: int) -> object:
        if role == ObjectRole:
            return slot
        if role == KindRole:
            return slot.kind
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                RecordColumn.RECORD: slot_kind_label(slot.kind),
                RecordColumn.STATUS: short_status(slot),
                RecordColumn.FILES: str(count),
            }[column]
        if role == SortRole:
            return {
                RecordColumn.RECORD: _KIND_ORDER[slot.kind],
                RecordColumn.STATUS: _STATUS_ORDER[slot.status],
                RecordColumn.FILES: count,
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column is RecordColumn.FILES:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and column is RecordColumn.STATUS:
            if slot.status in _OPEN:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column is RecordColumn.RECORD:
            return self.tr("{title}\nDrop files here to file them under this record.").format(
                title=slot_kind_label(slot.kind)
            )
        return None

    def _document_data(
        self, document: Document, row: int, kind: RecordKind, column: RecordColumn, role: int
    ) -> object:
        if role == ObjectRole:
            return document
        if role == KindRole:
            return kind
        if role == SortRole:
            return row
        if column is not RecordColumn.RECORD:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if document.needs_review:
                return self.tr("⚑ {title} (please confirm)").format(title=document.title)
            return document.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.title
        return None

    # Dropping files ------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [URI_LIST]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return bool(local_files(data))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        """Files dropped on a kind (or on one of its documents) are to be filed under it."""
        paths = local_files(data)
        if not paths or action == Qt.DropAction.IgnoreAction:
            return False
        kind = parent.data(KindRole) if parent.isValid() else None
        self.files_dropped.emit(paths, kind if isinstance(kind, RecordKind) else None)
        return True
