"""The look shared by every PDF Casebook writes for the hospital: A4, calm, embedded fonts.

Every table gets the Latin font explicitly: a cell without one would fall back to Helvetica,
which is never embedded (pdffonts would list it "no").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from casebook.bundle.pdf_fonts import LATIN, LATIN_BOLD, markup

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#C8CDD2")
HEADER_FILL = colors.HexColor("#EEF1F4")
PANEL_FILL = colors.HexColor("#F5F7F9")
MISSING_INK = colors.HexColor("#9A3412")
MARGIN = 20 * mm


def styles(language: str) -> dict[str, ParagraphStyle]:
    wrap = "CJK" if language == "zh" else None
    base = ParagraphStyle(
        "body",
        fontName=LATIN,
        bulletFontName=LATIN,
        fontSize=10.5,
        leading=16,
        textColor=INK,
        wordWrap=wrap,
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", base, fontName=LATIN_BOLD, fontSize=19, leading=25, spaceAfter=4 * mm
        ),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName=LATIN_BOLD,
            fontSize=13.5,
            leading=18,
            spaceBefore=7 * mm,
            spaceAfter=3 * mm,
        ),
        "cell": ParagraphStyle("cell", base, fontSize=9.5, leading=13),
        "head_cell": ParagraphStyle(
            "head_cell", base, fontName=LATIN_BOLD, fontSize=9.5, leading=13
        ),
        "label": ParagraphStyle(
            "label", base, fontName=LATIN_BOLD, fontSize=9, leading=12.5, textColor=MUTED
        ),
        "muted": ParagraphStyle("muted", base, fontSize=9.5, leading=14, textColor=MUTED),
        "missing": ParagraphStyle("missing", base, fontSize=9.5, leading=13, textColor=MISSING_INK),
        "big": ParagraphStyle("big", base, fontName=LATIN_BOLD, fontSize=15, leading=20),
    }


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def lines_paragraph(lines: Sequence[str], style: ParagraphStyle) -> Paragraph:
    """Several lines in one paragraph, each on its own line."""
    return Paragraph("<br/>".join(markup(line) for line in lines), style)


def plain_table(rows: Sequence[Sequence[Any]], widths: Sequence[float | None]) -> Table:
    """Label/value rows without rules (the letter's header, the glance page)."""
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def ruled_table(rows: Sequence[Sequence[Any]], widths: Sequence[float | None]) -> Table:
    """A table with a shaded header row and hairlines, repeating its header on a new page."""
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table
