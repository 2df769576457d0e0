"""What the one-page sheets share: A4 with the embedded fonts, paragraph styles, and a table
that shrinks its type until it fits the room left on the page.

Used by the case at a glance (the first page of the bundle's summary and a print of its own),
the current medicine list and the symptom diary. Fonts are the summary's embedded TrueType
fonts (`pdf_fonts`), so Chinese prints and can be searched on any machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from casebook.bundle.pdf_fonts import LATIN, LATIN_BOLD, markup, register_fonts

INK = colors.HexColor("#1d2328")
MUTED = colors.HexColor("#5b6670")
RULE = colors.HexColor("#c3ccd3")
HEADER_FILL = colors.HexColor("#eef1f4")
ALERT = colors.HexColor("#9b2c2c")
MARGIN = 15 * mm


def style(
    size: float, *, bold: bool = False, color: Any = INK, chinese: bool = True
) -> ParagraphStyle:
    """A paragraph style; `chinese` lets lines break between Chinese characters."""
    return ParagraphStyle(
        f"sheet{size}{bold}{color}{chinese}",
        fontName=LATIN_BOLD if bold else LATIN,
        fontSize=size,
        leading=size * 1.3,
        textColor=color,
        wordWrap="CJK" if chinese else None,
    )


def paragraph(text: str, paragraph_style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text).replace("\n", "<br/>"), paragraph_style)


def draw(canvas: Canvas, flowable: Any, x: float, top: float, width: float) -> float:
    """Draw `flowable` with its top at `top`; returns the y below it."""
    _w, height = flowable.wrap(width, 10_000)
    flowable.drawOn(canvas, x, top - height)
    return float(top - height)


def height_of(flowable: Any, width: float) -> float:
    return float(flowable.wrap(width, 10_000)[1])


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float,
) -> Table:
    """A ruled table with a shaded header row; every cell wraps."""
    head = style(size, bold=True)
    body = style(size)
    data = [[paragraph(text, head) for text in header]]
    data += [[paragraph(text, body) for text in row] for row in rows]
    made = Table(data, colWidths=list(widths), repeatRows=1)
    made.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),  # else the table sets Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return made


def fitted_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    room: float,
    sizes: Sequence[float] = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5),
) -> tuple[Table, int]:
    """The table at the largest type size that fits `room` points of height, with as many
    rows as fit at the smallest size; returns it and how many rows were left out."""
    for size in sizes:
        made = table(header, rows, widths, size)
        if height_of(made, sum(widths)) <= room:
            return made, 0
    size = sizes[-1]
    kept = len(rows)
    while kept > 0:
        kept -= 1
        made = table(header, rows[:kept], widths, size)
        if height_of(made, sum(widths)) <= room:
            return made, len(rows) - kept
    return table(header, [], widths, size), len(rows)


def new_canvas(buffer: Any, page_size: tuple[float, float], title: str) -> Canvas:
    """A canvas that starts in the embedded font (Helvetica is never embedded)."""
    register_fonts()
    canvas = Canvas(buffer, pagesize=page_size, invariant=True, initialFontName=LATIN)
    canvas.setTitle(title)
    canvas.setAuthor("Casebook")
    return canvas
