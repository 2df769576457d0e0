"""The diary chart on screen: paints `DiaryChartPainter` at the widget's width."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from casebook.core.diary import DiaryChart
from casebook.ui.diary.chart_painter import DiaryChartPainter


class DiaryChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diary_chart")
        self.setAccessibleName(self.tr("Chart of the diary entries over time"))
        self.chart: DiaryChart | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(80)

    def set_chart(self, chart: DiaryChart) -> None:
        self.chart = chart
        self.setFixedHeight(int(self._painter().height) + 2)
        self.update()

    def _painter(self) -> DiaryChartPainter:
        assert self.chart is not None
        return DiaryChartPainter(self.chart, float(self.width()), self.font())

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.chart is not None:
            self.setFixedHeight(int(self._painter().height) + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.chart is None:
            return
        painter = QPainter(self)
        try:
            self._painter().paint(painter, self.palette())
        finally:
            painter.end()
