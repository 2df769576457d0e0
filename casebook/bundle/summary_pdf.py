"""The case summary PDF: the case at a glance, a cover letter asking for an MDT second opinion,
then the story, the records, the imaging, the questions and the opinions so far.

One PDF per language (English or Simplified Chinese): every word Casebook adds comes from the
catalogue in that language; what the family typed stays as typed. A4, calm and printable: page
numbers, an outline (bookmarks) per section, every font embedded. Sections with no data are
left out; there are no placeholders. The document never interprets the records.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from casebook.bundle.case_facts import SlotState
from casebook.bundle.glance import BOTTOM_MARGIN, TOP_MARGIN, frame_height, glance_flowables
from casebook.bundle.layout import XDM_SUBSET, BundleLayout, original_file
from casebook.bundle.opinion_text import opinion_lines
from casebook.bundle.pdf_fonts import LATIN, draw_mixed, markup, mixed_width, register_fonts
from casebook.bundle.pdf_styles import (
    MARGIN,
    MUTED,
    RULE,
    paragraph,
    plain_table,
    ruled_table,
    styles,
)
from casebook.bundle.plan import BundlePlan
from casebook.bundle.words import (
    MOMENT_TEXT,
    SLOT_NAMES,
    document_kind,
    instances_text,
    people_date,
    slot_remarks,
    slot_status,
    timeline_line,
)
from casebook.core.model import RecordKind
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.texts import N_, Texts, texts_for


class _Heading(Paragraph):  # type: ignore[misc]
    """A section heading that becomes a PDF bookmark when drawn."""

    def __init__(self, text: str, style: ParagraphStyle, key: str) -> None:
        super().__init__(markup(text), style)
        self.outline_title = text
        self.outline_key = key


class _Bookmark(Flowable):  # type: ignore[misc]
    """An invisible mark that becomes a PDF bookmark (for a page with its own title)."""

    def __init__(self, text: str, key: str) -> None:
        super().__init__()
        self.width = self.height = 0
        self.outline_title = text
        self.outline_key = key

    def draw(self) -> None:
        pass


class _SummaryDocument(SimpleDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading | _Bookmark):
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.outline_key, level=0)


def sender_line(t: Texts, plan: BundlePlan) -> str:
    sender = plan.sender
    return t.pgettext("list separator", ", ").join(
        x for x in (sender.name, sender.relationship, sender.contact) if x.strip()
    )


def recipient_line(t: Texts, plan: BundlePlan) -> str:
    recipient = plan.recipient
    fields = (recipient.contact, recipient.department, recipient.institution, recipient.country)
    return t.pgettext("list separator", ", ").join(x for x in fields if x.strip())


class _Builder:
    def __init__(self, plan: BundlePlan, layout: BundleLayout, language: str) -> None:
        self.plan = plan
        self.layout = layout
        self.language = language
        self.t = texts_for(language)
        self.styles = styles(language)
        self.story: list[Flowable] = []
        self._headings = 0

    def p(self, text: str, style: str = "body") -> Paragraph:
        return paragraph(text, self.styles[style])

    def heading(self, text: str) -> None:
        """A section heading, never stranded at the foot of a page. (keepWithNext would drag
        a long table whole onto the next page and leave this one half empty.)"""
        self._headings += 1
        self.story.append(CondPageBreak(45 * mm))
        self.story.append(_Heading(text, self.styles["heading"], f"s{self._headings}"))

    def glance(self) -> None:
        glance = self.plan.summary.glance
        if glance is None:
            return
        self._headings += 1
        self.story.append(_Bookmark(self.t.gettext("Case at a glance"), f"s{self._headings}"))
        self.story += glance_flowables(glance, self.language, frame_height())
        self.story.append(PageBreak())

    def letter(self) -> None:
        plan, t = self.plan, self.t
        self.story.append(
            _Heading(
                t.gettext("Request for a multidisciplinary second opinion"),
                self.styles["title"],
                "s0",
            )
        )
        rows = [(t.gettext("To"), recipient_line(t, plan))]
        if sender_line(t, plan):
            rows.append((t.gettext("From"), sender_line(t, plan)))
        rows.append((t.gettext("Date"), plan.created_on))
        self.story += [
            plain_table([[self.p(a, "muted"), self.p(b)] for a, b in rows], [28 * mm, None]),
            Spacer(1, 6 * mm),
            self.p(t.gettext("Dear colleagues,")),
            Spacer(1, 2 * mm),
            self.p(
                t.gettext(
                    "We would be grateful if your multidisciplinary team (MDT) could review the "
                    "case of {patient} and give a second opinion. The enclosed package holds the "
                    "medical records we have collected, listed below, with imaging as a standard "
                    "DICOM file-set."
                ).format(patient=plan.case.patient_name)
            ),
        ]
        if any(slot.missing for slot in plan.records):
            self.story += [
                Spacer(1, 2 * mm),
                self.p(
                    t.gettext(
                        "Some records are not yet available; they are marked below. Please tell "
                        "us if anything else would help your review."
                    )
                ),
            ]
        self.story += [Spacer(1, 4 * mm), self.p(t.gettext("With thanks and kind regards,"))]
        if plan.sender.name.strip():
            self.story.append(self.p(plan.sender.name.strip()))

    def lines(self, title: str, lines: Sequence[str]) -> None:
        if lines:
            self.heading(title)
            self.story += [self.p(f"• {line}") for line in lines]

    def records(self) -> None:
        t = self.t
        shown = [s for s in self.plan.records if s.kind is not RecordKind.OTHER or s.held]
        if not shown and not self.layout.documents:
            return
        self.heading(t.gettext("Records index"))
        if shown:
            header = [
                t.gettext(w) for w in (N_("Record"), N_("Status"), N_("Files"), N_("Remarks"))
            ]
            rows: list[list[Any]] = [[self.p(h, "head_cell") for h in header]]
            rows += [self._record_row(slot) for slot in shown]
            self.story.append(ruled_table(rows, [48 * mm, 30 * mm, 16 * mm, None]))
        if self.layout.documents:
            self.story += [
                Spacer(1, 5 * mm),
                self.p(t.gettext("Documents enclosed"), "head_cell"),
                Spacer(1, 2 * mm),
            ]
            header = [t.gettext(w) for w in (N_("Date"), N_("Title"), N_("Kind"), N_("File"))]
            rows = [[self.p(h, "head_cell") for h in header]]
            for placed in self.layout.documents:
                item = placed.item
                title = item.title or item.original_name
                original = original_file(self.layout, item)
                if original:
                    title = t.gettext("{title} (translation of {file})").format(
                        title=title, file=original
                    )
                rows.append(
                    [
                        self.p(item.document_date.iso() if item.document_date else "", "cell"),
                        self.p(title, "cell"),
                        self.p(document_kind(t, item), "cell"),
                        self.p(placed.path.rsplit("/", 1)[1], "muted"),
                    ]
                )
            self.story += [
                ruled_table(rows, [25 * mm, 70 * mm, 40 * mm, None]),
                Spacer(1, 2 * mm),
                self.p(
                    t.gettext("The files are in the folder {folder} of the package.").format(
                        folder=XDM_SUBSET
                    ),
                    "muted",
                ),
            ]

    def _record_row(self, slot: SlotState) -> list[Any]:
        t = self.t
        count = slot.enclosed if slot.kind is not RecordKind.IMAGING else len(self.layout.dicom)
        return [
            self.p(t.gettext(SLOT_NAMES[slot.kind]), "cell"),
            self.p(slot_status(t, slot), "missing" if slot.missing else "cell"),
            self.p(str(count or ""), "cell"),
            self.p(t.pgettext("detail separator", "; ").join(slot_remarks(t, slot)), "cell"),
        ]

    def imaging(self) -> None:
        if not self.layout.dicom:
            return
        t = self.t
        self.heading(t.gettext("Imaging index"))
        series: dict[tuple[str, str], list[Any]] = {}
        for placed in self.layout.dicom:
            item = placed.item
            key = (item.study_instance_uid, item.series_instance_uid)
            if key not in series:
                study = " ".join(
                    x for x in (people_date(item.study_date), item.study_description) if x
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
                series[key] = [study, label, 0, 0]
            series[key][2] += 1
            series[key][3] += max(1, item.frames)
        header = [t.gettext(w) for w in (N_("Study"), N_("Series"), N_("Images"))]
        rows: list[list[Any]] = [[self.p(h, "head_cell") for h in header]]
        rows += [
            [self.p(a, "cell"), self.p(b, "cell"), self.p(instances_text(t, n, f), "cell")]
            for a, b, n, f in series.values()
        ]
        self.story += [
            ruled_table(rows, [62 * mm, 62 * mm, None]),
            Spacer(1, 3 * mm),
            self.p(
                t.gettext("Open DICOMDIR at the root of the package with any DICOM viewer."),
                "muted",
            ),
        ]
        self.key_images()

    def key_images(self) -> None:
        """Thumbnails of the key images, three to a row, each with its caption."""
        images = self.plan.summary.key_images
        if not images:
            return
        cell_width = 52 * mm
        cells: list[Any] = []
        for key in images:
            picture = Image(io.BytesIO(key.png))
            scale = min(cell_width / picture.imageWidth, cell_width / picture.imageHeight)
            picture.drawWidth = picture.imageWidth * scale
            picture.drawHeight = picture.imageHeight * scale
            caption = " · ".join(
                x
                for x in (
                    key.study_date,
                    key.series_description,
                    f"#{key.instance_number}" if key.instance_number else "",
                )
                if x
            )
            cells.append([picture, self.p(caption, "muted")])
        rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
        rows[-1] += [Spacer(1, 1)] * (3 - len(rows[-1]))
        grid = Table(rows, colWidths=[cell_width + 4 * mm] * 3)
        grid.setStyle(
            TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        self.story += [
            Spacer(1, 4 * mm),
            self.p(self.t.gettext("Key images marked by the family"), "head_cell"),
            grid,
        ]

    def about(self) -> None:
        self.heading(self.t.gettext("About this summary"))
        self.story.append(
            self.p(
                self.t.gettext(
                    "This summary was prepared by the patient's family with Casebook, a program "
                    "that organises medical records. Casebook gives no medical advice and does "
                    "not interpret the records; the documents and images in the package are the "
                    "originals, unchanged, and each file's SHA-256 is listed in SHA256SUMS."
                ),
                "muted",
            )
        )

    def build(self) -> list[Flowable]:
        summary, t = self.plan.summary, self.t
        self.glance()
        self.letter()
        if summary.decision_moment is not None:
            self.heading(t.gettext("The decision we face"))
            self.story.append(self.p(t.gettext(MOMENT_TEXT[summary.decision_moment])))
        self.lines(t.gettext("Timeline"), [timeline_line(t, e) for e in summary.timeline])
        self.records()
        self.imaging()
        self.lines(
            t.gettext("Questions for the MDT"),
            [q.in_language(self.language) for q in summary.questions],
        )
        self.lines(
            t.gettext("Opinions received so far"),
            opinion_lines(t, summary.opinions, summary.comparison),
        )
        self.lines(
            t.gettext("Questions the differences raise"),
            [q.in_language(self.language) for q in summary.follow_ups],
        )
        self.about()
        return self.story


@one_pdf_at_a_time
def render_summary(plan: BundlePlan, layout: BundleLayout, language: str) -> bytes:
    """The summary PDF in `language` ("en" or "zh") as bytes, built in memory."""
    register_fonts()
    t = texts_for(language)
    buffer = io.BytesIO()
    footer = f"{plan.case.patient_name} · {plan.created_on}"

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, 15 * mm, A4[0] - MARGIN, 15 * mm)
        canvas.setFillColor(MUTED)
        page = t.gettext("Page {n}").format(n=document.page)
        draw_mixed(canvas, A4[0] - MARGIN - mixed_width(page, 8.5), 10 * mm, page, 8.5)
        draw_mixed(canvas, MARGIN, 10 * mm, footer, 8.5)
        canvas.restoreState()

    document = _SummaryDocument(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=t.gettext("Request for a multidisciplinary second opinion"),
        author="Casebook",
        subject=plan.case.patient_name,
        creator="Casebook",
        lang=language,
        # The canvas would start every page in Helvetica, which is never embedded.
        initialFontName=LATIN,
    )
    builder = _Builder(plan, layout, language)
    document.build(builder.build(), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
