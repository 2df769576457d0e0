"""The comparison of opinions as a printable landscape PDF table.

One row per field, one column per opinion and a last column with the row's mark (agree /
differ / only one says, and whether the family confirmed it). Cells wrap, the header row repeats
on every page, pages are numbered "n of m", and the fonts (Latin and Chinese) are embedded, so
the printout reads the same anywhere. Like the screen, it never says which opinion is right.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from casebook.bundle.pdf_fonts import (
    LATIN,
    LATIN_BOLD,
    draw_mixed,
    markup,
    mixed_width,
    register_fonts,
    split_runs,
)
from casebook.core.opinions import (
    FIELD_TITLES,
    Comparison,
    ComparisonRow,
    Mark,
    SourceKind,
    value_text,
)
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.opinions.opinions import load_comparison
from casebook.services.records.documents import load_case
from casebook.store.database import classified_errors

PAGE = landscape(A4)
MARGIN = 14 * mm
FIELD_WIDTH = 46 * mm
MARK_WIDTH = 44 * mm
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#C8CDD2")
HEADER_FILL = colors.HexColor("#EEF1F4")
DIFFER_FILL = colors.HexColor("#FFF6E5")

TEXT = {
    "en": {
        "title": "Opinions side by side",
        "patient": "Patient: {name}",
        "printed": "Printed {date}",
        "field": "Topic",
        "mark": "Same or different?",
        "not_stated": "Not stated",
        "empty": "—",
        "proposed": "suggested by Casebook",
        "check": "please check",
        "confirmed": "confirmed by the family",
        "mdt": "Team (MDT)",
        "neutral": (
            "Casebook lines the opinions up; it does not judge which is right. "
            "“Same” or “different” is about the words recorded, not about medicine."
        ),
        "page": "Page {n} of {m}",
        Mark.AGREE.value: "= Same",
        Mark.DIFFER.value: "≠ Different",
        Mark.ONLY_ONE.value: "• Only one says",
        Mark.NONE_SAY.value: "—",
    },
    "zh": {
        "title": "多方意见对照",
        "patient": "患者：{name}",
        "printed": "打印日期 {date}",
        "field": "项目",
        "mark": "相同还是不同？",
        "not_stated": "未说明",
        "empty": "—",
        "proposed": "Casebook 的建议",
        "check": "请核对",
        "confirmed": "家属已确认",
        "mdt": "多学科团队 (MDT)",
        "neutral": (
            "Casebook 只是把各方意见并列，不判断哪一方正确。"
            "“相同”或“不同”只针对记录的文字，而非医学判断。"
        ),
        "page": "第 {n} 页，共 {m} 页",
        Mark.AGREE.value: "= 相同",
        Mark.DIFFER.value: "≠ 不同",
        Mark.ONLY_ONE.value: "• 仅一方提到",
        Mark.NONE_SAY.value: "—",
    },
}


def _mostly_cjk(text: str) -> bool:
    """Wrap between any two characters only where Chinese dominates; mixed text with a short
    Chinese run wraps at spaces, so English words are not cut in two."""
    counted = [(len(run.replace(" ", "")), cjk) for run, cjk in split_runs(text)]
    total = sum(n for n, _cjk in counted)
    return total > 0 and sum(n for n, cjk in counted if cjk) / total >= 0.4


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=LATIN, fontSize=9, leading=12.5, textColor=INK)
    return {
        "cell": base,
        "muted": ParagraphStyle("muted", base, textColor=MUTED),
        "bold": ParagraphStyle("bold", base, fontName=LATIN_BOLD),
        "title": ParagraphStyle("title", base, fontName=LATIN_BOLD, fontSize=16, leading=21),
        "note": ParagraphStyle("note", base, fontSize=8.5, leading=12, textColor=MUTED),
    }


class _Cells:
    """Builds wrapped paragraphs; text with Chinese wraps between characters."""

    def __init__(self) -> None:
        self.styles = _styles()

    def p(self, text: str, style: str = "cell") -> Paragraph:
        chosen = self.styles[style]
        if _mostly_cjk(text):
            chosen = ParagraphStyle(f"{style}-cjk", chosen, wordWrap="CJK")
        body = "<br/>".join(markup(line) for line in text.splitlines() or [""])
        return Paragraph(body, chosen)


def _source_cell(cells: _Cells, comparison: Comparison, index: int, t: dict[str, str]) -> Any:
    opinion = comparison.opinions[index]
    details = [
        t["mdt"] if opinion.source_kind is SourceKind.MDT else "",
        opinion.institution,
        opinion.country,
        opinion.given_on.iso() if opinion.given_on else "",
    ]
    return [
        cells.p(opinion.label, "bold"),
        cells.p(" · ".join(d for d in details if d), "muted"),
    ]


def _mark_cell(cells: _Cells, row: ComparisonRow, t: dict[str, str]) -> Any:
    if row.mark is Mark.NONE_SAY:
        return cells.p(t[Mark.NONE_SAY.value], "muted")
    if row.confirmed:
        state = t["confirmed"]
    elif row.needs_check:
        state = f"{t['proposed']}, {t['check']}"
    else:
        state = t["proposed"]
    return [cells.p(t[row.mark.value], "bold"), cells.p(state, "muted")]


def _value_cell(cells: _Cells, row: ComparisonRow, index: int, t: dict[str, str], lang: str) -> Any:
    value = row.values[index]
    if value.not_stated:
        return cells.p(t["not_stated"], "muted")
    text = value_text(row.field, value, lang)
    return cells.p(text) if text else cells.p(t["empty"], "muted")


def _numbered_canvas(footer: str, page_text: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws "Page n of m" once the page count is known (after the last page)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setStrokeColor(RULE)
                self.line(MARGIN, 11 * mm, PAGE[0] - MARGIN, 11 * mm)
                self.setFillColor(MUTED)
                number = page_text.format(n=self._pageNumber, m=total)
                draw_mixed(self, PAGE[0] - MARGIN - mixed_width(number, 8), 7 * mm, number, 8)
                draw_mixed(self, MARGIN, 7 * mm, footer, 8)
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


@one_pdf_at_a_time
def render_comparison_pdf(
    comparison: Comparison, *, patient_name: str, printed_on: str, language: str = "en"
) -> bytes:
    """The comparison as a landscape A4 PDF ("en" or "zh" headings), built in memory."""
    register_fonts()
    t = TEXT[language]
    titles = FIELD_TITLES[language]
    cells = _Cells()
    count = len(comparison.opinions)
    opinion_width = (PAGE[0] - 2 * MARGIN - FIELD_WIDTH - MARK_WIDTH) / count
    header = [
        cells.p(t["field"], "bold"),
        *(_source_cell(cells, comparison, i, t) for i in range(count)),
        cells.p(t["mark"], "bold"),
    ]
    rows: list[list[Any]] = [header]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), LATIN),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    for number, row in enumerate(comparison.rows, start=1):
        rows.append(
            [
                cells.p(titles[row.field], "bold"),
                *(_value_cell(cells, row, i, t, language) for i in range(count)),
                _mark_cell(cells, row, t),
            ]
        )
        if row.mark is Mark.DIFFER:  # a fill as well as the word, never colour alone
            style.append(("BACKGROUND", (-1, number), (-1, number), DIFFER_FILL))
    table = Table(
        rows,
        colWidths=[FIELD_WIDTH, *([opinion_width] * count), MARK_WIDTH],
        repeatRows=1,
        splitInRow=1,  # a very long cell (a doctor's whole letter) continues on the next page
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    subtitle = " · ".join(
        x for x in (t["patient"].format(name=patient_name) if patient_name else "", printed_on) if x
    )
    story = [
        cells.p(t["title"], "title"),
        Spacer(1, 1.5 * mm),
        cells.p(subtitle, "muted"),
        Spacer(1, 1.5 * mm),
        cells.p(t["neutral"], "note"),
        Spacer(1, 4 * mm),
        table,
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=12 * mm,
        bottomMargin=16 * mm,
        title=t["title"],
        author="Casebook",
        creator="Casebook",
        lang=language,
        initialFontName=LATIN,  # the canvas would otherwise start in Helvetica (not embedded)
    )
    footer = t["printed"].format(date=printed_on)
    document.build(story, canvasmaker=_numbered_canvas(footer, t["page"]))
    return buffer.getvalue()


def comparison_pdf(session: BinderSession, opinion_ids: list[int], language: str = "en") -> bytes:
    """The comparison of `opinion_ids` as a PDF, built in memory."""
    comparison = load_comparison(session, opinion_ids)
    case = load_case(session)
    return render_comparison_pdf(
        comparison,
        patient_name=case.patient_name,
        printed_on=timestamp()[:10],
        language=language,
    )


def print_comparison(
    session: BinderSession, opinion_ids: list[int], target: Path, language: str = "en"
) -> Path:
    """Writes the comparison of `opinion_ids` to `target`, a file the family chose.

    The PDF is built in memory and written through a `.partial` file, so an interrupted write
    never leaves a half PDF under the chosen name.
    """
    data = comparison_pdf(session, opinion_ids, language)
    partial = target.with_name(target.name + ".partial")
    with classified_errors(target.parent):
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    return target
