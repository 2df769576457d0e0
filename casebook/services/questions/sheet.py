"""Printed sheets: the one-page "questions to bring" and the summary after a consultation.

Large type and ruled space to write answers by hand; English, Chinese, or both side by side.
Fonts are the bundle's embedded TrueType fonts (pdf_fonts), so Chinese prints and can be
searched on any machine. The PDF is returned as bytes; it is written only where the user asks.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from casebook.bundle.pdf_fonts import LATIN, LATIN_BOLD, markup, register_fonts
from casebook.core.consultations import ConsultationSummary, ListedQuestion, NoteEntry
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.core.questions import Priority, Question, QuestionBank, pick_language
from casebook.resources import resource_path
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions

SHEET_LANGUAGES = ("en", "zh", "en+zh")
INK = colors.HexColor("#1d2328")
MUTED = colors.HexColor("#5b6670")
RULE = colors.HexColor("#9aa5ae")
MARGIN = 16 * mm
QUESTION_SIZE = 14.0
LINE_GAP = 9 * mm
MIN_LINES = 2
MAX_LINES = 6


@functools.cache
def _labels() -> dict[str, dict[str, str]]:
    raw = json.loads(resource_path("questions", "sheet.json").read_text(encoding="utf-8"))
    return {key: dict(texts) for key, texts in raw["labels"].items()}


def label(key: str, language: str) -> str:
    return pick_language(_labels()[key], language)


@dataclass(frozen=True)
class SheetQuestion:
    """One question as printed: per-language texts, or one text in the family's words."""

    texts: dict[str, str]
    must_ask: bool = False

    def text(self, language: str) -> str:
        return pick_language(self.texts, language)

    @property
    def translated(self) -> bool:
        return len(self.texts) > 1


def sheet_questions(questions: Sequence[Question], bank: QuestionBank) -> list[SheetQuestion]:
    """The family's questions as the sheet prints them, in the order given."""
    printed = []
    for question in questions:
        texts = question.translations(bank) or {"en": question.text}
        printed.append(SheetQuestion(texts, question.priority is Priority.MUST_ASK))
    return printed


@dataclass(frozen=True)
class SheetResult:
    pdf: bytes
    printed: int
    left_out: int


def _style(
    size: float, language: str, *, bold: bool = False, color: object = INK
) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{language}{bold}",
        fontName=LATIN_BOLD if bold else LATIN,
        fontSize=size,
        leading=size * 1.35,
        textColor=color,
        wordWrap="CJK" if language.startswith("zh") else None,
    )


def _heading_text(language: str, languages: Sequence[str]) -> str:
    return (
        " / ".join(label("title", code) for code in languages)
        if language == "en+zh"
        else (label("title", languages[0]))
    )


@one_pdf_at_a_time
def render_question_sheet(
    questions: Sequence[SheetQuestion], language: str, subtitle: str = ""
) -> SheetResult:
    """One A4 page: as many questions as fit (in order), each followed by answer lines."""
    if language not in SHEET_LANGUAGES:
        raise ValueError(f"language must be one of {SHEET_LANGUAGES}")
    register_fonts()
    languages = language.split("+")
    width, height = A4
    inner = width - 2 * MARGIN
    buffer = io.BytesIO()
    # The canvas would otherwise start in Helvetica, which is never embedded.
    canvas = Canvas(buffer, pagesize=A4, invariant=True, initialFontName=LATIN)
    canvas.setTitle(_heading_text(language, languages))
    canvas.setAuthor("Casebook")

    y = height - MARGIN
    y = _draw(
        canvas,
        Paragraph(markup(_heading_text(language, languages)), _style(22, languages[-1], bold=True)),
        MARGIN,
        y,
        inner,
    )
    if subtitle:
        y = _draw(
            canvas,
            Paragraph(markup(subtitle), _style(12, languages[-1], color=MUTED)),
            MARGIN,
            y - 1 * mm,
            inner,
        )
    y -= 5 * mm
    footer_height = 14 * mm

    blocks = [_question_block(i + 1, q, languages, inner) for i, q in enumerate(questions)]
    available = y - MARGIN - footer_height
    fitted: list[tuple[float, list[tuple[Paragraph, float, float]]]] = []
    used = 0.0
    for block_height, parts in blocks:
        need = block_height + MIN_LINES * LINE_GAP + 4 * mm
        if used + need > available:
            break
        fitted.append((block_height, parts))
        used += need
    spare = available - used
    extra = 0
    if fitted:
        extra = min(MAX_LINES - MIN_LINES, int(spare // (LINE_GAP * len(fitted))))
    lines_each = MIN_LINES + max(0, extra)

    for block_height, parts in fitted:
        top = y
        for paragraph, x, col_width in parts:
            _draw(canvas, paragraph, MARGIN + x, top, col_width)
        y = top - block_height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for _ in range(lines_each):
            y -= LINE_GAP
            canvas.line(MARGIN + 6 * mm, y, width - MARGIN, y)
        y -= 4 * mm

    left_out = len(questions) - len(fitted)
    footer_y = MARGIN + 6 * mm
    notes = [label("footer", code) for code in languages]
    if left_out:
        notes = [label("more", code).format(count=left_out) for code in languages] + notes
    for note in reversed(notes):
        _draw(
            canvas,
            Paragraph(markup(note), _style(9.5, languages[-1], color=MUTED)),
            MARGIN,
            footer_y,
            inner,
        )
        footer_y += 4.6 * mm
    canvas.showPage()
    canvas.save()
    return SheetResult(buffer.getvalue(), len(fitted), left_out)


def _question_block(
    number: int, question: SheetQuestion, languages: Sequence[str], inner: float
) -> tuple[float, list[tuple[Paragraph, float, float]]]:
    """The question's paragraphs with their x offset and width, and the block's height."""
    star = "★ " if question.must_ask else ""
    indent = 9 * mm
    parts: list[tuple[Paragraph, float, float]] = []
    number_style = _style(QUESTION_SIZE, "en", bold=True)
    parts.append((Paragraph(f"{number}.", number_style), 0, indent))
    if len(languages) == 1 or not question.translated:
        text = (
            question.text(languages[0])
            if question.translated
            else next(iter(question.texts.values()))
        )
        style = _style(QUESTION_SIZE, languages[0] if question.translated else "zh")
        parts.append((Paragraph(markup(star + text), style), indent, inner - indent))
    else:
        gutter = 6 * mm
        column = (inner - indent - gutter) / 2
        for i, code in enumerate(languages):
            paragraph = Paragraph(markup(star + question.text(code)), _style(QUESTION_SIZE, code))
            parts.append((paragraph, indent + i * (column + gutter), column))
    height = max(p.wrap(w, 10_000)[1] for p, _x, w in parts)
    return height, parts


def _draw(canvas: Canvas, paragraph: Paragraph, x: float, top: float, width: float) -> float:
    """Draw `paragraph` with its top at `top`; returns the y below it."""
    _w, h = paragraph.wrap(width, 10_000)
    paragraph.drawOn(canvas, x, top - h)
    return float(top - h)


def _entry_line(entry: NoteEntry) -> str:
    return f"{entry.text.strip()}  — {entry.author}" if entry.author else entry.text.strip()


@one_pdf_at_a_time
def render_consultation_summary(
    summary: ConsultationSummary, bank: QuestionBank, language: str
) -> bytes:
    """The summary view as a printable PDF (several pages if needed)."""
    if language not in SHEET_LANGUAGES:
        raise ValueError(f"language must be one of {SHEET_LANGUAGES}")
    register_fonts()
    code = language.split("+")[-1]
    languages = language.split("+")
    body = _style(12, code)
    heading = _style(15, code, bold=True)
    muted = _style(10.5, code, color=MUTED)

    def tr(key: str) -> str:
        return " / ".join(label(key, c) for c in languages)

    consultation = summary.consultation
    story: list[object] = [Paragraph(markup(tr("summary_title")), _style(22, code, bold=True))]
    facts = " · ".join(
        part
        for part in (consultation.held_on or "", consultation.doctor, consultation.institution)
        if part
    )
    story.append(Paragraph(markup(consultation.title + (f" — {facts}" if facts else "")), body))
    if consultation.attendees:
        story.append(
            Paragraph(markup(f"{tr('attended')}: {', '.join(consultation.attendees)}"), muted)
        )

    def question_text(listed: ListedQuestion) -> str:
        texts = [listed.question.display_text(bank, c) for c in languages]
        return " / ".join(dict.fromkeys(texts))

    def section(key: str, lines: list[tuple[str, str]]) -> None:
        story.append(Spacer(1, 5 * mm))
        story.append(Paragraph(markup(tr(key)), heading))
        story.append(Spacer(1, 2 * mm))
        if not lines:
            story.append(Paragraph(markup(tr("nothing")), muted))
        for main, detail in lines:
            story.append(Paragraph(markup("• " + main), body))
            if detail:
                story.append(Paragraph(markup(detail), _indented(body)))

    answered = []
    for listed in summary.answered:
        who = "; ".join(
            label("answered_by", c).format(
                who=listed.answered_by or "?", when=listed.answered_on or "?"
            )
            for c in languages
        )
        answered.append((question_text(listed), f"{listed.answer.strip()}  ({who})"))
    section("answered", answered)
    section("decisions", [(_entry_line(e), "") for e in summary.decisions])
    section("follow_ups", [(_entry_line(e), "") for e in summary.follow_ups])
    section("tests_ordered", [(_entry_line(e), "") for e in summary.tests_ordered])
    section("medication_changes", [(_entry_line(e), "") for e in summary.medication_changes])
    section("new_questions", [(_entry_line(e), "") for e in summary.new_questions])
    section("unanswered", [(question_text(q), "") for q in summary.unanswered])
    if summary.other_notes:
        section("other_notes", [(_entry_line(e), "") for e in summary.other_notes])

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=tr("summary_title"),
        author="Casebook",
        invariant=True,
        initialFontName=LATIN,
    )
    document.build(story)
    return buffer.getvalue()


def _indented(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "_indented", style, leftIndent=6 * mm, spaceAfter=2 * mm)


def build_question_sheet(
    session: BinderSession, language: str, consultation_id: int | None = None
) -> SheetResult:
    """The sheet for one consultation's open questions, or for every open question."""
    bank = questions.load_bank()
    subtitle = ""
    if consultation_id is None:
        chosen = questions.list_questions(session, include_closed=False)
    else:
        consultation = consultations.get_consultation(session, consultation_id)
        listed = consultations.listed_questions(session, consultation_id)
        chosen = [item.question for item in listed if not item.is_answered]
        subtitle = " · ".join(
            part
            for part in (consultation.held_on or "", consultation.doctor, consultation.institution)
            if part
        )
    return render_question_sheet(sheet_questions(chosen, bank), language, subtitle)


def build_consultation_summary(
    session: BinderSession, consultation_id: int, language: str
) -> bytes:
    return render_consultation_summary(
        consultations.summary(session, consultation_id), questions.load_bank(), language
    )
