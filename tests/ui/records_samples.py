"""Realistic small records for Records page and viewer tests: PDFs made with reportlab
(English and Chinese text), a photo-like scan made with Pillow, a plain text letter."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from casebook.core.model import Document
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records.importing import import_paths


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    document = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        document.setFont("STSong-Light", 16)
        y = 780
        for line in lines:
            document.drawString(72, y, line)
            y -= 26
        document.rect(60, 60, 475, 120)
        document.drawString(72, 150, f"Page {number}")
        document.showPage()
    document.save()
    return path


def write_scan(path: Path, size: tuple[int, int] = (600, 400)) -> Path:
    """A photographed lab sheet: off-white paper, dark lines of "text", a grey table."""
    image = Image.new("RGB", size, (246, 243, 236))
    draw = ImageDraw.Draw(image)
    for row in range(8):
        y = 40 + row * 40
        draw.rectangle([40, y, 40 + (row * 57) % 400 + 120, y + 12], fill=(40, 40, 50))
    draw.rectangle([30, 20, size[0] - 30, size[1] - 20], outline=(90, 90, 90), width=3)
    image.save(path)
    return path


def make_records(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "pathology": write_pdf(
            folder / "surgical pathology.pdf",
            [
                [
                    "SURGICAL PATHOLOGY REPORT",
                    "Collected: 14 March 2024",
                    "Biopsy of pancreatic head. Adenocarcinoma, moderately differentiated.",
                ],
                ["Immunohistochemistry", "CK7 positive, CK20 negative"],
                ["Signed out by Dr Example"],
            ],
        ),
        "chinese": write_pdf(
            folder / "出院小结.pdf",
            [["出院小结", "诊断：胰腺癌", "建议：化疗后复查"]],
        ),
        "scan": write_scan(folder / "blood tests.png"),
        "letter": _write_text(folder / "referral letter.txt", "Dear colleague, please review."),
    }


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    return path


def import_records(session: BinderSession, folder: Path) -> dict[str, Document]:
    files = make_records(folder)
    summary = import_paths(
        session, list(files.values()), None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    assert not summary.refused, summary.refused
    by_name = {document.original_name: document for document in summary.added}
    return {key: by_name[path.name] for key, path in files.items()}
