"""The series of one study as a grid of thumbnails with modality, description and image count.

Thumbnails are lazy: `data(DecorationRole)` asks the cache, which schedules a job on a miss;
when the picture arrives the cache announces it and this model emits `dataChanged` for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from casebook.services.imaging.previews import SERIES_THUMBNAIL_SIZE
from casebook.services.imaging.records import SeriesRecord
from casebook.ui.common.look import (
    IMAGE_BACKGROUND,
    IMAGE_PLACEHOLDER,
    IMAGE_PLACEHOLDER_TEXT,
    qcolor,
)
from casebook.ui.imaging.series_thumbnails import SeriesThumbnailCache
from casebook.ui.imaging.texts import image_count

SeriesRole = Qt.ItemDataRole.UserRole + 1  # the SeriesRecord
ThumbnailReadyRole = Qt.ItemDataRole.UserRole + 2  # True once the picture (or its lack) is known

AnyIndex = QModelIndex | QPersistentModelIndex
ICON_SIZE = QSize(SERIES_THUMBNAIL_SIZE, SERIES_THUMBNAIL_SIZE)


def _placeholder(text: str) -> QPixmap:
    """A dark square with a word, where the picture will be (or could not be made)."""
    pixmap = QPixmap(ICON_SIZE)
    pixmap.fill(qcolor(IMAGE_PLACEHOLDER))
    painter = QPainter(pixmap)
    painter.setPen(qcolor(IMAGE_PLACEHOLDER_TEXT))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return pixmap


class SeriesModel(QAbstractListModel):
    """One item per series; the decoration is the series' middle slice."""

    def __init__(self, thumbnails: SeriesThumbnailCache, parent: Any = None) -> None:
        super().__init__(parent)
        self._series: list[SeriesRecord] = []
        self._thumbnails = thumbnails
        self._waiting = _placeholder(self.tr("Preparing…"))
        self._no_preview = _placeholder(self.tr("No preview"))
        thumbnails.arrived.connect(self._thumbnail_arrived)

    def set_entries(self, series: list[SeriesRecord]) -> None:
        self.beginResetModel()
        self._series = list(series)
        self.endResetModel()

    def series(self, row: int) -> SeriesRecord:
        return self._series[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._series)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._series):
            return None
        series = self._series[index.row()]
        if role == SeriesRole:
            return series
        if role == Qt.ItemDataRole.DisplayRole:
            return self._caption(series)
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self._thumbnails.problem(series.id)
            caption = self._caption(series)
            no_preview = self.tr("No preview")  # lupdate skips tr() in f-strings
            return f"{caption}\n{no_preview}" if problem else caption
        if role == Qt.ItemDataRole.DecorationRole:
            image = self._thumbnails.image(series.id)
            if image is not None:
                return self._framed(image)
            return self._no_preview if self._thumbnails.has_result(series.id) else self._waiting
        if role == ThumbnailReadyRole:
            return self._thumbnails.has_result(series.id)
        return None

    def _caption(self, series: SeriesRecord) -> str:
        description = series.description or self.tr("(no description)")
        count = image_count(series.image_count)
        return f"{series.modality} · {description}\n{count}"

    @staticmethod
    def _framed(image: QImage) -> QPixmap:
        """The thumbnail centred on a dark square, so the grid lines up whatever the shape."""
        pixmap = QPixmap(ICON_SIZE)
        pixmap.fill(qcolor(IMAGE_BACKGROUND))
        painter = QPainter(pixmap)
        x = (ICON_SIZE.width() - image.width()) // 2
        y = (ICON_SIZE.height() - image.height()) // 2
        painter.drawImage(x, y, image)
        painter.end()
        return pixmap

    def _thumbnail_arrived(self, series_id: int) -> None:
        for row, series in enumerate(self._series):
            if series.id == series_id:
                index = self.index(row, 0)
                self.dataChanged.emit(
                    index,
                    index,
                    [
                        Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.ToolTipRole,
                        ThumbnailReadyRole,
                    ],
                )
