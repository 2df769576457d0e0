"""Casebook's own printouts (medicine list, questions, timeline, cover sheet …) on paper or in
a PDF file the family chose.

Printing paints the very pages of the PDF that "Save as PDF" would write: each page rendered by
PDFium at the printer's resolution and handed to the caller (the UI paints it onto the printer).
Everything happens in memory: a printout names the patient, so nothing is written to a
temporary file. Our own PDFs are made by reportlab or Qt in this process: they need no
isolation, unlike the family's files.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from casebook.core.changes import Changed
from casebook.core.errors import CannotWrite
from casebook.core.progress import CancelToken, Progress, Report
from casebook.importers.pdf_pages import (
    TextBox,
    pdf_page_sizes,
    pdf_text_boxes,
    render_pdf_page,
)
from casebook.services.binder.session import BinderSession
from casebook.store.meta import get_meta, set_meta

# Text and lines are crisp at 300 dpi; 600 dpi would take four times the memory (about 100 MB
# for one A4 page) and the time, for nothing a reader can see on a printed sheet.
MAX_PRINT_DPI = 300
_FOLDER = "pdf_folder"

Pixels = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class PrintedPage:
    """One page ready for the printer: its pixels, its size in points, and (when asked) its
    text and where it sits, so that a printout made into a PDF can still be searched."""

    index: int
    pixels: Pixels
    width: float
    height: float
    text: tuple[TextBox, ...] = ()


def print_pages(
    pdf: bytes,
    dpi: int,
    paint: Callable[[PrintedPage], None],
    report: Report,
    cancel: CancelToken,
    *,
    with_text: bool = False,
) -> int:
    """Render each page of `pdf` at `dpi` (at most MAX_PRINT_DPI) and `paint` it, one page at
    a time so that only one page is ever held in memory. Returns the number of pages."""
    sizes = pdf_page_sizes(pdf)
    dots = min(max(dpi, 72), MAX_PRINT_DPI) / 72
    for index, (width, height) in enumerate(sizes):
        cancel.raise_if_cancelled()
        report(Progress(index, len(sizes)))
        budget = math.ceil(width * dots) * math.ceil(height * dots)
        text = tuple(pdf_text_boxes(pdf, index)) if with_text else ()
        paint(PrintedPage(index, render_pdf_page(pdf, index, budget), width, height, text))
    report(Progress(len(sizes), len(sizes)))
    return len(sizes)


def save_pdf(pdf: bytes, target: Path) -> Path:
    """Write `pdf` to `target`, a file the family chose, through a `.partial` file so that an
    interrupted write never leaves half a PDF under the chosen name. A missing or read-only
    folder or a full disk is `CannotWrite` (never "the binder cannot be found")."""
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise CannotWrite(target, error.errno in (errno.ENOSPC, errno.EDQUOT)) from None
    return target


def last_pdf_folder(session: BinderSession) -> Path | None:
    """The folder a printout of this binder was last saved in. Kept inside the encrypted
    binder, not in the settings file: a folder's name often names the patient."""
    with session.reading() as db:
        value = get_meta(db, _FOLDER)
    return Path(value) if value else None


def remember_pdf_folder(session: BinderSession, folder: Path) -> None:
    with session.writing(Changed.SETTINGS) as db:
        set_meta(db, _FOLDER, str(folder))
