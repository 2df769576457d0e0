"""The zoomable visual timeline: fits the window at first, zooms with buttons or Ctrl+wheel,
scrolls sideways when zoomed in; double-clicking an event opens it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from casebook.ui.timeline.chart_painter import LABEL_COLUMN, ChartPainter, PlacedItem
from casebook.ui.timeline.layout import ChartData

ZOOM_STEP = 1.5
MAX_DAY_WIDTH = 40.0


class _ChartCanvas(QWidget):
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_chart_canvas")
        self.painter: ChartPainter | None = None
        self.placed: list[PlacedItem] = []
        self.setMouseTracking(True)

    def set_painter(self, painter: ChartPainter) -> None:
        self.painter = painter
        self.setFixedSize(QSize(int(painter.width), int(painter.height)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.painter is None:
            return
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            self.placed = self.painter.paint(painter)
        finally:
            painter.end()

    def item_at(self, point: QPointF) -> int | None:
        for placed in reversed(self.placed):
            if placed.rect.contains(point):
                return placed.item.event_id
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.item_at(event.position())
        if found is not None:
            self.activated.emit(found)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.item_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)


class TimelineChartView(QScrollArea):
    """The chart in a scroll area. `event_activated(event_id)` on double-click."""

    event_activated = Signal(int)
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_chart")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.canvas = _ChartCanvas()
        self.canvas.activated.connect(self.event_activated)
        self.setWidget(self.canvas)
        self.data: ChartData | None = None
        self.zoom = 1.0  # 1.0 = fit the width

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self._relayout()

    def fit_day_width(self) -> float:
        """The scale at which the whole chart, labels included, fits the visible width."""
        if self.data is None:
            return 1.0
        width = max(400.0, float(self.viewport().width()))
        day_width = max(0.05, (width - LABEL_COLUMN - 28) / self.data.days)
        for _attempt in range(30):
            if ChartPainter(self.data, day_width, self.font()).width <= width:
                break
            day_width *= 0.95
        return day_width

    @property
    def day_width(self) -> float:
        return min(MAX_DAY_WIDTH, self.fit_day_width() * self.zoom)

    def can_zoom_in(self) -> bool:
        return self.day_width < MAX_DAY_WIDTH

    def can_zoom_out(self) -> bool:
        return self.zoom > 1.0

    def zoom_in(self) -> None:
        if self.can_zoom_in():
            self._set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(max(1.0, self.zoom / ZOOM_STEP))

    def fit(self) -> None:
        self._set_zoom(1.0)

    def _set_zoom(self, zoom: float) -> None:
        bar = self.horizontalScrollBar()
        centre = (bar.value() + self.viewport().width() / 2) / max(1, self.canvas.width())
        self.zoom = zoom
        self._relayout()
        bar.setValue(int(centre * self.canvas.width() - self.viewport().width() / 2))
        self.zoom_changed.emit()

    def _relayout(self) -> None:
        if self.data is not None:
            self.canvas.set_painter(ChartPainter(self.data, self.day_width, self.font()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            else:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)
