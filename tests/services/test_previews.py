"""Thumbnails and pages of stored documents, decoded in the worker and cached encrypted."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.isolation import IsolatedWorker
from casebook.services.records.importing import import_paths
from casebook.services.records.previews import document_thumbnail, page_count, render_page

from .test_importing import _report_pdf


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    with IsolatedWorker(memory_limit_mb=1536, timeout_seconds=60) as isolated:
        yield isolated


def _import(session: BinderSession, *paths: Path):  # type: ignore[no-untyped-def]
    summary = import_paths(session, list(paths), None, ignore_progress, NEVER_CANCELLED)
    assert not summary.refused, summary.refused
    return summary.added


def test_pdf_thumbnail_is_made_once_and_cached(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    pdf = tmp_path / "letter.pdf"
    _report_pdf(pdf, ["Referral letter", "Dear colleague,"])
    [document] = _import(session, pdf)
    preview = document_thumbnail(session, document, worker)
    assert preview.png is not None
    with Image.open(io.BytesIO(preview.png)) as image:
        assert image.size[0] * image.size[1] <= 256 * 256
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # not blank
    rows = session.database().execute("SELECT count(*) FROM thumbnails").fetchone()[0]
    assert rows == 1
    assert document_thumbnail(session, document, worker) == preview
    assert page_count(session, document, worker) == 1
    page = render_page(session, document, 0, 1_000_000, worker)
    assert page.shape[0] * page.shape[1] <= 1_000_000


def test_photos_are_turned_upright_and_capped(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    photo = tmp_path / "phone photo.jpg"
    image = Image.new("RGB", (400, 200), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    image.save(photo, format="JPEG", exif=exif)
    [document] = _import(session, photo)
    pixels = render_page(session, document, 0, 1_000_000, worker)
    assert pixels.shape[:2] == (400, 200)


def test_huge_scan_is_decoded_at_a_capped_size(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    scan = tmp_path / "scan 20000x20000.jpg"
    Image.new("L", (20_000, 20_000), 200).save(scan, format="JPEG", quality=50)
    [document] = _import(session, scan)
    pixels = render_page(session, document, 0, 250_000, worker)
    assert pixels.shape[0] * pixels.shape[1] <= 250_000
    assert pixels.shape[0] == pixels.shape[1]


def test_broken_files_get_a_reason_not_a_crash(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    broken_png = tmp_path / "broken.png"
    broken_png.write_bytes(bytes.fromhex("89504e470d0a1a0a") + b"\x00" * 40)
    text = tmp_path / "notes.txt"
    text.write_text("plain words")
    for document in _import(session, broken_pdf, broken_png, text):
        preview = document_thumbnail(session, document, worker)
        assert preview.png is None
        assert preview.problem
    assert worker.call(len, b"still alive") == 11


def test_heic_phone_photo_is_recognised_and_shown(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    photo = tmp_path / "IMG_4021.HEIC"
    Image.new("RGB", (640, 480), (200, 40, 40)).save(photo, format="HEIF")
    [document] = _import(session, photo)
    assert document.media_type == "image/heic"
    pixels = render_page(session, document, 0, 1_000_000, worker)
    assert pixels.shape == (480, 640, 3)
    assert pixels[240, 320, 0] > 150  # the red survives decoding
