"""A binder written before Casebook kept where each slice lies: the viewer shows the series by
instance number at once, reads the headers again in the worker, and puts the images in order
along the body without moving away from the image on screen; the order is kept for next time."""

from __future__ import annotations

from pathlib import Path

from made_dicom import renumbered
from older_binder import make_schema_3
from pytestqt.qtbot import QtBot

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import unlock_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.imaging.slice_order import unplaced
from casebook.ui.imaging.dicom_viewer import DicomViewer

from .conftest import PASSWORD, close_on_writer_lane

WAIT_MS = 60_000
# Files 1-01…1-06 lie from the head down; a PACS numbered them 1, 2, 5, 4, 3, 6.
NUMBERS = [1, 2, 5, 4, 3, 6]


def _older_binder(binder_folder: Path, disc: Path) -> None:
    """Import the renumbered slices, then make the binder one that an older Casebook wrote."""
    with unlock_binder(binder_folder, PASSWORD) as session:
        scan = scan_media(renumbered(disc, NUMBERS), ignore_progress, NEVER_CANCELLED)
        import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
        make_schema_3(session)


def test_an_older_binder_is_put_in_order_on_first_view(
    qtbot: QtBot, binder_folder: Path, tmp_path: Path
) -> None:
    _older_binder(binder_folder, tmp_path / "disc")
    session = unlock_binder(binder_folder, PASSWORD)
    try:
        [study] = imaging_records.list_studies(session)
        [series] = imaging_records.list_series(session, study.id)
        viewer = DicomViewer(session, study, series)
        qtbot.addWidget(viewer)
        with qtbot.waitSignals([viewer.series_shown, viewer.reordered], timeout=WAIT_MS):
            viewer.show()
        assert [i.instance_number for i in viewer.instances] == NUMBERS
        # The image first shown (number 4, the middle by number) is still the one on screen.
        qtbot.waitUntil(lambda: viewer.current is not None, timeout=WAIT_MS)
        assert viewer.instance is not None
        assert viewer.instance.instance_number == 4
        assert viewer.slice_slider.value() == NUMBERS.index(4)
        assert viewer.slice_label.text() == f"{NUMBERS.index(4) + 1} of 6"
        # Kept in the binder (written on the writer lane): the next look needs no second reading.
        qtbot.waitUntil(
            lambda: unplaced(imaging_records.list_instances(session, series.id)) == [],
            timeout=WAIT_MS,
        )
        viewer.close()
    finally:
        close_on_writer_lane(qtbot, session)
