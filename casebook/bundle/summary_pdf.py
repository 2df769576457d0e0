"""The case summary PDF: a cover letter asking for an MDT second opinion, and the indexes.

One PDF per language (English or Simplified Chinese), A4, calm and printable: page numbers,
an outline (bookmarks) per section, every font embedded. Sections with no data are left out;
there are no placeholders. The document never interprets the records.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from casebook.bundle.layout import BundleLayout
from casebook.bundle.pdf_fonts import (
    LATIN,
    LATIN_BOLD,
    draw_mixed,
    markup,
    mixed_width,
    register_fonts,
)
from casebook.bundle.plan import BundlePlan
from casebook.bundle.summary_text import SLOT_NAMES, STATUS_NAMES, TEXT
from casebook.core.model import SlotKind, SlotStatus

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#C8CDD2")
HEADER_FILL = colors.HexColor("#EEF1F4")
MISSING_INK = colors.HexColor("#9A3412")
MARGIN = 22 * mm


class _Heading(Paragraph):  # type: ignore[misc]
    """A section heading that becomes a PDF bookmark when drawn."""

    def __init__(self, text: str, style: ParagraphStyle, key: str) -> None:
        super().__init__(markup(text), style)
        self.outline_title = text
        self.outline_key = key


class _SummaryDocument(SimpleDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.outline_key, level=0)


def _styles(language: str) -> dict[str, ParagraphStyle]:
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
        "muted": ParagraphStyle("muted", base, fontSize=9.5, leading=14, textColor=MUTED),
        "missing": ParagraphStyle("missing", base, fontSize=9.5, leading=13, textColor=MISSING_INK),
    }


def _table(rows: Sequence[Sequence[Any]], widths: Sequence[float | None]) -> Table:
    table = Table(list(rows), colWidths=list(widths), repeatRows=1, hAlign="LEFT")
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


class _Builder:
    def __init__(self, plan: BundlePlan, layout: BundleLayout, language: str) -> None:
        self.plan = plan
        self.layout = layout
        self.language = language
        self.text = TEXT[language]
        self.styles = _styles(language)
        self.story: list[Flowable] = []
        self._headings = 0

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def heading(self, key: str) -> None:
        """A section heading, never stranded at the foot of a page. (keepWithNext would drag
        a long table whole onto the next page and leave this one half empty.)"""
        self._headings += 1
        self.story.append(CondPageBreak(45 * mm))
        self.story.append(_Heading(self.text[key], self.styles["heading"], f"s{self._headings}"))

    def letter(self) -> None:
        plan, t = self.plan, self.text
        self.story.append(_Heading(t["title"], self.styles["title"], "s0"))
        recipient = plan.recipient
        to = ", ".join(
            x
            for x in (
                recipient.contact,
                recipient.department,
                recipient.institution,
                recipient.country,
            )
            if x
        )
        sender = plan.sender
        sent_by = ", ".join(x for x in (sender.name, sender.relationship, sender.contact) if x)
        rows = [(t["to"], to), (t["date"], plan.created_on)]
        if sent_by:
            rows.insert(1, (t["from"], sent_by))
        info = Table(
            [[self.p(a, "muted"), self.p(b)] for a, b in rows],
            colWidths=[28 * mm, None],
            hAlign="LEFT",
        )
        info.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), LATIN),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story += [
            info,
            Spacer(1, 6 * mm),
            self.p(t["letter_greeting"]),
            Spacer(1, 2 * mm),
            self.p(t["letter_body"].format(patient=plan.case.patient_name)),
        ]
        if any(s.status in (SlotStatus.MISSING, SlotStatus.REQUESTED) for s in plan.slots):
            self.story += [Spacer(1, 2 * mm), self.p(t["letter_missing"])]
        self.story += [Spacer(1, 4 * mm), self.p(t["letter_close"])]
        if sender.name:
            self.story.append(self.p(sender.name))

    def patient(self) -> None:
        case, t = self.plan.case, self.text
        self.heading("patient_section")
        rows = [(t["patient"], case.patient_name)]
        if case.date_of_birth is not None:
            rows.append((t["born"], case.date_of_birth.iso()))
        if case.diagnosis_summary.strip():
            rows.append((t["diagnosis"], case.diagnosis_summary.strip()))
        table = Table(
            [[self.p(a, "muted"), self.p(b)] for a, b in rows],
            colWidths=[38 * mm, None],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), LATIN),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story.append(table)

    def lines(self, key: str, lines: Sequence[str]) -> None:
        if lines:
            self.heading(key)
            self.story += [self.p(f"• {line}") for line in lines]

    def records(self) -> None:
        t, lang = self.text, self.language
        if not self.plan.slots and not self.layout.documents:
            return
        self.heading("records_section")
        counts: dict[object, int] = {}
        for placed in self.layout.documents:
            counts[placed.item.slot] = counts.get(placed.item.slot, 0) + 1
        # Images are files the MDT receives too (in the DICOM folder).
        counts[SlotKind.IMAGING] = counts.get(SlotKind.IMAGING, 0) + len(self.plan.dicom)
        if self.plan.slots:
            rows: list[list[Any]] = [
                [
                    self.p(t[k], "head_cell")
                    for k in ("record_kind", "status", "documents", "remarks")
                ]
            ]
            for slot in self.plan.slots:
                if slot.kind is SlotKind.OTHER and not counts.get(slot.kind):
                    continue  # a catch-all: never "missing"
                remarks = []
                if slot.status is SlotStatus.REQUESTED and slot.requested_on:
                    remarks.append(t["requested_on"].format(date=slot.requested_on.iso()))
                if slot.status is SlotStatus.REQUESTED and slot.requested_from:
                    remarks.append(t["requested_from"].format(who=slot.requested_from))
                if slot.note:
                    remarks.append(slot.note)
                missing = slot.status in (SlotStatus.MISSING, SlotStatus.REQUESTED)
                rows.append(
                    [
                        self.p(SLOT_NAMES[lang][slot.kind], "cell"),
                        self.p(STATUS_NAMES[lang][slot.status], "missing" if missing else "cell"),
                        self.p(str(counts.get(slot.kind, 0) or ""), "cell"),
                        self.p("; ".join(remarks), "cell"),
                    ]
                )
            self.story.append(_table(rows, [48 * mm, 28 * mm, 20 * mm, None]))
        if self.layout.documents:
            self.story += [
                Spacer(1, 5 * mm),
                self.p(t["document_list"], "head_cell"),
                Spacer(1, 2 * mm),
            ]
            rows = [[self.p(t[k], "head_cell") for k in ("doc_date", "doc_title", "doc_file")]]
            for placed in self.layout.documents:
                item = placed.item
                date = item.document_date.iso() if item.document_date else ""
                rows.append(
                    [
                        self.p(date, "cell"),
                        self.p(item.title or item.original_name, "cell"),
                        self.p(placed.path, "muted"),
                    ]
                )
            self.story.append(_table(rows, [24 * mm, 58 * mm, None]))

    def imaging(self) -> None:
        if not self.layout.dicom:
            return
        t = self.text
        self.heading("imaging_section")
        series: dict[tuple[str, str], list[Any]] = {}
        for placed in self.layout.dicom:
            item = placed.item
            key = (item.study_instance_uid, item.series_instance_uid)
            if key not in series:
                study = " ".join(
                    x for x in (_dicom_date(item.study_date), item.study_description) if x
                )
                label = " ".join(
                    x
                    for x in (
                        item.modality,
                        f"#{item.series_number}" if item.series_number else "",
                        item.series_description,
                    )
                    if x
                )
                series[key] = [study, label, 0]
            series[key][2] += 1
        rows: list[list[Any]] = [[self.p(t[k], "head_cell") for k in ("study", "series", "images")]]
        rows += [
            [self.p(a, "cell"), self.p(b, "cell"), self.p(str(n), "cell")]
            for a, b, n in series.values()
        ]
        self.story += [
            _table(rows, [70 * mm, 70 * mm, None]),
            Spacer(1, 3 * mm),
            self.p(t["imaging_note"], "muted"),
        ]
        self.key_images()

    def key_images(self) -> None:
        """Thumbnails of the key images, three to a row, each with its caption."""
        images = self.plan.summary.key_images
        if not images:
            return
        cell_width = 52 * mm
        cells: list[Any] = []
        for png, caption in images:
            picture = Image(io.BytesIO(png))
            scale = min(cell_width / picture.imageWidth, cell_width / picture.imageHeight)
            picture.drawWidth = picture.imageWidth * scale
            picture.drawHeight = picture.imageHeight * scale
            cells.append([picture, self.p(caption, "muted")])
        rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
        rows[-1] += [""] * (3 - len(rows[-1]))
        grid = Table(rows, colWidths=[cell_width + 4 * mm] * 3)
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        self.story += [Spacer(1, 4 * mm), self.p(self.text["key_images"], "head_cell"), grid]

    def about(self) -> None:
        self.heading("about_section")
        self.story.append(self.p(self.text["about"], "muted"))

    def build(self) -> list[Flowable]:
        summary = self.plan.summary
        self.letter()
        self.patient()
        if summary.decision_moment.strip():
            self.heading("decision_section")
            self.story.append(self.p(summary.decision_moment.strip()))
        self.lines("timeline_section", summary.timeline)
        self.records()
        self.imaging()
        self.lines("questions_section", summary.questions)
        self.lines("opinions_section", summary.opinions)
        self.about()
        return self.story


def _dicom_date(value: str) -> str:
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def render_summary(plan: BundlePlan, layout: BundleLayout, language: str) -> bytes:
    """The summary PDF in `language` ("en" or "zh") as bytes, built in memory."""
    register_fonts()
    text = TEXT[language]
    buffer = io.BytesIO()
    footer = f"{plan.case.patient_name} · {plan.created_on}"

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, 15 * mm, A4[0] - MARGIN, 15 * mm)
        canvas.setFillColor(MUTED)
        page = text["page"].format(n=document.page)
        draw_mixed(canvas, A4[0] - MARGIN - mixed_width(page, 8.5), 10 * mm, page, 8.5)
        draw_mixed(canvas, MARGIN, 10 * mm, footer, 8.5)
        canvas.restoreState()

    document = _SummaryDocument(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=24 * mm,
        title=text["title"],
        author="Casebook",
        subject=plan.case.patient_name,
        creator="Casebook",
        lang=language,
        # The canvas would start every page in Helvetica, which is never embedded.
        initialFontName=LATIN,
    )
    builder = _Builder(plan, layout, language)
    document.build(
        builder.build(),
        onFirstPage=decorate,
        onLaterPages=decorate,
    )
    return buffer.getvalue()
