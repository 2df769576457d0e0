"""The diary printed for the next consultation: a chart and the entries, on one A4 page.

The chart shows the treatments from the timeline as bars and each symptom on its own row, one
mark per entry whose size says how bad (small mild, medium moderate, large severe), so it reads
in black and white. Below it the entries, newest first, as many as fit. English, Chinese or
both; the words are the family's, and the page judges nothing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from casebook.bundle.pdf_fonts import draw_mixed, mixed_width, register_fonts
from casebook.bundle.printed_words import keys, languages_of, word, words
from casebook.bundle.sheet_style import (
    INK,
    MARGIN,
    MUTED,
    RULE,
    draw,
    fitted_table,
    new_canvas,
    paragraph,
    style,
)
from casebook.core.diary import DiaryChart, DiaryEntry, diary_chart, entries_between
from casebook.core.model import Case
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.core.timeline import TimelineEvent
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.diary.diary import load_diary
from casebook.services.records.documents import load_case

TREATMENT = colors.HexColor("#2f6f8f")  # the timeline's treatment lane
MARK = colors.HexColor("#9a4b1a")
LABEL_WIDTH = 48 * mm
ROW = 6.5 * mm
RADIUS = {"mild": 1.0 * mm, "moderate": 1.7 * mm, "severe": 2.5 * mm}


def symptom_name(key: str, own_words: str, languages: Sequence[str]) -> str:
    """A common symptom in the print's language(s), else the family's own words."""
    if key and f"symptom_{key}" in keys():
        return words(f"symptom_{key}", languages)
    return own_words


def _fit(text: str, size: float, width: float) -> str:
    while text and mixed_width(text, size) > width:
        text = text[:-2] + "…" if len(text) > 2 else ""
    return text


def draw_chart(
    canvas: Canvas, chart: DiaryChart, languages: Sequence[str], x: float, top: float, width: float
) -> float:
    """Draw the chart with its top at `top`; returns the y below it."""
    plot_left = x + LABEL_WIDTH
    plot_width = width - LABEL_WIDTH
    day_width = plot_width / chart.days

    def at(day: date) -> float:
        return float(plot_left + (day - chart.first).days * day_width)

    rows = len(chart.rows) + 1
    axis = 6 * mm
    bottom = top - axis - rows * ROW
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.setFillColor(MUTED)
    step = 7 if chart.days <= 120 else 28
    day = chart.first
    while day <= chart.last:
        canvas.line(at(day), top - axis + 1 * mm, at(day), bottom)
        draw_mixed(canvas, at(day) + 0.8 * mm, top - axis + 2 * mm, day.strftime("%m-%d"), 7)
        day += timedelta(days=step)
    for index in range(rows + 1):
        y = top - axis - index * ROW
        canvas.line(x, y, x + width, y)
    # Treatments, one thin bar each, stacked in the first row.
    canvas.setFillColor(INK)
    label = _fit(words("diary_treatments", languages), 9, LABEL_WIDTH - 2 * mm)
    draw_mixed(canvas, x + 1 * mm, top - axis - ROW + 2 * mm, label, 9)
    spans = chart.treatments
    bar = (ROW - 2 * mm) / max(1, len(spans))
    for index, span in enumerate(spans):
        left = max(at(span.begin), plot_left)
        right = min(at(span.end) + day_width, plot_left + plot_width)
        y = top - axis - 1 * mm - (index + 1) * bar
        canvas.setFillColor(TREATMENT)
        canvas.rect(left, y + 0.3, max(right - left, 1), bar - 0.6, stroke=0, fill=1)
        if len(spans) <= 2 and right - left > 30 * mm:
            canvas.setFillColor(colors.white)
            draw_mixed(
                canvas,
                left + 1 * mm,
                y + bar / 2 - 1.2,
                _fit(span.title, 7, right - left - 2 * mm),
                7,
            )
    # Symptoms: one row each, a mark per entry sized by how bad it was.
    for index, row in enumerate(chart.rows):
        y = top - axis - (index + 2) * ROW
        canvas.setFillColor(INK)
        name = _fit(symptom_name(row.symptom_key, row.label, languages), 9, LABEL_WIDTH - 2 * mm)
        draw_mixed(canvas, x + 1 * mm, y + 2 * mm, name, 9)
        canvas.setFillColor(MARK)
        canvas.setStrokeColor(colors.white)
        for entry in row.entries:
            centre = at(entry.noted_on) + day_width / 2
            canvas.circle(centre, y + ROW / 2, RADIUS[entry.severity.value], stroke=1, fill=1)
        canvas.setStrokeColor(RULE)
    canvas.setFillColor(MUTED)
    legend = " ".join(word("diary_legend", code) for code in languages)
    return float(draw(canvas, paragraph(legend, style(8, color=MUTED)), x, bottom - 1 * mm, width))


@one_pdf_at_a_time
def render_diary_sheet(
    case: Case,
    entries: Sequence[DiaryEntry],
    events: Sequence[TimelineEvent],
    language: str,
    today: date,
    days: int = 28,
) -> bytes:
    """One landscape A4 page for the last `days` days."""
    languages = languages_of(language)
    register_fonts()
    page = landscape(A4)
    width, height = page
    inner = width - 2 * MARGIN
    chart = diary_chart(entries, events, today, days)
    buffer = io.BytesIO()
    title = words("diary_title", languages)
    canvas = new_canvas(buffer, page, title)
    y = draw(canvas, paragraph(title, style(18, bold=True)), MARGIN, height - MARGIN, inner)
    facts = [f"{words('patient', languages)}: {case.patient_name}"]
    period = word("diary_period", languages[0]).format(
        first=chart.first.isoformat(), last=chart.last.isoformat()
    )
    facts += [period, word("printed_on", languages[0]).format(date=today.isoformat())]
    y = draw(
        canvas, paragraph(" · ".join(facts), style(10, color=MUTED)), MARGIN, y - 1 * mm, inner
    )
    y = draw_chart(canvas, chart, languages, MARGIN, y - 4 * mm, inner)

    footer = [word("diary_footer", code) for code in languages]
    footer_top = MARGIN + 4 * mm * len(footer)
    shown = entries_between(entries, chart.first, chart.last)
    header = [
        words(key, languages, "\n")
        for key in ("diary_col_date", "diary_col_symptom", "diary_col_severity",
                    "diary_col_since", "diary_col_helped")
    ]  # fmt: skip
    rows = [
        [
            entry.noted_on.isoformat(),
            symptom_name(entry.symptom_key, entry.symptom, languages)
            + (f" — {entry.notes}" if entry.notes else ""),
            words(f"severity_{entry.severity.value}", languages),
            entry.since.iso() if entry.since else "",
            entry.helped,
        ]
        for entry in shown
    ]
    y -= 3 * mm
    if rows:
        shares = (0.1, 0.4, 0.12, 0.1, 0.28)
        made, left_out = fitted_table(
            header, rows, [inner * s for s in shares], y - footer_top - 8 * mm
        )
        y = draw(canvas, made, MARGIN, y, inner)
        if left_out:
            note = " ".join(word("more_not_shown", c).format(count=left_out) for c in languages)
            draw(canvas, paragraph(note, style(9, bold=True)), MARGIN, y - 1.5 * mm, inner)
    else:
        draw(canvas, paragraph(words("diary_empty", languages, " "), style(10)), MARGIN, y, inner)
    footer_y = footer_top
    for line in footer:
        footer_y = draw(canvas, paragraph(line, style(8.5, color=MUTED)), MARGIN, footer_y, inner)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def build_diary_sheet(
    session: BinderSession, language: str, today: date | None = None, days: int = 28
) -> bytes:
    view = load_diary(session)
    return render_diary_sheet(
        load_case(session), view.entries, view.events, language, today or clock.today(), days
    )
