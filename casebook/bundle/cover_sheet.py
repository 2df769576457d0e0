"""The cover sheet: the bundle's password and the SHA-256 of each part, on paper, for the sender.

It is printed or saved by the family and travels by a different channel than the bundle (read
over the phone, a text message, a photo), so it is NEVER put inside the bundle. It names the
recipient, the sender and the date but not the patient: a lost sheet reveals little. Hashes are
cut into groups of eight characters so they can be compared by eye or read aloud. English,
Chinese or both (one after the other), with the summary PDF's embedded fonts.
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
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from casebook.bundle.pdf_fonts import LATIN, LATIN_BOLD, draw_mixed, markup, register_fonts
from casebook.bundle.plan import SUMMARY_LANGUAGES, Recipient, Sender

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

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Bundle password and checksums",
        "keep": (
            "Keep this sheet. Send the password by a different channel than the bundle: read it "
            "over the phone or send it by text message. Never put this sheet, or the password, "
            "in the same email, upload or USB stick as the bundle."
        ),
        "to": "For",
        "from": "From",
        "date": "Date",
        "parts_count": "Parts",
        "password": "Password",
        "password_hint": (
            "Type it exactly as shown, with the dashes. It opens every part of the bundle."
        ),
        "parts": "Files of the bundle",
        "file": "File",
        "size": "Size",
        "sha256": "SHA-256",
        "check": "How to check a file",
        "check_intro": (
            "The recipient can make sure each file arrived unchanged: compute its SHA-256 and "
            "compare it with the value above (upper- or lower-case letters do not matter)."
        ),
        "linux": "Linux or macOS (Terminal)",
        "cmd": "Windows (Command Prompt)",
        "powershell": "Windows (PowerShell)",
        "seven_zip": (
            "To open the bundle, use 7-Zip (Windows), Keka or The Unarchiver (macOS) or p7zip "
            "(Linux). For parts named .001, .002 …, open the .001 file with all parts in one "
            "folder."
        ),
        "footer": "Casebook cover sheet — not part of the bundle",
        "bytes": "{count} bytes",
    },
    "zh": {
        "title": "资料包密码与校验值",
        "keep": (
            "请保存此页。请通过与资料包不同的渠道发送密码：电话告知或短信发送。"
            "切勿将此页或密码与资料包放在同一封电子邮件、同一次上传或同一个 U 盘中。"
        ),
        "to": "收件方",
        "from": "发件人",
        "date": "日期",
        "parts_count": "文件数",
        "password": "密码",
        "password_hint": "请严格按所示输入，包括短横线。此密码可打开资料包的所有分卷。",
        "parts": "资料包文件",
        "file": "文件",
        "size": "大小",
        "sha256": "SHA-256",
        "check": "如何核对文件",
        "check_intro": (
            "收件方可核对每个文件在传输中未被改动：计算其 SHA-256 值，并与上方数值比较"
            "（字母大小写不影响）。"
        ),
        "linux": "Linux 或 macOS（终端）",
        "cmd": "Windows（命令提示符）",
        "powershell": "Windows（PowerShell）",
        "seven_zip": (
            "打开资料包可使用 7-Zip（Windows）、Keka 或 The Unarchiver（macOS）或 p7zip（Linux）。"
            "若文件名为 .001、.002 …，请将所有分卷放在同一文件夹中，打开 .001 文件。"
        ),
        "footer": "Casebook 密码页 — 不属于资料包",
        "bytes": "{count} 字节",
    },
}


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
        "command": ParagraphStyle("command", base, fontSize=10, leading=14),
    }


def _size_text(size: int, text: dict[str, str]) -> str:
    if size < 1000:
        return text["bytes"].format(count=size)
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def _boxed(content: list[Flowable], fill: Any, rule: Any, padding: float = 4 * mm) -> Table:
    table = Table([[content]], colWidths=[A4[0] - 2 * MARGIN])
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
        self.text = TEXT[language]
        self.styles = _styles(language)

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def lines(self, lines: Sequence[str], style: str) -> Paragraph:
        return Paragraph("<br/>".join(markup(line) for line in lines), self.styles[style])

    def heading(self, key: str) -> Paragraph:
        return self.p(self.text[key], "heading")

    def details(self) -> Table:
        sheet, t = self.sheet, self.text
        recipient = sheet.recipient
        fields = (recipient.contact, recipient.department, recipient.institution, recipient.country)
        to = ", ".join(x for x in fields if x)
        sender = sheet.sender
        sent_by = ", ".join(x for x in (sender.name, sender.relationship, sender.contact) if x)
        rows = [(t["to"], to)]
        if sent_by:
            rows.append((t["from"], sent_by))
        rows += [(t["date"], sheet.created_on), (t["parts_count"], str(len(sheet.parts)))]
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

    def password(self) -> Flowable:
        t = self.text
        style = self.styles["password"]
        room = A4[0] - 2 * MARGIN - 2 * PASSWORD_PADDING - 4
        width = pdfmetrics.stringWidth(self.sheet.password, LATIN_BOLD, PASSWORD_SIZE)
        size = min(PASSWORD_SIZE, PASSWORD_SIZE * room / width)
        fitted = ParagraphStyle("password_fitted", style, fontSize=size, leading=size * 1.3)
        return KeepTogether(
            [
                self.heading("password"),
                _boxed(
                    [
                        Paragraph(markup(self.sheet.password), fitted),
                        Spacer(1, 2 * mm),
                        self.p(t["password_hint"], "muted"),
                    ],
                    BOX_FILL,
                    colors.HexColor("#8AA5B3"),
                    PASSWORD_PADDING,
                ),
            ]
        )

    def parts(self) -> list[Flowable]:
        t = self.text
        flow: list[Flowable] = [self.heading("parts")]
        for part in self.sheet.parts:
            rows = [
                [self.p(t["file"], "muted"), self.p(part.name, "label")],
                [self.p(t["size"], "muted"), self.p(f"{_size_text(part.size, t)} ({part.size:,})")],
                [self.p(t["sha256"], "muted"), self.lines(group_hash(part.sha256), "hash")],
            ]  # fmt: skip
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
            flow.append(KeepTogether([table]))
        return flow

    def check(self) -> list[Flowable]:
        t = self.text
        example = self.sheet.parts[0].name if self.sheet.parts else "casebook-bundle.7z"
        commands = [
            (t["linux"], f"sha256sum {example}"),
            ("macOS", f"shasum -a 256 {example}"),
            (t["cmd"], f"certutil -hashfile {example} SHA256"),
            (t["powershell"], f"Get-FileHash {example} -Algorithm SHA256"),
        ]
        rows = []
        for label, command in commands:
            rows += [[self.p(label, "muted")], [self.p(command, "command")]]
        table = Table(rows, colWidths=[A4[0] - 2 * MARGIN], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), LATIN),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    *[("LEFTPADDING", (0, i), (-1, i), 6 * mm) for i in range(1, len(rows), 2)],
                    *[("BOTTOMPADDING", (0, i), (-1, i), 2.5 * mm) for i in range(1, len(rows), 2)],
                ]
            )
        )
        return [
            KeepTogether(
                [self.heading("check"), self.p(t["check_intro"]), Spacer(1, 2 * mm), table]
            ),
            Spacer(1, 3 * mm),
            self.p(t["seven_zip"], "muted"),
        ]

    def build(self) -> list[Flowable]:
        t = self.text
        return [
            self.p(t["title"], "title"),
            Spacer(1, 3 * mm),
            _boxed([self.p("⚠  " + t["keep"])], WARNING_FILL, WARNING_RULE),
            Spacer(1, 4 * mm),
            self.details(),
            self.password(),
            *self.parts(),
            *self.check(),
        ]


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
    footer = " · ".join(TEXT[code]["footer"] for code in languages)
    buffer = io.BytesIO()

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, 14 * mm, A4[0] - MARGIN, 14 * mm)
        canvas.setFillColor(MUTED)
        draw_mixed(canvas, MARGIN, 9 * mm, f"{footer} · {document.page}", 8.5)
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=" / ".join(TEXT[code]["title"] for code in languages),
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
