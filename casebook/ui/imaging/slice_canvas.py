"""Draws one windowed slice with zoom, pan and an overlay of text in the corners.

The canvas only paints and turns mouse gestures into signals: dragging with the left button
changes the window (contrast), dragging with the right button (or Shift + left) moves the
picture, the wheel steps through slices and Ctrl + wheel zooms. The viewer decides the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from casebook.ui.common.look import (
    IMAGE_BACKGROUND,
    IMAGE_TEXT,
    IMAGE_TEXT_BRIGHT,
    IMAGE_TEXT_SHADOW,
    qcolor,
    rgba,
)

MIN_ZOOM = 0.25
MAX_ZOOM = 16.0
ZOOM_STEP = 1.25
_MARGIN = 12


class SliceCanvas(QWidget):
    """`zoom` 1.0 fits the whole image into the widget; `pan` moves it in screen pixels."""

    window_dragged = Signal(int, int)  # dx (width), dy (level) in screen pixels since last
    slice_scrolled = Signal(int)  # +1 next slice, -1 previous
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slice_canvas")
        self.setMinimumSize(320, 240)  # a small screen shrinks the picture, not the controls
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.image: QImage | None = None
        self.column_ratio = 1.0
        self.zoom = 1.0
        self.pan = QPointF(0.0, 0.0)
        self.message = ""
        self.corners: dict[Qt.Corner, list[str]] = {}
        self._drag_start: QPoint | None = None
        self._drag_button = Qt.MouseButton.NoButton

    # State ---------------------------------------------------------------------------------

    def set_image(self, image: QImage, column_ratio: float = 1.0) -> None:
        self.image = image
        self.column_ratio = column_ratio
        self.message = ""
        self.update()

    def show_message(self, text: str) -> None:
        """Words instead of a picture (while preparing, or when it cannot be shown)."""
        self.image = None
        self.message = text
        self.update()

    def set_corner_text(self, corner: Qt.Corner, lines: list[str]) -> None:
        self.corners[corner] = lines
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self.update()
        self.view_changed.emit()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit(self) -> None:
        self.pan = QPointF(0.0, 0.0)
        self.set_zoom(1.0)

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in widget coordinates."""
        if self.image is None or self.image.isNull():
            return QRectF()
        width = self.image.width() * self.column_ratio
        height = float(self.image.height())
        fit = min((self.width() - 2 * _MARGIN) / width, (self.height() - 2 * _MARGIN) / height)
        scale = max(fit, 0.01) * self.zoom
        shown_w, shown_h = width * scale, height * scale
        left = (self.width() - shown_w) / 2 + self.pan.x()
        top = (self.height() - shown_h) / 2 + self.pan.y()
        return QRectF(left, top, shown_w, shown_h)

    # Painting ------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), qcolor(IMAGE_BACKGROUND))
        if self.image is not None and not self.image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.zoom < 3.0)
            painter.drawImage(self.image_rect(), self.image)
            self._paint_corners(painter)
        elif self.message:
            painter.setPen(qcolor(IMAGE_TEXT))
            area = self.rect().adjusted(40, 40, -40, -40)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
            )
        painter.end()

    def _paint_corners(self, painter: QPainter) -> None:
        font = QFont(self.font())
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line_height = metrics.height()
        for corner, lines in self.corners.items():
            right = corner in (Qt.Corner.TopRightCorner, Qt.Corner.BottomRightCorner)
            bottom = corner in (Qt.Corner.BottomLeftCorner, Qt.Corner.BottomRightCorner)
            for number, line in enumerate(lines):
                if not line:
                    continue
                width = metrics.horizontalAdvance(line)
                x = self.width() - _MARGIN - width if right else _MARGIN
                row = (len(lines) - 1 - number) if bottom else number
                y = (
                    self.height() - _MARGIN - row * line_height - metrics.descent()
                    if bottom
                    else _MARGIN + row * line_height + metrics.ascent()
                )
                painter.setPen(rgba(IMAGE_TEXT_SHADOW))  # keeps the text readable on white
                painter.drawText(x + 1, y + 1, line)
                painter.setPen(qcolor(IMAGE_TEXT_BRIGHT))
                painter.drawText(x, y, line)

    # Gestures ------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y()
        if steps == 0:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if steps > 0 else self.zoom_out()
        else:
            self.slice_scrolled.emit(-1 if steps > 0 else 1)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag_start = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.LeftButton and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            button = Qt.MouseButton.RightButton
        self._drag_button = button
        self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_start is None:
            return
        point = event.position().toPoint()
        delta = point - self._drag_start
        self._drag_start = point
        if self._drag_button == Qt.MouseButton.LeftButton:
            self.window_dragged.emit(delta.x(), delta.y())
        elif self._drag_button in (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton):
            self.pan += QPointF(delta)
            self.update()
            self.view_changed.emit()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._drag_start = None
        self._drag_button = Qt.MouseButton.NoButton

    def mouseDoubleClickEvent(self, _event: QMouseEvent) -> None:
        self.fit()
