"""Hostile and absurd files meet clear refusals, never a dead app: huge declared DICOM sizes,
lying lengths, and a PDF of thousands of pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest

from casebook.core.errors import CasebookError
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.imaging.thumbnail import dicom_thumbnail
from casebook.importers.pdf_pages import extract_pdf_text, pdf_page_count, render_pdf_page
from casebook.services.binder import BinderSession
from casebook.services.importing import import_paths
from casebook.services.isolation import IsolatedWorker

from .conftest import REAL_DICOM

SLICE = sorted((REAL_DICOM / "lung-ct-Lung_Dx-A0001").rglob("*.dcm"))[0]


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    with IsolatedWorker(memory_limit_mb=1024, timeout_seconds=60) as isolated:
        yield isolated


def _dicom_bytes(dataset: pydicom.Dataset) -> bytes:
    buffer = io.BytesIO()
    dataset.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


def test_absurd_declared_image_size_is_refused_not_allocated(worker: IsolatedWorker) -> None:
    dataset = pydicom.dcmread(SLICE)
    dataset.Rows = 65535
    dataset.Columns = 65535  # 8 GiB of pixels declared, 0.5 MB present
    with pytest.raises(CasebookError):
        worker.call(dicom_thumbnail, _dicom_bytes(dataset), 64)
    assert worker.call(len, b"alive") == 5


def test_lying_element_length_is_refused(worker: IsolatedWorker) -> None:
    data = bytearray(SLICE.read_bytes())
    marker = data.find(b"\xe0\x7f\x10\x00")  # (7FE0,0010) Pixel Data
    assert marker > 0
    # Implicit VR: the 4-byte length follows the tag; claim 3 GB of pixels.
    data[marker + 4 : marker + 8] = (3_000_000_000).to_bytes(4, "little")
    with pytest.raises(CasebookError):
        worker.call(dicom_thumbnail, bytes(data), 64)
    assert worker.call(len, b"alive") == 5


def test_pdf_of_thousands_of_pages(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scanned chart 1500 pages.pdf"
    pages = canvas.Canvas(str(path))
    for number in range(1500):
        pages.drawString(72, 720, f"page {number + 1} anticoagulation chart")
        pages.showPage()
    pages.save()
    data = path.read_bytes()
    assert worker.call(pdf_page_count, data) == 1500
    last = worker.call(render_pdf_page, data, 1499, 200_000)
    assert last.shape[0] * last.shape[1] <= 200_000
    text = worker.call(extract_pdf_text, data, 500)  # text is capped, the file is not
    assert "page 500 " in text
    assert "page 501 " not in text
    summary = import_paths(session, [path], None, ignore_progress, NEVER_CANCELLED)
    assert summary.added[0].size == len(data)
