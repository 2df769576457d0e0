"""A 12-bit JPEG Extended series as real discs carry it (made by dcmtk from a real CT slice):
the Imaging page shows its thumbnail and the viewer shows the slice, as the uncompressed
original looks, through the real widgets and the worker pool."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pydicom
import pytest
from data_paths import lung_slice_path
from made_dicom import save, twelve_bit_jpeg
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.store.keyslots import KdfParams
from casebook.ui.common import tasks
from casebook.ui.imaging.dicom_viewer import DicomViewer
from casebook.ui.imaging.imaging_page import ImagingPage
from casebook.ui.imaging.series_model import SeriesRole, ThumbnailReadyRole

from .conftest import PASSWORD

WAIT_MS = 60_000
JPEG_SERIES = 99


@pytest.fixture
def binder(tmp_path: Path, require_tool: Callable[..., Path]) -> Iterator[BinderSession]:
    """The original slice 1-32 (series 2) and its 12-bit JPEG copy filed as series 99."""
    made = twelve_bit_jpeg(require_tool("dcmcjpeg"), tmp_path / "made")
    copy = pydicom.dcmread(made)
    copy.SeriesInstanceUID = pydicom.uid.generate_uid()
    copy.SeriesNumber = JPEG_SERIES
    jpeg = save(copy, tmp_path / "CT12BIT")
    created = create_binder(tmp_path / "binder", PASSWORD, Case("Lung_Dx-A0001", None, ""),
                            KdfParams.minimum())  # fmt: skip
    scan = scan_media([lung_slice_path(32), jpeg], ignore_progress, NEVER_CANCELLED)
    import_scan(created.session, scan, ignore_progress, NEVER_CANCELLED)
    yield created.session
    created.session.close()


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, binder: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)


def _picture(qtbot: QtBot, session: BinderSession, series_number: int) -> np.ndarray:
    """The windowed image the viewer shows for the series, as grey values."""
    [study] = imaging_records.list_studies(session)
    series = next(
        s
        for s in imaging_records.list_series(session, study.id)
        if s.series_number == series_number
    )
    viewer = DicomViewer(session, study, series)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS):
        viewer.show()
    image = viewer.canvas.image
    assert image is not None
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.sizeInBytes())
    rows = data.reshape(grey.height(), grey.bytesPerLine())[:, : grey.width()].copy()
    viewer.close()
    return rows


def test_the_thumbnail_and_the_viewer_show_the_12_bit_jpeg(
    qtbot: QtBot, binder: BinderSession
) -> None:
    page = ImagingPage(binder)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.series_loaded, timeout=WAIT_MS):
        page.show()
    model = page.series_model
    index = next(
        model.index(row)
        for row in range(model.rowCount())
        if model.index(row).data(SeriesRole).series_number == JPEG_SERIES
    )
    index.data(0x1)  # DecorationRole: a cache miss schedules the thumbnail
    qtbot.waitUntil(lambda: index.data(ThumbnailReadyRole) is True, timeout=WAIT_MS)
    series_id = index.data(SeriesRole).id
    assert page.thumbnails.problem(series_id) == ""
    assert page.thumbnails.image(series_id) is not None

    compressed = _picture(qtbot, binder, JPEG_SERIES)
    original = _picture(qtbot, binder, 2)
    assert compressed.shape == original.shape == (512, 512)
    assert original.std() > 20
    # Lossy, but the same slice: on average within one grey level of 255, nowhere far off.
    difference = np.abs(compressed.astype(np.int16) - original.astype(np.int16))
    assert difference.mean() < 1.0
    assert np.percentile(difference, 99.9) <= 8
