"""Where the real test inputs live, and real PDFs made at test time with reportlab."""

from __future__ import annotations

import io

from data_paths import BROKEN, DEMO_DOCUMENTS, TRANSFER_SYNTAXES
from data_paths import LUNG_SERIES as LUNG_CT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

__all__ = ["BROKEN", "DEMO_DOCUMENTS", "LUNG_CT", "TRANSFER_SYNTAXES"]


def make_pdf(
    pages: list[str],
    pagesize: tuple[float, float] = A4,
    encrypt: StandardEncryption | None = None,
) -> bytes:
    """A real PDF with one line of text per page, and a filled square to see in renders."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize, encrypt=encrypt, invariant=True)
    for text in pages:
        canvas.setFillColorRGB(0.8, 0.1, 0.1)
        canvas.rect(0, 0, pagesize[0] / 2, pagesize[1] / 2, fill=1, stroke=0)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, pagesize[1] - 72, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
