"""Count, render and read the text of PDF pages, from bytes in memory, with PDFium.

Documents live encrypted in the binder, so everything here works on `bytes` and never writes
a file. PDFium is not thread-safe: every call into it holds one module-wide lock, which keeps
parallel thumbnail jobs correct (the renders themselves are short).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casebook.importers.pdf_errors import PdfPasswordProtected, PdfUnreadable

DEFAULT_MAX_PIXELS = 4_000_000
# Never render above 300 dpi: a tiny page would otherwise be blown up to `max_pixels`.
MAX_SCALE = 300 / 72

_PDFIUM_LOCK = threading.RLock()


def pdf_page_count(data: bytes, *, password: str | None = None) -> int:
    """Number of pages in the PDF held in `data`."""
    with _open_document(data, password) as document:
        return len(document)


def pdf_page_sizes(data: bytes, *, password: str | None = None) -> list[tuple[float, float]]:
    """Width and height of each page in points (1/72 inch), as the page would be printed."""
    with _open_document(data, password) as document:
        try:
            return [document[index].get_size() for index in range(len(document))]
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"page size: {exc}") from exc


def render_pdf_page(
    data: bytes,
    index: int = 0,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    *,
    password: str | None = None,
) -> npt.NDArray[np.uint8]:
    """Render page `index` as an RGB array (height, width, 3) of at most `max_pixels` pixels.

    The scale is chosen from the page size so that a poster-sized page (PDF allows 200 inches
    a side, more with UserUnit) still renders within `max_pixels`; it never exceeds 300 dpi.
    """
    if max_pixels < 1:
        raise ValueError("max_pixels must be positive")
    with _open_document(data, password) as document:
        if not 0 <= index < len(document):
            raise IndexError(f"page {index} of a {len(document)}-page PDF")
        try:
            page = document[index]
            try:
                width_pt, height_pt = page.get_size()
                scale = _fitting_scale(width_pt, height_pt, max_pixels)
                bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB byte order
                try:
                    pixels = np.array(bitmap.to_numpy()[:, :, :3], dtype=np.uint8)
                finally:
                    bitmap.close()
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"page {index}: {exc}") from exc
    return pixels


@dataclass(frozen=True)
class TextBox:
    """A run of text on one line and where it sits, in points from the page's bottom left."""

    left: float
    bottom: float
    right: float
    top: float
    text: str


def pdf_text_boxes(data: bytes, index: int, *, password: str | None = None) -> list[TextBox]:
    """The text of page `index` in runs, each one stretch of a line, with the box it covers.

    Built from PDFium's characters and their loose boxes: a run ends at a line break, where
    the text moves to another line, or where it jumps back or far ahead on the line."""
    with _open_document(data, password) as document:
        try:
            page = document[index]
            try:
                text_page = page.get_textpage()
                try:
                    return _runs(text_page)
                finally:
                    text_page.close()
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"text of page {index}: {exc}") from exc


def _runs(text_page: pdfium.PdfTextPage) -> list[TextBox]:
    runs: list[TextBox] = []
    chars: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]  # left, bottom, right, top of the run so far

    def flush() -> None:
        text = "".join(chars).strip()
        if text:
            runs.append(TextBox(box[0], box[1], box[2], box[3], text))
        chars.clear()

    for char in range(text_page.count_chars()):
        letter = chr(pdfium_c.FPDFText_GetUnicode(text_page.raw, char))
        if letter in "\r\n\x02\ufffe":
            flush()
            continue
        left, bottom, right, top = text_page.get_charbox(char, loose=True)
        if right - left <= 0 or top - bottom <= 0:  # a space PDFium put in, or an empty glyph
            if chars and letter.isspace():
                chars.append(" ")
            continue
        height = box[3] - box[1]
        other_line = abs(bottom - box[1]) > height / 2
        if chars and (other_line or not box[2] - height <= left <= box[2] + 3 * height):
            flush()
        if not chars:
            box[:] = [left, bottom, right, top]
        else:
            box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        chars.append(letter)
    flush()
    return runs


def extract_pdf_text(data: bytes, max_pages: int = 200, *, password: str | None = None) -> str:
    """Text of the first `max_pages` pages, pages separated by form feeds (as pdftotext does).

    Scanned PDFs have no text layer and give an empty string; that is not an error.
    """
    texts: list[str] = []
    with _open_document(data, password) as document:
        try:
            for index in range(min(len(document), max_pages)):
                page = document[index]
                try:
                    text_page = page.get_textpage()
                    try:
                        texts.append(text_page.get_text_bounded())
                    finally:
                        text_page.close()
                finally:
                    page.close()
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"text of page {len(texts)}: {exc}") from exc
    return "\f".join(texts)


def _fitting_scale(width_pt: float, height_pt: float, max_pixels: int) -> float:
    """Largest scale (pixels per point) at which the page fits in `max_pixels`, up to 300 dpi."""
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    scale = min(MAX_SCALE, math.sqrt(max_pixels / area))
    # Rounding up to whole pixels must not push the render over the budget.
    while scale > 0 and math.ceil(width_pt * scale) * math.ceil(height_pt * scale) > max_pixels:
        scale *= 0.99
    return scale


@contextmanager
def _open_document(data: bytes, password: str | None) -> Iterator[pdfium.PdfDocument]:
    """Open `data` under the PDFium lock, translating load failures into our errors."""
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as exc:
            if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
                raise PdfPasswordProtected(password_given=bool(password)) from exc
            raise PdfUnreadable(_LOAD_ERRORS.get(exc.err_code, str(exc))) from exc
        try:
            yield document
        finally:
            document.close()


_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file",
    pdfium_c.FPDF_ERR_FORMAT: "format",
    pdfium_c.FPDF_ERR_SECURITY: "unsupported security handler",
    pdfium_c.FPDF_ERR_PAGE: "no pages",
    pdfium_c.FPDF_ERR_UNKNOWN: "unknown",
    pdfium_c.FPDF_ERR_SUCCESS: "no pages",  # loaded, but FPDF_GetPageCount said 0
}
