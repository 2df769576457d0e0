"""The timeline as a printout: the chart fitted to a landscape page, then the events as a list.

Drawn with QPainter into a PDF made in memory (QPdfWriter on a QBuffer, which Qt allows off the
GUI thread); the shared print flow saves that PDF or prints its pages, like every printout."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from casebook.ui.common.pdf_output import register_print_fonts
from casebook.ui.timeline.chart_painter import LABEL_COLUMN, ChartPainter
from casebook.ui.timeline.layout import ChartData

PAGE_WIDTH = 1100.0  # logical units across the printable width


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelinePrint", text)


def _plain_font(family: str) -> QFont:
    """No ligatures: "ff" stays two letters for copying and search in the PDF."""
    font = QFont(family)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def timeline_pdf(heading: str, data: ChartData, lines: Sequence[str], today: date) -> bytes:
    """The printout as a landscape A4 PDF, made in memory (it names the patient's events)."""
    family = register_print_fonts()
    content = QByteArray()
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    printer = QPdfWriter(buffer)
    printer.setResolution(300)
    printer.setTitle(heading)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the PDF could not be started")
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = page.width() / PAGE_WIDTH
        painter.scale(scale, scale)
        page_height = page.height() / scale
        # Pixel sizes, so text scales with the page like the drawing (points would not).
        font = _plain_font(family)
        font.setPixelSize(12)
        title = _plain_font(family)
        title.setPixelSize(20)
        title.setBold(True)
        painter.setFont(title)
        painter.drawText(QPointF(0, 24), heading)
        painter.setFont(font)
        printed = _tr("Printed on {date}").format(date=today.isoformat())
        painter.drawText(QPointF(0, 44), printed)
        day_width = (PAGE_WIDTH - LABEL_COLUMN - 30) / data.days
        chart = ChartPainter(data, day_width, font)
        for _attempt in range(30):  # shrink until labels past the last day fit the page too
            if chart.width <= PAGE_WIDTH:
                break
            day_width *= 0.95
            chart = ChartPainter(data, day_width, font)
        painter.save()
        painter.translate(0, 60)
        chart.paint(painter)
        painter.restore()
        _print_lines(printer, painter, font, lines, 60 + chart.height + 30, page_height)
    finally:
        painter.end()
    buffer.close()
    return bytes(content.data())


def _print_lines(
    printer: QPdfWriter,
    painter: QPainter,
    font: QFont,
    lines: Sequence[str],
    top: float,
    page_height: float,
) -> None:
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    y = top
    flags = int(Qt.TextFlag.TextWordWrap)
    for line in lines:
        box = metrics.boundingRect(QRectF(0, 0, PAGE_WIDTH, 10_000), flags, line)
        if y + box.height() > page_height:
            printer.newPage()
            y = 10.0
        painter.drawText(QRectF(0, y, PAGE_WIDTH, box.height()), flags, line)
        y += box.height() + 6
