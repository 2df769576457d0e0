"""Printing the timeline to paper or PDF: the chart fitted to a landscape page, then the
events as a list. Drawn with QPainter on a QPrinter, which Qt allows off the GUI thread."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from casebook.resources import resource_path
from casebook.ui.timeline.chart_painter import LABEL_COLUMN, ChartPainter
from casebook.ui.timeline.layout import ChartData

PAGE_WIDTH = 1100.0  # logical units across the printable width


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelinePrint", text)


@functools.cache
def register_print_fonts() -> str:
    """Make the shipped fonts known to Qt (Latin + CJK); call on the GUI thread first."""
    family = "DejaVu Sans"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0 and name == "DejaVuSans.ttf":
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def _plain_font(family: str) -> QFont:
    """No ligatures: "ff" stays two letters for copying and search in the PDF."""
    font = QFont(family)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def print_timeline(printer: QPrinter, heading: str, data: ChartData, lines: Sequence[str]) -> None:
    """Render onto `printer` (landscape A4 unless the caller chose otherwise)."""
    family = register_print_fonts()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
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
        printed = _tr("Printed on {date}").format(date=date.today().isoformat())
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


def _print_lines(
    printer: QPrinter,
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


def save_timeline_pdf(path: Path, heading: str, data: ChartData, lines: Sequence[str]) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_timeline(printer, heading, data, lines)
