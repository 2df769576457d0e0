"""Hostile and absurd files meet clear refusals, never a dead app: huge declared DICOM sizes,
lying lengths, and a PDF of thousands of pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
from data_paths import LUNG_CT, TRANSFER_SYNTAXES

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.thumbnail import dicom_thumbnail
from casebook.importers.pdf_pages import extract_pdf_text, pdf_page_count, render_pdf_page
from casebook.services.binder.session import BinderSession
from casebook.services.isolation import IsolatedWorker
from casebook.services.records.importing import import_paths

SLICE = sorted(LUNG_CT.rglob("*.dcm"))[0]


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
    restarts = worker.restarts
    with pytest.raises(DicomUnreadable) as refused:
        worker.call(dicom_thumbnail, _dicom_bytes(dataset), 64)
    # Refused by the reader before any allocation: a damaged file, not a felled worker.
    assert refused.value.problem is DicomProblem.DAMAGED
    assert "less than expected" in refused.value.detail
    assert worker.restarts == restarts
    assert worker.call(len, b"alive") == 5


def test_lying_element_length_is_refused(worker: IsolatedWorker) -> None:
    data = bytearray(SLICE.read_bytes())
    marker = data.find(b"\xe0\x7f\x10\x00")  # (7FE0,0010) Pixel Data
    assert marker > 0
    # Implicit VR: the 4-byte length follows the tag; claim 3 GB of pixels.
    data[marker + 4 : marker + 8] = (3_000_000_000).to_bytes(4, "little")
    restarts = worker.restarts
    with pytest.raises(DicomUnreadable) as refused:
        worker.call(dicom_thumbnail, bytes(data), 64)
    assert refused.value.problem is DicomProblem.DAMAGED
    assert refused.value.detail == "truncated"
    assert worker.restarts == restarts
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


def test_a_zip_bomb_through_the_imaging_page_stores_nothing_of_it(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    """The audit's 1.3 MB zip that stored 1.1 GB: now refused before a byte is unpacked."""
    import zipfile

    from casebook.services.imaging.importing import SkipReason, import_scan, scan_media

    archive = tmp_path / "CD from the portal.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(SLICE, "DICOM/IM000001")
        zipped.writestr("DICOM/IM000002", SLICE.read_bytes()[:4096] + bytes(1100 * 1024 * 1024))
    assert archive.stat().st_size < 2 * 1024 * 1024
    scan = scan_media([archive], ignore_progress, NEVER_CANCELLED, worker)
    assert len(scan.instances) == 1
    assert scan.skipped[SkipReason.UNREADABLE] == 1
    assert scan.unreadable == [("CD from the portal.zip/DICOM/IM000002", "suspicious_compression")]
    size_before = (session.folder / "binder.db").stat().st_size
    assert import_scan(session, scan, ignore_progress, NEVER_CANCELLED).added == 1
    assert (session.folder / "binder.db").stat().st_size < size_before + 4 * 1024 * 1024


def test_a_compressed_image_too_large_for_a_preview_is_not_decrypted_for_one(
    session: BinderSession, worker: IsolatedWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compressed pixels have no fixed layout to read one frame from: no thumbnail, and not a
    byte of the file pulled into the app for it."""
    from casebook.services.imaging import previews
    from casebook.services.imaging import records as imaging_records

    jpeg_lossless = TRANSFER_SYNTAXES / "5.dcm"
    summary = import_paths(
        session, [jpeg_lossless], None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    assert summary.images_added == 1
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    [instance] = imaging_records.list_instances(session, series.id)
    monkeypatch.setattr(previews, "MAX_THUMBNAIL_SOURCE_BYTES", instance.size - 1)
    read: list[object] = []
    monkeypatch.setattr(previews, "read_instance_bytes", lambda *args: read.append(args))
    [preview] = previews.instance_thumbnails(session, [instance], 128, worker)
    assert preview.png is None
    assert previews.TOO_LARGE in preview.problem
    assert previews.instance_thumbnail(session, instance, 96, worker).png is None
    assert read == []  # not a byte of it was pulled into the app


def test_a_large_multiframe_file_is_read_one_frame_at_a_time(
    session: BinderSession,
    worker: IsolatedWorker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 12-frame uncompressed file (frames from real CT slices) treated as "large": the viewer
    and the thumbnail decrypt its header and one frame, and show what a whole read shows."""
    import numpy as np

    from casebook.imaging.dicom_frames import decode_frame
    from casebook.imaging.thumbnail import dicom_thumbnail_png
    from casebook.services.imaging import previews
    from casebook.services.imaging import records as imaging_records

    slices = sorted(SLICE.parent.glob("*.dcm"))[:6]  # twice over: 12 frames
    frames = [pydicom.dcmread(path).pixel_array for path in slices] * 2
    dataset = pydicom.dcmread(SLICE)
    dataset.NumberOfFrames = len(frames)
    dataset.PixelData = np.stack(frames).astype(np.uint16).tobytes()
    path = tmp_path / "loop.dcm"
    path.write_bytes(_dicom_bytes(dataset))
    import_paths(
        session, [path], None, ignore_progress, NEVER_CANCELLED, accept_other_patients=True
    )
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    [instance] = imaging_records.list_instances(session, series.id)
    assert instance.frames == 12
    whole = path.read_bytes()
    monkeypatch.setattr(previews, "WHOLE_FILE_BYTES", 1024 * 1024)
    monkeypatch.setattr(previews, "MAX_THUMBNAIL_SOURCE_BYTES", 1024 * 1024)
    read_whole: list[object] = []
    monkeypatch.setattr(previews, "read_instance_bytes", lambda *args: read_whole.append(args))
    frame = previews.read_frame(session, instance, 7, worker)
    expected = decode_frame(whole, 7)
    assert (frame.frame_index, frame.frame_count) == (7, 12)
    assert np.array_equal(frame.values, expected.values)
    assert frame.automatic == expected.automatic
    [preview] = previews.instance_thumbnails(session, [instance], 128, worker)
    assert preview.png == dicom_thumbnail_png(whole, 128)  # the middle frame, as a whole read
    assert read_whole == []
