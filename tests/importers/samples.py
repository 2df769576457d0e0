"""Where the real test inputs live, and real PDFs made at test time with reportlab."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
BROKEN = DATA / "broken"
SHARED_DICOM = TESTS.parents[1] / "shared" / "data" / "dicom"
TRANSFER_SYNTAXES = SHARED_DICOM / "transfer-syntaxes-dcm_qa_ts" / "In"
LUNG_CT = (
    SHARED_DICOM / "lung-ct-Lung_Dx-A0001" / "04-04-2007-NA-Chest-07990" / "2.000000-5mm-40805"
)
DEMO_DOCUMENTS = TESTS.parent / "resources" / "demo" / "documents"


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
