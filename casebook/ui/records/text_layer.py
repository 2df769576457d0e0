"""The text read from a photographed page, laid over the picture where it was read.

Each line is a box on the page. With "Show text" on, the boxes are tinted and can be selected
(click a line, or drag across several; Ctrl+A selects all) and copied (Ctrl+C or "Copy text"),
so a family can paste a diagnosis into an e-mail without retyping it. The boxes follow the
canvas's zoom and turn, because they are mapped through the same transformation as the picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPolygonF,
)
from PySide6.QtWidgets import QApplication, QWidget

from casebook.ui.common.look import TEXT_CHOSEN, TEXT_CHOSEN_EDGE, TEXT_FOUND, rgba

MapPoint = Callable[[float, float], QPointF]


@dataclass(frozen=True)
class LaidLine:
    """One recognised line in the page's own pixels (as the OCR saw the picture)."""

    text: str
    corners: tuple[tuple[float, float], ...]


class TextLayer(QWidget):
    """Transparent over the page; draws and selects recognised lines when shown."""

    selection_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("text_layer")
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.lines: tuple[LaidLine, ...] = ()
        self.selected: set[int] = set()
        self._map: MapPoint = lambda x, y: QPointF(x, y)
        self._drag_from: QPointF | None = None
        self._drag_to: QPointF | None = None

    def set_lines(self, lines: Sequence[LaidLine]) -> None:
        self.lines = tuple(lines)
        self.selected.clear()
        self.update()

    def set_mapping(self, map_point: MapPoint) -> None:
        self._map = map_point
        self.update()

    def polygon(self, index: int) -> QPolygonF:
        return QPolygonF([self._map(x, y) for x, y in self.lines[index].corners])

    def selected_text(self) -> str:
        chosen = sorted(self.selected) or range(len(self.lines))
        return "\n".join(self.lines[i].text for i in chosen)

    def select_all(self) -> None:
        self.selected = set(range(len(self.lines)))
        self._changed()

    def copy(self) -> str:
        """Put the selected lines (all of them when none is selected) on the clipboard."""
        text = self.selected_text()
        QApplication.clipboard().setText(text)
        return text

    def _changed(self) -> None:
        self.update()
        self.selection_changed.emit(self.selected_text() if self.selected else "")

    def _line_at(self, point: QPointF) -> int | None:
        for index in range(len(self.lines)):
            if self.polygon(index).containsPoint(point, Qt.FillRule.OddEvenFill):
                return index
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        self._drag_from = self._drag_to = event.position()
        hit = self._line_at(event.position())
        self.selected = {hit} if hit is not None else set()
        self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        self._drag_to = event.position()
        band = QRectF(self._drag_from, self._drag_to).normalized()
        self.selected = {
            i for i in range(len(self.lines)) if self.polygon(i).boundingRect().intersects(band)
        }
        self._changed()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._drag_from = self._drag_to = None
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = rgba(TEXT_FOUND)
        chosen = rgba(TEXT_CHOSEN)
        edge = rgba(TEXT_CHOSEN_EDGE)
        for index in range(len(self.lines)):
            polygon = self.polygon(index)
            painter.setPen(edge if index in self.selected else Qt.PenStyle.NoPen)
            painter.setBrush(chosen if index in self.selected else tint)
            painter.drawPolygon(polygon)
        if self._drag_from is not None and self._drag_to is not None:
            painter.setPen(edge)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self._drag_from, self._drag_to).normalized())
        painter.end()
