"""Draws the diary chart with a QPainter: the timeline's treatments above, one row per
symptom below, one mark per entry whose size and number of rings say how bad it was.

It borrows the timeline's lane colour and lane name for treatments and its row packing, so a
treatment looks the same on both pages; the symptom rows are the diary's own.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from casebook.core.diary import DiaryChart, Severity
from casebook.core.timeline import Lane
from casebook.ui.common.look import DIARY_MARK, ON_COLOUR_TEXT, current_colours, qcolor
from casebook.ui.diary.words import symptom_text
from casebook.ui.timeline.chart_painter import LANE_COLOURS
from casebook.ui.timeline.labels import lane_label
from casebook.ui.timeline.layout import pack_rows

LABEL_COLUMN = 200.0
AXIS_HEIGHT = 30.0
ROW_HEIGHT = 30.0
BAR_HEIGHT = 18.0
MARK = qcolor(DIARY_MARK)
RADIUS = {Severity.MILD: 4.0, Severity.MODERATE: 6.5, Severity.SEVERE: 9.0}


def _short_day(locale: QLocale, day: date) -> str:
    """ "5 Nov" / "11月5日": the axis needs no year."""
    if locale.language() == QLocale.Language.Chinese:
        return f"{day.month}月{day.day}日"
    return locale.toString(QDate(day.year, day.month, day.day), "d MMM")


class DiaryChartPainter:
    """Geometry and drawing of one chart in a `width` × computed height box."""

    def __init__(self, chart: DiaryChart, width: float, font: QFont) -> None:
        self.chart = chart
        self.width = max(width, LABEL_COLUMN + 100)
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.day_width = (self.width - LABEL_COLUMN - 12) / chart.days
        self._bars = self._place_bars()
        self.treatment_rows = max(self._bars.values(), default=-1) + 1

    @property
    def height(self) -> float:
        treatments = max(1, self.treatment_rows) * (BAR_HEIGHT + 4) + 10
        return AXIS_HEIGHT + treatments + len(self.chart.rows) * ROW_HEIGHT + 8

    def x(self, day: date) -> float:
        return LABEL_COLUMN + (day - self.chart.first).days * self.day_width

    def _place_bars(self) -> dict[int, int]:
        extents = []
        for span in self.chart.treatments:
            left = max(self.x(span.begin), LABEL_COLUMN)
            extents.append((left, self.x(span.end) + self.day_width))
        rows = pack_rows(extents, gap=2.0)
        return {span.event_id: row for span, row in zip(self.chart.treatments, rows, strict=True)}

    def paint(self, painter: QPainter, palette: QPalette) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = palette.color(QPalette.ColorRole.Text)
        rule = palette.color(QPalette.ColorRole.Mid)
        shade = palette.color(QPalette.ColorRole.AlternateBase)
        self._paint_axis(painter, text, rule)
        top = AXIS_HEIGHT
        lane = max(1, self.treatment_rows) * (BAR_HEIGHT + 4) + 10
        painter.fillRect(QRectF(0, top, self.width, lane), shade)
        colour = LANE_COLOURS[Lane.TREATMENT]
        painter.setFont(self.bold)
        painter.setPen(colour)
        box = QRectF(8, top, LABEL_COLUMN - 14, lane)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
                         lane_label(Lane.TREATMENT))  # fmt: skip
        metrics = QFontMetricsF(self.small)
        for span in self.chart.treatments:
            bar_row = self._bars[span.event_id]
            left = max(self.x(span.begin), LABEL_COLUMN)
            right = min(self.x(span.end) + self.day_width, self.width - 12)
            rect = QRectF(
                left, top + 5 + bar_row * (BAR_HEIGHT + 4), max(right - left, 3), BAR_HEIGHT
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setFont(self.small)
            painter.setPen(qcolor(ON_COLOUR_TEXT))
            label = metrics.elidedText(span.title, Qt.TextElideMode.ElideRight, rect.width() - 8)
            painter.drawText(rect.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter), label)
        top += lane
        for index, row in enumerate(self.chart.rows):
            row_top = top + index * ROW_HEIGHT
            painter.setPen(QPen(rule, 1))
            painter.drawLine(
                QPointF(0, row_top + ROW_HEIGHT), QPointF(self.width, row_top + ROW_HEIGHT)
            )
            painter.setFont(self.font)
            painter.setPen(text)
            name = QFontMetricsF(self.font).elidedText(
                symptom_text(row.symptom_key, row.label), Qt.TextElideMode.ElideRight,
                LABEL_COLUMN - 16,
            )  # fmt: skip
            painter.drawText(QRectF(8, row_top, LABEL_COLUMN - 12, ROW_HEIGHT),
                             int(Qt.AlignmentFlag.AlignVCenter), name)  # fmt: skip
            for entry in row.entries:
                centre = QPointF(
                    self.x(entry.noted_on) + self.day_width / 2, row_top + ROW_HEIGHT / 2
                )
                radius = RADIUS[entry.severity]
                painter.setPen(QPen(qcolor(ON_COLOUR_TEXT), 1.2))
                painter.setBrush(QBrush(MARK))
                painter.drawEllipse(centre, radius, radius)

    def _paint_axis(self, painter: QPainter, text: QColor, rule: QColor) -> None:
        painter.setFont(self.small)
        locale = QLocale()
        step = 7 if self.chart.days <= 120 else 30
        day = self.chart.first
        bottom = self.height - 8
        while day <= self.chart.last:
            x = self.x(day)
            painter.setPen(QPen(rule, 1))
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 6), QPointF(x, bottom))
            painter.setPen(text)
            label = _short_day(locale, day)
            painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 10), label)
            day += timedelta(days=step)
        today = self.chart.last
        x = self.x(today) + self.day_width / 2
        painter.setPen(QPen(qcolor(current_colours().today_line), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, bottom))
