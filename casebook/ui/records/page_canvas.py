"""Shows one rendered page or picture, zoomed and turned, in a scrollable area.

Pages arrive already rendered (by `previews.render_page` in a background job); zooming and
turning only transform the picture in memory, so they are instant and never re-read the file.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from casebook.ui.records.text_layer import LaidLine, TextLayer

MIN_ZOOM = 0.1
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25


class PageCanvas(QScrollArea):
    """`zoom` 1.0 shows the rendered page pixel for pixel; `fit()` makes all of it visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_canvas")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setWordWrap(True)
        self.setWidget(self.page_label)
        self.setWidgetResizable(False)
        self._image: QImage | None = None
        self.zoom = 1.0
        self.rotation = 0
        self.fitting = True
        # Text read from the page, over it; hidden until the family asks to see it.
        self.text_layer = TextLayer(self.page_label)
        self.text_layer.hide()
        self._text_source_width = 0  # the width of the picture the OCR read

    @property
    def image(self) -> QImage | None:
        return self._image

    def set_text_lines(self, lines: list[LaidLine], source_width: int) -> None:
        """The recognised lines, in the pixels of a picture `source_width` wide."""
        self._text_source_width = source_width
        self.text_layer.set_lines(lines)
        self._place_text_layer()

    def show_text(self, shown: bool) -> None:
        self.text_layer.setVisible(shown and self._image is not None)
        self._place_text_layer()

    def map_point(self, x: float, y: float) -> QPointF:
        """A point of the OCR's picture on the shown (zoomed, turned) page."""
        image = self._image
        if image is None or self._text_source_width <= 0:
            return QPointF(x, y)
        scale = image.width() / self._text_source_width
        x, y = x * scale, y * scale
        w, h = image.width(), image.height()
        turned = {0: (x, y), 90: (h - y, x), 180: (w - x, h - y), 270: (y, w - x)}
        tx, ty = turned[self.rotation]
        return QPointF(tx * self.zoom, ty * self.zoom)

    def _place_text_layer(self) -> None:
        self.text_layer.setGeometry(0, 0, self.page_label.width(), self.page_label.height())
        self.text_layer.set_mapping(self.map_point)

    def show_message(self, text: str) -> None:
        """Words instead of a page (while it is prepared, or when it cannot be shown)."""
        self.text_layer.hide()
        self.page_label.setPixmap(QPixmap())
        self.page_label.setText(text)
        self.page_label.resize(max(self.viewport().width() - 4, 200), 120)
        self.page_label.setMinimumSize(0, 0)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self._refresh()

    def displayed_pixmap(self) -> QPixmap:
        return self.page_label.pixmap()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def set_zoom(self, zoom: float) -> None:
        self.fitting = False
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._refresh()

    def fit(self) -> None:
        """Zoom so the whole page is visible (and keep fitting as the window resizes)."""
        self.fitting = True
        self._refresh()

    def rotate_clockwise(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self._refresh()

    def _turned(self) -> QImage | None:
        if self._image is None or self.rotation == 0:
            return self._image
        return self._image.transformed(QTransform().rotate(self.rotation))

    def _fitting_zoom(self, image: QImage) -> float:
        space = self.viewport().size()
        width = max(space.width() - 16, 50)
        height = max(space.height() - 16, 50)
        return max(MIN_ZOOM, min(width / image.width(), height / image.height(), MAX_ZOOM))

    def _refresh(self) -> None:
        image = self._turned()
        if image is None or image.isNull():
            return
        if self.fitting:
            self.zoom = self._fitting_zoom(image)
        width = max(1, round(image.width() * self.zoom))
        height = max(1, round(image.height() * self.zoom))
        pixmap = QPixmap.fromImage(
            image.scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.page_label.setText("")
        self.page_label.setPixmap(pixmap)
        self.page_label.resize(pixmap.size())
        self._place_text_layer()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self._refresh()
