"""Draws the visual timeline with a QPainter: on screen, and on paper or PDF the same way.

Lanes for diagnosis, treatments, imaging and consultations; lines of therapy as bars from start
to end; a date known only to the month or year as a hatched range, so an imprecise date never
looks precise. Each lane has its own marker shape as well as its colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QPolygonF,
)

from casebook.core.timeline import Lane
from casebook.ui.common.look import (
    LANE_CONSULTATION,
    LANE_DIAGNOSIS,
    LANE_IMAGING,
    LANE_TREATMENT,
    LIGHT,
    ON_COLOUR_TEXT,
    Colours,
    current_colours,
    qcolor,
)
from casebook.ui.timeline.labels import lane_label
from casebook.ui.timeline.layout import ChartData, ChartItem, pack_rows

LABEL_COLUMN = 190.0
AXIS_HEIGHT = 44.0
ROW_HEIGHT = 36.0
LANE_PADDING = 10.0
MAX_LABEL = 240.0

LANE_COLOURS = {
    Lane.DIAGNOSIS: qcolor(LANE_DIAGNOSIS),
    Lane.TREATMENT: qcolor(LANE_TREATMENT),
    Lane.IMAGING: qcolor(LANE_IMAGING),
    Lane.CONSULTATION: qcolor(LANE_CONSULTATION),
}


@dataclass(frozen=True)
class _Ink:
    """The chart's neutral colours: the light scheme's on paper, the screen's own otherwise."""

    shade_even: QColor
    shade_odd: QColor
    rule: QColor
    year_rule: QColor
    month_rule: QColor
    text: QColor
    muted: QColor
    today: QColor
    dark: bool = False


def _ink_for(painter: QPainter) -> _Ink:
    on_paper = isinstance(painter.device(), QPagedPaintDevice)
    return _ink_of(LIGHT if on_paper else current_colours())


def _ink_of(c: Colours) -> _Ink:
    return _Ink(
        qcolor(c.alternate),
        qcolor(c.base),
        qcolor(c.grid),
        qcolor(c.rule_strong),
        qcolor(c.button_hover),
        qcolor(c.text),
        qcolor(c.hint),
        qcolor(c.today_line),
        dark=qcolor(c.window).lightness() < 128,
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineChart", text)


@dataclass(frozen=True)
class PlacedItem:
    item: ChartItem
    rect: QRectF  # the bar or marker area, for hit tests


class ChartPainter:
    """Geometry and drawing of one chart at one zoom (`day_width` pixels per day)."""

    def __init__(self, data: ChartData, day_width: float, font: QFont) -> None:
        self._ink = _ink_of(LIGHT)
        self.data = data
        self.day_width = day_width
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(font)
        if font.pixelSize() > 0:  # printing: sizes in logical page units
            self.small.setPixelSize(max(8, round(font.pixelSize() * 0.85)))
        else:
            self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        self._metrics = QFontMetricsF(self.font)
        self._rows: dict[int, int] = {}
        self.lane_rows: dict[Lane, int] = {}
        self._place_rows()

    @property
    def width(self) -> float:
        """The drawing's width, including labels that run past the last day."""
        return max(LABEL_COLUMN + self.data.days * self.day_width + 24, self.content_right + 12)

    @property
    def content_right(self) -> float:
        return max((self._extent(item)[1] for item in self.data.items), default=0.0)

    @property
    def height(self) -> float:
        return AXIS_HEIGHT + sum(self._lane_height(lane) for lane in Lane) + 8

    def x(self, day: date) -> float:
        return LABEL_COLUMN + (day - self.data.first).days * self.day_width

    def _label_width(self, item: ChartItem) -> float:
        return min(MAX_LABEL, self._metrics.horizontalAdvance(item.label)) + 10

    def _extent(self, item: ChartItem) -> tuple[float, float]:
        left = self.x(item.begin)
        right = self.x(item.end) + self.day_width
        label = self._label_width(item)
        if item.is_span:
            if right - left >= label + 12:  # the label fits inside the bar
                return left, right
            return left, right + 6 + label + (10 if item.ongoing else 0)
        return left - 8, max(right, left + 8) + label + 4

    def _place_rows(self) -> None:
        for lane in Lane:
            items = [item for item in self.data.items if item.lane is lane]
            rows = pack_rows([self._extent(item) for item in items])
            for item, row in zip(items, rows, strict=True):
                self._rows[id(item)] = row
            self.lane_rows[lane] = max(rows, default=0) + 1

    def _lane_height(self, lane: Lane) -> float:
        return self.lane_rows[lane] * ROW_HEIGHT + 2 * LANE_PADDING

    def _lane_top(self, lane: Lane) -> float:
        top = AXIS_HEIGHT
        for other in Lane:
            if other is lane:
                return top
            top += self._lane_height(other)
        raise AssertionError("unreachable")

    # --- drawing ---------------------------------------------------------------------------

    def paint(self, painter: QPainter) -> list[PlacedItem]:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._ink = _ink_for(painter)
        self._paint_lanes(painter)
        self._paint_axis(painter)
        placed = [self._paint_item(painter, item) for item in self.data.items]
        self._paint_today(painter)
        return placed

    def _paint_lanes(self, painter: QPainter) -> None:
        for index, lane in enumerate(Lane):
            top, height = self._lane_top(lane), self._lane_height(lane)
            shade = self._ink.shade_even if index % 2 == 0 else self._ink.shade_odd
            painter.fillRect(QRectF(0, top, self.width, height), shade)
            painter.setPen(QPen(self._ink.rule, 1))
            painter.drawLine(QPointF(0, top), QPointF(self.width, top))
            painter.setFont(self.bold)
            lane_colour = LANE_COLOURS[lane]
            painter.setPen(lane_colour.lighter(160) if self._ink.dark else lane_colour.darker(130))
            box = QRectF(14, top, LABEL_COLUMN - 24, height)
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(box, int(flags), lane_label(lane))
        bottom = self._lane_top(Lane.CONSULTATION) + self._lane_height(Lane.CONSULTATION)
        painter.setPen(QPen(self._ink.rule, 1))
        painter.drawLine(QPointF(0, bottom), QPointF(self.width, bottom))
        painter.drawLine(QPointF(LABEL_COLUMN - 6, 0), QPointF(LABEL_COLUMN - 6, bottom))

    def _paint_axis(self, painter: QPainter) -> None:
        first, last = self.data.first, self.data.last
        bottom = self.height - 8
        month_width = 30.4 * self.day_width
        locale = QLocale()
        painter.setFont(self.small)
        for year in range(first.year, last.year + 2):
            for month in range(1, 13):
                day = date(year, month, 1)
                if day < first or day > last:
                    continue
                x = self.x(day)
                if month == 1:
                    painter.setPen(QPen(self._ink.year_rule, 1))
                    painter.drawLine(QPointF(x, AXIS_HEIGHT - 16), QPointF(x, bottom))
                    painter.setFont(self.bold)
                    painter.setPen(self._ink.text)
                    # A year whose label would be cut at the right edge ("202") is not named.
                    if x + 4 + QFontMetricsF(self.bold).horizontalAdvance(str(year)) <= self.width:
                        painter.drawText(QPointF(x + 4, 18), str(year))
                    painter.setFont(self.small)
                elif month_width >= 14:
                    painter.setPen(QPen(self._ink.month_rule, 1))
                    painter.drawLine(QPointF(x, AXIS_HEIGHT - 6), QPointF(x, bottom))
                if month_width >= 34:
                    painter.setPen(self._ink.muted)
                    name = locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat)
                    painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 8), name)
        next_year = self.x(date(first.year + 1, 1, 1))
        if first.month != 1 and next_year - LABEL_COLUMN > 60:
            painter.setFont(self.bold)
            painter.setPen(self._ink.text)
            painter.drawText(QPointF(LABEL_COLUMN + 2, 18), str(first.year))

    def _paint_today(self, painter: QPainter) -> None:
        today = self.data.today
        if not self.data.first <= today <= self.data.last:
            return
        x = self.x(today)
        pen = QPen(self._ink.today, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, self.height - 8))
        # Below the years, in the row of month names, on a patch of its own: a "Today" drawn
        # at the years' height ran into a year that begins close by ("今天" over "2027").
        painter.setFont(self.small)
        label = _tr("Today")
        metrics = QFontMetricsF(self.small)
        width = metrics.horizontalAdvance(label) + 6
        left = x + 2 if x + 2 + width <= self.width else x - 2 - width
        patch = QRectF(left, AXIS_HEIGHT - 8 - metrics.ascent() - 2, width, metrics.height() + 2)
        painter.fillRect(patch, self._ink.shade_even)
        painter.drawText(patch, int(Qt.AlignmentFlag.AlignCenter), label)

    def _paint_item(self, painter: QPainter, item: ChartItem) -> PlacedItem:
        colour = LANE_COLOURS[item.lane]
        row = self._rows[id(item)]
        top = self._lane_top(item.lane) + LANE_PADDING + row * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        left = self.x(item.begin)
        right = self.x(item.end) + self.day_width
        if item.is_span:
            rect = QRectF(left, top + 5, max(right - left, 4), ROW_HEIGHT - 10)
            self._paint_bar(painter, item, rect, colour)
            label_left = rect.left() + 6
            text_colour = qcolor(ON_COLOUR_TEXT)
            if rect.width() < self._label_width(item) + 12:
                label_left, text_colour = rect.right() + 6, self._ink.text
        else:
            rect = QRectF(left, top + 9, max(right - left, 0), ROW_HEIGHT - 18)
            if not item.precise:
                self._paint_range(painter, rect, colour)
            self._paint_marker(painter, item.lane, QPointF(left, middle), colour)
            label_left, text_colour = max(rect.right(), left) + 10, self._ink.text
        painter.setFont(self.font)
        painter.setPen(text_colour)
        text = self._metrics.elidedText(item.label, Qt.TextElideMode.ElideRight, MAX_LABEL)
        box = QRectF(label_left, top, MAX_LABEL + 4, ROW_HEIGHT)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), text)
        return PlacedItem(item, rect.adjusted(-8, -6, 8, 6))

    def _paint_bar(self, painter: QPainter, item: ChartItem, rect: QRectF, colour: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        sure_left = self.x(item.sure_begin)
        sure_right = self.x(item.sure_end) + self.day_width
        pale = QColor(colour)
        pale.setAlpha(90)
        painter.setBrush(QBrush(pale))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setBrush(QBrush(colour))
        if sure_right > sure_left:
            painter.drawRect(QRectF(sure_left, rect.top(), sure_right - sure_left, rect.height()))
        # Uncertain ends are hatched, so a month-only start never reads as a precise day.
        painter.setBrush(QBrush(colour.darker(140), Qt.BrushStyle.BDiagPattern))
        if sure_left > rect.left():
            painter.drawRect(
                QRectF(rect.left(), rect.top(), sure_left - rect.left(), rect.height())
            )
        if sure_right < rect.right() and not item.ongoing:
            uncertain = QRectF(sure_right, rect.top(), rect.right() - sure_right, rect.height())
            painter.drawRect(uncertain)
        if item.ongoing:
            tip = QPolygonF(
                [
                    QPointF(rect.right(), rect.top() - 3),
                    QPointF(rect.right() + 10, rect.center().y()),
                    QPointF(rect.right(), rect.bottom() + 3),
                ]
            )
            painter.setBrush(QBrush(colour))
            painter.drawPolygon(tip)

    def _paint_range(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        pale = QColor(colour)
        pale.setAlpha(60)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(pale))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        painter.drawRoundedRect(rect, 3, 3)

    def _paint_marker(self, painter: QPainter, lane: Lane, at: QPointF, colour: QColor) -> None:
        painter.setPen(QPen(qcolor(ON_COLOUR_TEXT), 1.5))
        painter.setBrush(QBrush(colour))
        size = 7.0
        x, y = at.x(), at.y()
        if lane is Lane.IMAGING:
            shape = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
            painter.drawPolygon(QPolygonF([QPointF(a, b) for a, b in shape]))
        elif lane is Lane.CONSULTATION:
            shape = [(x, y - size), (x + size, y + size), (x - size, y + size)]
            painter.drawPolygon(QPolygonF([QPointF(a, b) for a, b in shape]))
        elif lane is Lane.TREATMENT:
            painter.drawRect(QRectF(x - size + 1, y - size + 1, 2 * size - 2, 2 * size - 2))
        else:
            painter.drawEllipse(at, size, size)
