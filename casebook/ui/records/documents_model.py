"""The documents of a binder as a Qt table, with lazy thumbnails, and its sort/filter proxy."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap

from casebook.core.model import Document, RecordKind
from casebook.ui.common.labels import format_partial_date, slot_kind_label
from casebook.ui.common.look import current_colours, qcolor
from casebook.ui.records.thumbnail_cache import ThumbnailCache

AnyIndex = QModelIndex | QPersistentModelIndex
THUMBNAIL_WIDTH = 48
THUMBNAIL_HEIGHT = 64
_SLOT_ORDER = {kind: position for position, kind in enumerate(RecordKind)}


class DocumentColumn(enum.IntEnum):
    TITLE = 0
    DATE = 1
    SLOT = 2
    CHECK = 3


ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `Document` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""A value that sorts naturally (undated documents last, records in catalogue order)."""


class DocumentsModel(QAbstractTableModel):
    """One row per document; thumbnails appear in the title column as they arrive."""

    def __init__(self, thumbnails: ThumbnailCache | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Document] = []
        self._thumbnails = thumbnails
        self._pixmaps: dict[str, QPixmap] = {}
        self._placeholder = QPixmap(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT)
        self._placeholder.fill(qcolor(current_colours().placeholder))
        if thumbnails is not None:
            thumbnails.arrived.connect(self._on_thumbnail_arrived)

    # Content ------------------------------------------------------------------------------

    def set_entries(self, documents: Sequence[Document]) -> None:
        self.beginResetModel()
        self._entries = list(documents)
        self.endResetModel()

    def entries(self) -> list[Document]:
        return list(self._entries)

    def document_at(self, row: int) -> Document:
        return self._entries[row]

    def row_of(self, document_id: int) -> int | None:
        for row, document in enumerate(self._entries):
            if document.id == document_id:
                return row
        return None

    # Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DocumentColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(DocumentColumn):
            return None
        return {
            DocumentColumn.TITLE: self.tr("Document"),
            DocumentColumn.DATE: self.tr("Date"),
            DocumentColumn.SLOT: self.tr("Record"),
            DocumentColumn.CHECK: self.tr("Check"),
        }[DocumentColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        document = self._entries[index.row()]
        column = DocumentColumn(index.column())
        if role == ObjectRole:
            return document
        if role == SortRole:
            return self._sort_value(document, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(document, column)
        if role == Qt.ItemDataRole.DecorationRole and column is DocumentColumn.TITLE:
            return self._pixmap(document)
        if role == Qt.ItemDataRole.ToolTipRole and column is not DocumentColumn.CHECK:
            return f"{document.title}\n{document.original_name}"
        review_cell = column is DocumentColumn.CHECK and document.needs_review
        if role == Qt.ItemDataRole.FontRole and review_cell:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and review_cell:
            return self.tr(
                "Casebook suggested the record and date from the content. "
                "Please check them and confirm."
            )
        return None

    def _text(self, document: Document, column: DocumentColumn) -> str:
        if column is DocumentColumn.TITLE:
            return document.title
        if column is DocumentColumn.DATE:
            return format_partial_date(document.document_date, self.tr("No date"))
        if column is DocumentColumn.SLOT:
            return slot_kind_label(document.slot)
        return self.tr("⚑ Please confirm") if document.needs_review else ""

    @staticmethod
    def _sort_value(document: Document, column: DocumentColumn) -> object:
        if column is DocumentColumn.TITLE:
            return document.title.casefold()
        if column is DocumentColumn.DATE:
            return document.document_date.iso() if document.document_date else "~"
        if column is DocumentColumn.SLOT:
            return _SLOT_ORDER[document.slot]
        return 0 if document.needs_review else 1

    def _pixmap(self, document: Document) -> QPixmap:
        cached = self._pixmaps.get(document.content_sha256)
        if cached is not None:
            return cached
        if self._thumbnails is None:
            return self._placeholder
        image = self._thumbnails.image(document)
        if image is None:
            return self._placeholder
        framed = _framed(image)
        self._pixmaps[document.content_sha256] = framed
        return framed

    def has_thumbnail(self, document: Document) -> bool:
        return document.content_sha256 in self._pixmaps

    @Slot(str)
    def _on_thumbnail_arrived(self, content_sha256: str) -> None:
        for row, document in enumerate(self._entries):
            if document.content_sha256 == content_sha256:
                index = self.index(row, DocumentColumn.TITLE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def _framed(image: QImage) -> QPixmap:
    """The thumbnail centred on a fixed-size card with a thin frame, so white pages show."""
    scaled = image.scaled(
        THUMBNAIL_WIDTH - 2,
        THUMBNAIL_HEIGHT - 2,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    card = QPixmap(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT)
    card.fill(Qt.GlobalColor.transparent)
    painter = QPainter(card)
    left = (THUMBNAIL_WIDTH - scaled.width()) // 2
    top = (THUMBNAIL_HEIGHT - scaled.height()) // 2
    painter.drawImage(left, top, scaled)
    painter.setPen(qcolor(current_colours().placeholder_mark))
    painter.drawRect(left - 1, top - 1, scaled.width() + 1, scaled.height() + 1)
    painter.end()
    return card


class DocumentsFilterModel(QSortFilterProxyModel):
    """Sorts by `SortRole`; filters by record (slot) and by the ids a search matched."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._slot: RecordKind | None = None
        self._matching: set[int] | None = None

    @property
    def slot(self) -> RecordKind | None:
        return self._slot

    def set_slot(self, slot: RecordKind | None) -> None:
        """Show only documents filed under `slot` (None: every record)."""
        self.beginFilterChange()
        self._slot = slot
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_matching_ids(self, ids: set[int] | None) -> None:
        """Show only these documents (None: no search active)."""
        self.beginFilterChange()
        self._matching = None if ids is None else set(ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        document = index.data(ObjectRole)
        if not isinstance(document, Document):
            return False
        if self._slot is not None and document.slot is not self._slot:
            return False
        return self._matching is None or document.id in self._matching
