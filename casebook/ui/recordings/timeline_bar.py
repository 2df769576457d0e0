"""The recording's timeline: how far playback is, and a numbered mark for each note.

Clicking the bar jumps there; clicking a mark (or pressing its number's note in the list)
jumps to a little before that note was begun. Left and Right move by ten seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from casebook.core.recordings import NoteMark, clock_text, play_from_ms
from casebook.ui.common.look import RECORDING_MARK, qcolor

MARGIN = 14
BAR_HEIGHT = 12
MARK_HIT_PX = 9
STEP_MS = 10_000


class RecordingTimeline(QWidget):
    seek_requested = Signal(int)  # ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording_timeline")
        self.setMinimumHeight(64)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.length_ms = 1  # never zero: positions are fractions of it
        self.position_ms = 0
        self.marks: tuple[NoteMark, ...] = ()

    def sizeHint(self) -> QSize:
        return QSize(600, 64)

    def set_recording(self, length_ms: int, marks: tuple[NoteMark, ...]) -> None:
        self.length_ms = max(1, length_ms)
        self.marks = marks
        self.update()

    def set_position(self, ms: int) -> None:
        self.position_ms = ms
        self.update()

    def _x_of(self, ms: int) -> float:
        width = self.width() - 2 * MARGIN
        return MARGIN + width * min(1.0, max(0.0, ms / self.length_ms))

    def _ms_at(self, x: float) -> int:
        width = max(1, self.width() - 2 * MARGIN)
        return int(min(1.0, max(0.0, (x - MARGIN) / width)) * self.length_ms)

    def mark_at(self, x: float) -> NoteMark | None:
        near = [(abs(self._x_of(m.offset_ms) - x), m) for m in self.marks]
        near = [(d, m) for d, m in near if d <= MARK_HIT_PX]
        return min(near, key=lambda pair: pair[0])[1] if near else None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        top = self.height() - BAR_HEIGHT - 10
        bar = QRectF(MARGIN, top, self.width() - 2 * MARGIN, BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.mid())
        painter.drawRoundedRect(bar, 5, 5)
        played = QRectF(bar)
        played.setRight(self._x_of(self.position_ms))
        painter.setBrush(palette.highlight())
        painter.drawRoundedRect(played, 5, 5)
        mark_colour = qcolor(RECORDING_MARK)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        for number, mark in enumerate(self.marks, start=1):
            x = self._x_of(mark.offset_ms)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark_colour)
            painter.drawPolygon(
                QPolygonF([QPointF(x - 6, top - 14), QPointF(x + 6, top - 14), QPointF(x, top - 3)])
            )
            painter.setPen(palette.text().color())
            painter.drawText(
                QRectF(x - 14, top - 34, 28, 18), Qt.AlignmentFlag.AlignCenter, str(number)
            )
        head = self._x_of(self.position_ms)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.highlight().color().darker(140))
        painter.drawEllipse(QPointF(head, top + BAR_HEIGHT / 2), 9, 9)
        if self.hasFocus():
            painter.setPen(palette.highlight().color())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        mark = self.mark_at(x)
        self.seek_requested.emit(play_from_ms(mark) if mark is not None else self._ms_at(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position().x())
        if mark is not None:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"{clock_text(mark.offset_ms)}  {mark.author}: {mark.text}",
                self,
            )
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left:
            self.seek_requested.emit(max(0, self.position_ms - STEP_MS))
        elif event.key() == Qt.Key.Key_Right:
            self.seek_requested.emit(min(self.length_ms, self.position_ms + STEP_MS))
        else:
            super().keyPressEvent(event)
