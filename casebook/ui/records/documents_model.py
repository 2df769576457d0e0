"""The documents of a binder as a Qt table, with lazy thumbnails, and its sort/filter proxy."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap

from casebook.core.model import Document, RecordKind
from casebook.ui.common.labels import format_partial_date, slot_kind_label
from casebook.ui.common.look import current_colours, qcolor
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.records.thumbnail_cache import ThumbnailCache

THUMBNAIL_WIDTH = 48
THUMBNAIL_HEIGHT = 64
_SLOT_ORDER = {kind: position for position, kind in enumerate(RecordKind)}


class DocumentColumn(enum.IntEnum):
    TITLE = 0
    DATE = 1
    SLOT = 2
    CHECK = 3


__all__ = ["DocumentColumn", "DocumentsFilterModel", "DocumentsModel", "ObjectRole", "SortRole"]


class DocumentsModel(ObjectRowsModel[Document]):
    """One row per document; thumbnails appear in the title column as they arrive.

    ObjectRole: the `Document`; SortRole: a value that sorts naturally (undated documents last,
    records in catalogue order)."""

    def __init__(self, thumbnails: ThumbnailCache | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._pixmaps: dict[str, QPixmap] = {}
        self._placeholder = QPixmap(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT)
        self._placeholder.fill(qcolor(current_colours().placeholder))
        if thumbnails is not None:
            thumbnails.arrived.connect(self._on_thumbnail_arrived)

    # Content ------------------------------------------------------------------------------

    def set_entries(self, documents: Sequence[Document]) -> None:
        self.set_rows(documents)

    # Qt model API --------------------------------------------------------------------------

    def column_count(self) -> int:
        return len(DocumentColumn)

    def header_text(self, column: int) -> str | None:
        return {
            DocumentColumn.TITLE: self.tr("Document"),
            DocumentColumn.DATE: self.tr("Date"),
            DocumentColumn.SLOT: self.tr("Record"),
            DocumentColumn.CHECK: self.tr("Check"),
        }[DocumentColumn(column)]

    def row_data(self, document: Document, index: AnyIndex, role: int) -> object:
        column = DocumentColumn(index.column())
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
        for row, document in enumerate(self._rows):
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
