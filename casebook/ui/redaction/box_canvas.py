"""One page with the boxes to hide: drag to draw a box, right-click a box to remove it.

Boxes are kept in fractions of the page (`core.redaction.Box`), so they stay in place however
large the page is shown. Kept boxes are drawn solid black, as the copy will show them;
suggestions not yet accepted are drawn as a dashed outline.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from casebook.core.redaction import Box
from casebook.ui.common.look import (
    REDACTION_BACKGROUND,
    REDACTION_BOX,
    REDACTION_DRAWING,
    REDACTION_FILL,
    qcolor,
)


class BoxCanvas(QWidget):
    """`boxes_changed` after the family draws or removes a box."""

    boxes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redaction_canvas")
        self.setMinimumSize(240, 200)  # the page is scaled to fit; small screens (960 × 540) too
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.page = 0
        self.image = QImage()
        self.kept: list[Box] = []  # every page's boxes the copy will hide
        self.suggested: list[Box] = []  # this page's suggestions not (yet) accepted
        self._start: QPointF | None = None
        self._current: QPointF | None = None

    def show_page(self, page: int, image: QImage) -> None:
        self.page, self.image = page, image
        self.update()

    def page_rect(self) -> QRectF:
        """Where the page is drawn: as large as fits, centred."""
        if self.image.isNull():
            return QRectF()
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        width, height = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def _to_page(self, point: QPointF) -> tuple[float, float]:
        rect = self.page_rect()
        return ((point.x() - rect.x()) / rect.width(), (point.y() - rect.y()) / rect.height())

    def _on_screen(self, box: Box) -> QRectF:
        rect = self.page_rect()
        return QRectF(
            rect.x() + box.left * rect.width(),
            rect.y() + box.top * rect.height(),
            (box.right - box.left) * rect.width(),
            (box.bottom - box.top) * rect.height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), qcolor(REDACTION_BACKGROUND))
        if self.image.isNull():
            return
        painter.drawImage(self.page_rect(), self.image)
        for box in self.kept:
            if box.page == self.page:
                painter.fillRect(self._on_screen(box), qcolor(REDACTION_FILL))
        pen = QPen(qcolor(REDACTION_DRAWING), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for box in self.suggested:
            if box.page == self.page:
                painter.drawRect(self._on_screen(box))
        if self._start is not None and self._current is not None:
            painter.setPen(QPen(qcolor(REDACTION_BOX), 2))
            painter.drawRect(QRectF(self._start, self._current).normalized())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.image.isNull():
            return
        if event.button() == Qt.MouseButton.RightButton:
            x, y = self._to_page(event.position())
            remaining = [
                b for b in self.kept
                if not (b.page == self.page and b.left <= x <= b.right and b.top <= y <= b.bottom)
            ]  # fmt: skip
            if len(remaining) != len(self.kept):
                self.kept = remaining
                self.boxes_changed.emit()
                self.update()
            return
        self._start = self._current = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._current = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        (left, top), (right, bottom) = self._to_page(self._start), self._to_page(event.position())
        self._start = self._current = None
        box = Box(self.page, left, top, right, bottom).normalised()
        if box.usable:
            self.kept.append(box)
            self.boxes_changed.emit()
        self.update()
