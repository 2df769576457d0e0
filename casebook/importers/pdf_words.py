"""The words of a PDF page and where they are, from its text layer (PDFium), from bytes in
memory: what redaction proposals search and what a redacted copy keeps as invisible text.

Latin text comes as whitespace-separated words; Chinese, Japanese and Korean characters one by
one (`joined`), since their text has no spaces and a name may sit inside a longer run.
Positions are fractions of the page (top-left origin), like `core.redaction.Box`.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casebook.core.redaction import Word
from casebook.importers.pdf_errors import PdfUnreadable
from casebook.importers.pdf_pages import _open_document

MAX_CHARS_PER_PAGE = 200_000


def _is_cjk(character: str) -> bool:
    code = ord(character)
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF


def pdf_page_words(data: bytes, index: int, *, password: str | None = None) -> list[Word]:
    """The words of page `index` in the order the text layer gives them."""
    with _open_document(data, password) as document:
        if not 0 <= index < len(document):
            raise IndexError(f"page {index} of a {len(document)}-page PDF")
        try:
            page = document[index]
            try:
                width, height = page.get_size()
                text_page = page.get_textpage()
                try:
                    return _words(text_page, index, max(width, 1.0), max(height, 1.0))
                finally:
                    text_page.close()
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"text of page {index}: {exc}") from exc


def _words(text_page: pdfium.PdfTextPage, page: int, width: float, height: float) -> list[Word]:
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float]] = []
    after_space = True  # no word yet, or whitespace since the last one

    def flush() -> None:
        nonlocal current, after_space
        if current:
            words.append(
                Word(
                    page,
                    "".join(c[0] for c in current),
                    min(c[1] for c in current) / width,
                    1 - max(c[4] for c in current) / height,
                    max(c[3] for c in current) / width,
                    1 - min(c[2] for c in current) / height,
                    joined=not after_space,
                )
            )
            after_space = False
        current = []

    count = min(text_page.count_chars(), MAX_CHARS_PER_PAGE)
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(text_page.raw, i)
        character = chr(code) if 0 < code < 0x110000 else " "
        if character.isspace() or code in (0xFFFE, 0xFFFF):
            flush()
            after_space = True
            continue
        left, bottom, right, top = text_page.get_charbox(i)
        if _is_cjk(character):
            flush()
            current = [(character, left, bottom, right, top)]
            flush()
            continue
        if current and _is_cjk(current[-1][0]):
            flush()
        current.append((character, left, bottom, right, top))
    flush()
    return words
