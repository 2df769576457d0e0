"""The "case at a glance": one page with what a doctor needs first about the case.

Patient, allergies, diagnosis and stage as stated, where the family stands and the question to
the MDT, the lines of therapy so far, current medicines, the next appointment and key contacts
(`glance_care`), what is enclosed and what is still missing, and whom to contact.
It is the first page of the case summary, and prints on its own (`render_glance_pdf`) for any
doctor, nurse or emergency room. Content comes from a `CaseAtAGlance` (built from the binder by
`services.export.glance`); words from the catalogue. It never interprets: every fact is as the
records or the family state it, with its source.

The page always fits: long lists are cut with "and N more", and what is left is shrunk into the
frame rather than spilling onto a second page.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from casebook.bundle.case_facts import CaseAtAGlance, SlotState, StatedStage
from casebook.bundle.glance_care import allergy_rows, care_rows
from casebook.bundle.pdf_fonts import LATIN, draw_mixed, register_fonts
from casebook.bundle.pdf_styles import (
    MARGIN,
    MUTED,
    PANEL_FILL,
    RULE,
    lines_paragraph,
    paragraph,
    styles,
)
from casebook.bundle.words import (
    MOMENT_TEXT,
    SLOT_NAMES,
    imaging_count_text,
    slot_remarks,
    timeline_line,
)
from casebook.core.model import RecordKind
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.texts import Texts, texts_for

MAX_QUESTIONS = 3
MAX_LINES = 6
MAX_STAGES = 4
MAX_MISSING = 8
LABEL_WIDTH = 42 * mm
TOP_MARGIN = 18 * mm
BOTTOM_MARGIN = 22 * mm


def _cut(t: Texts, items: list[str], limit: int) -> list[str]:
    """At most `limit` items; the rest summed up as "and N more"."""
    if len(items) <= limit:
        return items
    rest = len(items) - (limit - 1)
    return [*items[: limit - 1], t.gettext("… and {n} more").format(n=rest)]


def _enclosed(t: Texts, glance: CaseAtAGlance) -> list[str]:
    lines = []
    for slot in glance.records:
        if slot.kind is RecordKind.IMAGING:
            continue
        if slot.enclosed:
            count = t.ngettext("{n} file", "{n} files", slot.enclosed).format(n=slot.enclosed)
            lines.append(
                t.gettext("{kind}: {count}").format(
                    kind=t.gettext(SLOT_NAMES[slot.kind]), count=count
                )
            )
    if glance.imaging.instances:
        lines.append(
            t.gettext("{kind}: {count}").format(
                kind=t.gettext(SLOT_NAMES[RecordKind.IMAGING]),
                count=imaging_count_text(t, glance.imaging),
            )
        )
    return lines


def _missing(t: Texts, records: tuple[SlotState, ...]) -> list[str]:
    lines = []
    for slot in records:
        if not slot.missing:
            continue
        name = t.gettext(SLOT_NAMES[slot.kind])
        remarks = slot_remarks(t, slot)
        lines.append(
            t.gettext("{kind} ({remarks})").format(
                kind=name, remarks=t.pgettext("detail separator", "; ").join(remarks)
            )
            if remarks
            else name
        )
    return lines


def _contact(t: Texts, glance: CaseAtAGlance) -> list[str]:
    contact = glance.contact
    first = t.pgettext("list separator", ", ").join(
        x for x in (contact.name, contact.relationship) if x.strip()
    )
    lines = [line for line in (first, contact.contact.strip()) if line]
    if contact.language.strip():
        lines.append(t.gettext("Reads: {language}").format(language=contact.language.strip()))
    return lines


def _stage(t: Texts, stated: StatedStage) -> str:
    """ "IIIA (as stated by Dr Chen, 2024-03)": the stage always with its source."""
    if stated.source and stated.stated_on:
        return t.gettext("{stage} (as stated by {source}, {date})").format(
            stage=stated.stage, source=stated.source, date=stated.stated_on.iso()
        )
    if stated.source:
        return t.gettext("{stage} (as stated by {source})").format(
            stage=stated.stage, source=stated.source
        )
    return stated.stage


def _rows(t: Texts, glance: CaseAtAGlance) -> list[tuple[str, list[str], str]]:
    """(label, lines, style) for each part of the page that has something to say."""
    patient = glance.patient_name
    if glance.age is not None:
        patient = t.ngettext(
            "{name}, {age} year old", "{name}, {age} years old", glance.age
        ).format(name=patient, age=glance.age)
    elif glance.date_of_birth is not None:
        patient = t.gettext("{name}, born {date}").format(
            name=patient, date=glance.date_of_birth.iso()
        )
    stages = [_stage(t, stage) for stage in glance.stages]
    rows: list[tuple[str, list[str], str]] = [(t.gettext("Patient"), [patient], "big")]
    rows += allergy_rows(t, glance)
    if glance.diagnosis.strip():
        rows.append((t.gettext("Diagnosis"), [glance.diagnosis.strip()], "body"))
    if stages:
        rows.append((t.gettext("Stage as stated"), _cut(t, stages, MAX_STAGES), "body"))
    if glance.decision_moment is not None:
        rows.append(
            (t.gettext("Where we stand"), [t.gettext(MOMENT_TEXT[glance.decision_moment])], "body")
        )
    questions = [q.in_language(t.language) for q in glance.questions]
    if questions:
        rows.append(
            (t.gettext("Our question to the MDT"), _cut(t, questions, MAX_QUESTIONS), "body")
        )
    therapy = [timeline_line(t, entry) for entry in glance.lines_of_therapy]
    rows.append(
        (
            t.gettext("Lines of therapy"),
            _cut(t, therapy, MAX_LINES) or [t.gettext("None recorded")],
            "body",
        )
    )
    rows += care_rows(t, glance)
    if glance.in_bundle:
        enclosed = _enclosed(t, glance)
        rows.append((t.gettext("Enclosed"), enclosed or [t.gettext("No records enclosed")], "body"))
        missing = _missing(t, glance.records)
        if missing:
            rows.append((t.gettext("Still missing"), _cut(t, missing, MAX_MISSING), "missing"))
    contact = _contact(t, glance)
    if contact:
        rows.append((t.gettext("Contact"), contact, "body"))
    return rows


def glance_flowables(glance: CaseAtAGlance, language: str, height: float) -> list[Flowable]:
    """The page's content, shrunk if need be to `height` points (one frame of A4)."""
    t = texts_for(language)
    style = styles(language)
    width = A4[0] - 2 * MARGIN
    table_rows: list[list[Any]] = []
    for label, lines, kind in _rows(t, glance):
        bulleted = lines if len(lines) == 1 else [f"• {line}" for line in lines]
        table_rows.append(
            [paragraph(label, style["label"]), lines_paragraph(bulleted, style[kind])]
        )
    table = Table(table_rows, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), PANEL_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    footer = t.gettext(
        "Prepared by the family with Casebook on {date}. Every fact is as the records or the "
        "family state it; Casebook gives no medical advice."
    ).format(date=glance.prepared_on)
    content: list[Flowable] = [
        paragraph(t.gettext("Case at a glance"), style["title"]),
        table,
        Spacer(1, 4 * mm),
        paragraph(footer, style["muted"]),
    ]
    return [KeepInFrame(width, height, content, mode="shrink")]


def frame_height() -> float:
    """The height of the page's frame (A4 less the margins the summary uses too)."""
    return float(A4[1] - TOP_MARGIN - BOTTOM_MARGIN - 12)


@one_pdf_at_a_time
def render_glance_pdf(glance: CaseAtAGlance, language: str = "en") -> bytes:
    """The page on its own (one A4 page; "en+zh" gives one page per language)."""
    register_fonts()
    languages = language.split("+")
    story: list[Flowable] = []
    for index, code in enumerate(languages):
        if index:
            story.append(PageBreak())
        story += glance_flowables(glance, code, frame_height())
    buffer = io.BytesIO()
    t = texts_for(languages[0])

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        draw_mixed(canvas, MARGIN, 10 * mm, f"{glance.patient_name} · {glance.prepared_on}", 8.5)
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, title=t.gettext("Case at a glance"), author="Casebook",
        creator="Casebook", lang=languages[0], initialFontName=LATIN,
    )  # fmt: skip
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
