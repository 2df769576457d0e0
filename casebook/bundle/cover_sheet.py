"""The cover sheet: the bundle's password and the SHA-256 of each part, on paper, for the sender.

It is printed or saved by the family and travels by a different channel than the bundle (read
over the phone, a text message, a photo), so it is NEVER put inside the bundle. It names the
recipient, the sender and the date but not the patient: a lost sheet reveals little. Hashes are
cut into groups of eight characters so they can be compared by eye or read aloud. English,
Chinese or both (one page each, words from the catalogue), with the summary's embedded fonts.
Each language fits one page: beyond a few parts the list turns into a two-column grid, and what
is left is shrunk into the page rather than spilling onto a second one (30 parts fit).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from casebook.bundle.pdf_fonts import LATIN, LATIN_BOLD, draw_mixed, markup, register_fonts
from casebook.bundle.plan import SUMMARY_LANGUAGES, Recipient, Sender
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.texts import Texts, texts_for

INK = colors.HexColor("#1D2328")
MUTED = colors.HexColor("#5A646C")
RULE = colors.HexColor("#C8CDD2")
BOX_FILL = colors.HexColor("#F3F6F8")
WARNING_FILL = colors.HexColor("#FFF4E0")
WARNING_RULE = colors.HexColor("#D9A441")
MARGIN = 20 * mm
HASH_GROUP = 8
PASSWORD_SIZE = 26.0
PASSWORD_PADDING = 6 * mm
ROOMY_PARTS = 6  # up to this many parts, one roomy block each; beyond, a compact grid
TOP_MARGIN = 18 * mm
BOTTOM_MARGIN = 22 * mm


@dataclass(frozen=True)
class SheetPart:
    """One file of the bundle as the sheet lists it."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class CoverSheet:
    """What the sheet shows; the patient is deliberately not on it."""

    recipient: Recipient
    created_on: str  # ISO date
    password: str
    parts: tuple[SheetPart, ...]
    sender: Sender = field(default_factory=Sender)


def group_hash(sha256: str, per_line: int = 4) -> list[str]:
    """The hash in lines of `per_line` groups of eight characters, e.g. two lines of four."""
    groups = [sha256[i : i + HASH_GROUP] for i in range(0, len(sha256), HASH_GROUP)]
    return [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]


def _styles(language: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=LATIN,
        fontSize=10.5,
        leading=15,
        textColor=INK,
        wordWrap="CJK" if language == "zh" else None,
    )
    return {
        "body": base,
        "muted": ParagraphStyle("muted", base, fontSize=9.5, leading=13.5, textColor=MUTED),
        "title": ParagraphStyle("title", base, fontName=LATIN_BOLD, fontSize=19, leading=25),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName=LATIN_BOLD,
            fontSize=13,
            leading=18,
            spaceBefore=5 * mm,
            spaceAfter=2.5 * mm,
            keepWithNext=1,
        ),
        "label": ParagraphStyle("label", base, fontName=LATIN_BOLD, fontSize=10, leading=14),
        "password": ParagraphStyle(
            "password", base, fontName=LATIN_BOLD, fontSize=25, leading=32, alignment=1
        ),
        "hash": ParagraphStyle("hash", base, fontSize=10.5, leading=15),
        "grid_label": ParagraphStyle(
            "grid_label", base, fontName=LATIN_BOLD, fontSize=8, leading=10.5
        ),
        "grid_hash": ParagraphStyle("grid_hash", base, fontSize=8.5, leading=11),
        "command": ParagraphStyle("command", base, fontSize=9.5, leading=13),
    }


def _size_text(size: int, t: Texts) -> str:
    if size < 1000:
        return t.ngettext("{count} byte", "{count} bytes", size).format(count=size)
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def _boxed(content: list[Flowable], fill: Any, rule: Any, padding: float = 4 * mm) -> Table:
    table = Table([[content]], colWidths=[A4[0] - 2 * MARGIN], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("BOX", (0, 0), (-1, -1), 1, rule),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    return table


class _SheetBuilder:
    def __init__(self, sheet: CoverSheet, language: str) -> None:
        self.sheet = sheet
        self.t = texts_for(language)
        self.styles = _styles(language)

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def lines(self, lines: Sequence[str], style: str) -> Paragraph:
        return Paragraph("<br/>".join(markup(line) for line in lines), self.styles[style])

    def heading(self, text: str) -> Paragraph:
        return self.p(text, "heading")

    def details(self) -> Table:
        sheet, t = self.sheet, self.t
        recipient = sheet.recipient
        fields = (recipient.contact, recipient.department, recipient.institution, recipient.country)
        comma = t.pgettext("list separator", ", ")
        to = comma.join(x for x in fields if x)
        sender = sheet.sender
        sent_by = comma.join(x for x in (sender.name, sender.relationship, sender.contact) if x)
        rows = [(t.gettext("For"), to)]
        if sent_by:
            rows.append((t.gettext("From"), sent_by))
        rows += [
            (t.gettext("Date"), sheet.created_on),
            (t.gettext("Parts"), str(len(sheet.parts))),
        ]
        table = Table(
            [[self.p(a, "muted"), self.p(b)] for a, b in rows],
            colWidths=[30 * mm, None],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), LATIN),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return table

    def password(self) -> list[Flowable]:
        t = self.t
        style = self.styles["password"]
        room = A4[0] - 2 * MARGIN - 2 * PASSWORD_PADDING - 4
        width = pdfmetrics.stringWidth(self.sheet.password, LATIN_BOLD, PASSWORD_SIZE)
        size = min(PASSWORD_SIZE, PASSWORD_SIZE * room / width)
        fitted = ParagraphStyle("password_fitted", style, fontSize=size, leading=size * 1.3)
        return [
            self.heading(t.gettext("Password")),
            _boxed(
                [
                    Paragraph(markup(self.sheet.password), fitted),
                    Spacer(1, 2 * mm),
                    self.p(
                        t.gettext(
                            "Type it exactly as shown, with the dashes. It opens every part "
                            "of the bundle."
                        ),
                        "muted",
                    ),
                ],
                BOX_FILL,
                colors.HexColor("#8AA5B3"),
                PASSWORD_PADDING,
            ),
        ]

    def parts(self) -> list[Flowable]:
        if len(self.sheet.parts) > ROOMY_PARTS:
            return [self.heading(self.t.gettext("Files of the bundle")), self.part_grid()]
        return [self.heading(self.t.gettext("Files of the bundle")), *self.part_blocks()]

    def part_blocks(self) -> list[Flowable]:
        """One block per part: name, size, and the hash in two lines of four groups."""
        t = self.t
        flow: list[Flowable] = []
        for part in self.sheet.parts:
            size = f"{_size_text(part.size, t)} ({part.size:,})"
            rows = [
                [self.p(t.gettext("File"), "muted"), self.p(part.name, "label")],
                [self.p(t.gettext("Size"), "muted"), self.p(size)],
                [self.p("SHA-256", "muted"), self.lines(group_hash(part.sha256), "hash")],
            ]
            table = Table(rows, colWidths=[30 * mm, None], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), LATIN),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
                        ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
                        ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
                    ]
                )
            )
            flow.append(table)
        return flow

    def part_grid(self) -> Table:
        """Many parts: two columns of cells (name and size, then the hash in two lines)."""
        t = self.t
        cells = []
        for part in self.sheet.parts:
            head = f"{part.name} · {_size_text(part.size, t)}"
            cells.append(
                [self.p(head, "grid_label"), self.lines(group_hash(part.sha256), "grid_hash")]
            )
        half = (len(cells) + 1) // 2
        left, right = cells[:half], cells[half:]
        right += [[Spacer(1, 1)]] * (half - len(right))
        width = (A4[0] - 2 * MARGIN) / 2
        table = Table([[a, b] for a, b in zip(left, right, strict=True)], colWidths=[width, width])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), LATIN),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ]
            )
        )
        return table

    def check(self) -> list[Flowable]:
        t = self.t
        example = self.sheet.parts[0].name if self.sheet.parts else "casebook-bundle.7z"
        commands = [
            (t.gettext("Linux or macOS (Terminal)"), f"sha256sum {example}"),
            ("macOS", f"shasum -a 256 {example}"),
            (t.gettext("Windows (Command Prompt)"), f"certutil -hashfile {example} SHA256"),
            (t.gettext("Windows (PowerShell)"), f"Get-FileHash {example} -Algorithm SHA256"),
        ]
        cells = [
            [self.p(label, "muted"), self.p(command, "command")] for label, command in commands
        ]
        half = (A4[0] - 2 * MARGIN) / 2
        table = Table([cells[0:2], cells[2:4]], colWidths=[half, half], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), LATIN),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
                ]
            )
        )
        intro = t.gettext(
            "The recipient can make sure each file arrived unchanged: compute its SHA-256 and "
            "compare it with the value above (upper- or lower-case letters do not matter)."
        )
        seven_zip = t.gettext(
            "To open the bundle, use 7-Zip (Windows), Keka or The Unarchiver (macOS) or p7zip "
            "(Linux). For parts named .001, .002 …, open the .001 file with all parts in one "
            "folder."
        )
        return [
            self.heading(t.gettext("How to check a file")),
            self.p(intro),
            Spacer(1, 2 * mm),
            table,
            Spacer(1, 3 * mm),
            self.p(seven_zip, "muted"),
        ]

    def build(self) -> list[Flowable]:
        """The language's page, shrunk if need be to fit one A4 frame."""
        t = self.t
        keep = t.gettext(
            "Keep this sheet. Send the password by a different channel than the bundle: read it "
            "over the phone or send it by text message. Never put this sheet, or the password, "
            "in the same email, upload or USB stick as the bundle."
        )
        content = [
            self.p(title(t), "title"),
            Spacer(1, 3 * mm),
            _boxed([self.p("⚠  " + keep)], WARNING_FILL, WARNING_RULE),
            Spacer(1, 4 * mm),
            self.details(),
            *self.password(),
            *self.parts(),
            *self.check(),
        ]
        height = A4[1] - TOP_MARGIN - BOTTOM_MARGIN - 12
        return [KeepInFrame(A4[0] - 2 * MARGIN, height, content, mode="shrink")]


def title(t: Texts) -> str:
    return t.gettext("Bundle password and checksums")


def footer(t: Texts) -> str:
    return t.gettext("Casebook cover sheet — not part of the bundle")


@one_pdf_at_a_time
def render_cover_sheet(sheet: CoverSheet, language: str = "en") -> bytes:
    """The sheet as PDF bytes, built in memory; "en+zh" gives the English then the Chinese."""
    if language not in SUMMARY_LANGUAGES:
        raise ValueError(f"language must be one of {SUMMARY_LANGUAGES}")
    register_fonts()
    languages = language.split("+")
    story: list[Flowable] = []
    for index, code in enumerate(languages):
        if index:
            story.append(PageBreak())
        story += _SheetBuilder(sheet, code).build()
    footer_text = " · ".join(footer(texts_for(code)) for code in languages)
    buffer = io.BytesIO()

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, 14 * mm, A4[0] - MARGIN, 14 * mm)
        canvas.setFillColor(MUTED)
        draw_mixed(canvas, MARGIN, 9 * mm, f"{footer_text} · {document.page}", 8.5)
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=" / ".join(title(texts_for(code)) for code in languages),
        author="Casebook",
        creator="Casebook",
        lang=languages[0],
        initialFontName=LATIN,
    )
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def sheet_parts(parts: Sequence[tuple[str, int, str]]) -> tuple[SheetPart, ...]:
    """(name, size, sha256) triples as sheet parts."""
    return tuple(SheetPart(name, size, sha256) for name, size, sha256 in parts)
