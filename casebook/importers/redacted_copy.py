"""A redacted copy of a PDF or a photo: a new file in which what the family hid is gone.

Each page is rendered to a picture with the boxes painted black into its pixels, so nothing
under a box survives: no text layer, no vector drawing, no image. The words the original's text
layer had outside every box are written back as invisible text in their places, so the copy
stays searchable and selectable where nothing was hidden. A photo comes back as a JPEG without
its metadata (EXIF may hold a place or a name). Runs in the isolated worker: it parses the
original, which came from outside.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas

from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.core.redaction import Box, Word, visible_words
from casebook.importers.pdf_errors import PdfUnreadable
from casebook.importers.pdf_pages import _open_document
from casebook.importers.pdf_words import pdf_page_words
from casebook.importers.picture import render_picture
from casebook.resources import resource_path

DPI = 200
MAX_PAGE_PIXELS = 12_000_000
MAX_PHOTO_PIXELS = 24_000_000
JPEG_QUALITY = 88
LATIN_TEXT_FONT = "CasebookRedactionLatin"
CJK_TEXT_FONT = "CasebookRedactionCJK"
MAX_PAGES = 500


@functools.cache
def _register_text_fonts() -> None:
    """Fonts for the invisible text (never drawn visibly, but their glyphs map back to text)."""
    pdfmetrics.registerFont(TTFont(LATIN_TEXT_FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    cjk = resource_path("fonts", "DroidSansFallbackFull.ttf")
    pdfmetrics.registerFont(TTFont(CJK_TEXT_FONT, str(cjk)))


def _font_for(text: str) -> str:
    _register_text_fonts()
    wide = any(0x2E80 <= ord(ch) <= 0x9FFF or 0xF900 <= ord(ch) <= 0xFFEF for ch in text)
    return CJK_TEXT_FONT if wide else LATIN_TEXT_FONT


def paint_boxes(pixels: npt.NDArray[np.uint8], boxes: Sequence[Box]) -> npt.NDArray[np.uint8]:
    """A copy of `pixels` (height, width, 3) with each box filled black, rounded outwards."""
    painted = np.array(pixels, copy=True)
    height, width = painted.shape[:2]
    for box in boxes:
        left, right = math.floor(box.left * width), math.ceil(box.right * width)
        top, bottom = math.floor(box.top * height), math.ceil(box.bottom * height)
        painted[max(top, 0) : min(bottom, height), max(left, 0) : min(right, width)] = 0
    return painted


def _render(document: pdfium.PdfDocument, index: int) -> tuple[npt.NDArray[np.uint8], float, float]:
    page = document[index]
    try:
        width, height = page.get_size()
        scale = min(DPI / 72, math.sqrt(MAX_PAGE_PIXELS / max(width * height, 1.0)))
        bitmap = page.render(scale=scale, rev_byteorder=True)
        try:
            pixels = np.array(bitmap.to_numpy()[:, :, :3], dtype=np.uint8)
        finally:
            bitmap.close()
    finally:
        page.close()
    return pixels, float(width), float(height)


def _jpeg(pixels: npt.NDArray[np.uint8]) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def _invisible_text(
    page: pdf_canvas.Canvas, words: Sequence[Word], width: float, height: float
) -> None:
    for word in words:
        font = _font_for(word.text)
        size = max((word.bottom - word.top) * height * 0.9, 1.0)
        natural = pdfmetrics.stringWidth(word.text, font, size)
        wanted = (word.right - word.left) * width
        text = page.beginText()
        text.setTextRenderMode(3)  # neither fill nor stroke: invisible, still extractable
        text.setFont(font, size)
        if natural > 0 and wanted > 0:
            text.setHorizScale(max(10.0, min(1000.0, 100.0 * wanted / natural)))
        text.setTextOrigin(word.left * width, (1 - word.bottom) * height + 0.15 * size)
        text.textOut(word.text)
        page.drawText(text)


@one_pdf_at_a_time
def redact_pdf(data: bytes, boxes: Sequence[Box]) -> bytes:
    """The redacted copy of the PDF in `data` (every page rendered, boxes burnt in)."""
    with _open_document(data, None) as document:
        pages = len(document)
        if pages > MAX_PAGES:
            raise PdfUnreadable(f"{pages} pages (at most {MAX_PAGES})")
        rendered = []
        try:
            for index in range(pages):
                rendered.append(_render(document, index))
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"page {len(rendered)}: {exc}") from exc
    buffer = io.BytesIO()
    out = pdf_canvas.Canvas(buffer, pageCompression=1, invariant=1)
    out.setTitle("Redacted copy")
    out.setCreator("Casebook")
    out.setAuthor("")
    for index, (pixels, width, height) in enumerate(rendered):
        on_page = [box for box in boxes if box.page == index]
        out.setPageSize((width, height))
        picture = Image.open(io.BytesIO(_jpeg(paint_boxes(pixels, on_page))))
        out.drawImage(ImageReader(picture), 0, 0, width, height)
        words = visible_words(pdf_page_words(data, index), on_page)
        _invisible_text(out, words, width, height)
        out.showPage()
    out.save()
    return buffer.getvalue()


def redact_picture(data: bytes, boxes: Sequence[Box]) -> bytes:
    """The redacted copy of a photo or scan, as a JPEG without the original's metadata."""
    pixels = render_picture(data, MAX_PHOTO_PIXELS)
    return _jpeg(paint_boxes(pixels, [box for box in boxes if box.page == 0]))
