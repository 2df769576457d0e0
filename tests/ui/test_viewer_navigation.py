"""Opening, leaving and moving between series in the DICOM viewer, through real widgets: one
double-click opens one viewer (a second brings it to the front), Esc and Ctrl+W close it, the
study's next and previous series come in the same window (wrapping round, keeping the
contrast), and the window fits a 1366 × 768 laptop with its controls in view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
import shiboken6
from data_paths import SMALL_MR, lung_slice_path
from made_dicom import save
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.model import Case, ImagingStudy
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.imaging.dicom_frames import WindowPreset
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.store.keyslots import KdfParams
from casebook.ui.common import tasks
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.imaging.dicom_viewer import DicomViewer
from casebook.ui.imaging.imaging_page import ImagingPage

from .conftest import PASSWORD
from .screenshots import save_screenshot, screenshot_folder

WAIT_MS = 60_000
LAPTOP = (1366, 768)  # less a taskbar (40) and the window's title bar (40)
LAPTOP_WINDOW = (LAPTOP[0] - 16, LAPTOP[1] - 80)


def _study(folder: Path) -> list[Path]:
    """One CT study of three series: 1-01…1-04 (series 2, "5mm"), 1-05…1-08 made series 3
    ("5mm lung"), and the small MR slice filed into the same study as series 4."""
    folder.mkdir()
    paths = [lung_slice_path(number) for number in (1, 2, 3, 4)]
    study_uid = pydicom.dcmread(paths[0], stop_before_pixels=True).StudyInstanceUID
    series_uid = pydicom.uid.generate_uid()
    for number in (5, 6, 7, 8):
        dataset = pydicom.dcmread(lung_slice_path(number))
        dataset.SeriesInstanceUID = series_uid
        dataset.SeriesNumber = 3
        dataset.SeriesDescription = "5mm lung"
        paths.append(save(dataset, folder / f"CT{number}"))
    mr = pydicom.dcmread(SMALL_MR)
    mr.StudyInstanceUID = study_uid
    mr.SeriesInstanceUID = pydicom.uid.generate_uid()  # not the original MR's series
    mr.SeriesNumber = 4
    paths.append(save(mr, folder / "MR1"))
    return paths


@pytest.fixture
def binder(tmp_path: Path) -> Iterator[BinderSession]:
    case = Case("Lung_Dx-A0001", None, "")
    created = create_binder(tmp_path / "binder", PASSWORD, case, KdfParams.minimum())
    paths = _study(tmp_path / "disc")
    # The small MR as it is: a study of its own, which "next series" never reaches.
    scan = scan_media([*paths, SMALL_MR], ignore_progress, NEVER_CANCELLED)
    import_scan(created.session, scan, ignore_progress, NEVER_CANCELLED)
    yield created.session
    created.session.close()


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, binder: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)


def _ct_study(session: BinderSession) -> ImagingStudy:
    studies = imaging_records.list_studies(session)
    assert len(studies) == 2
    return next(study for study in studies if "CT" in study.modalities)


def _viewer(qtbot: QtBot, session: BinderSession, number: int = 2) -> DicomViewer:
    study = _ct_study(session)
    series = next(
        s for s in imaging_records.list_series(session, study.id) if s.series_number == number
    )
    viewer = DicomViewer(session, study, series)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS):
        viewer.show()
    qtbot.waitUntil(lambda: len(viewer.lists.study_series) == 3, timeout=WAIT_MS)
    viewer.activateWindow()
    qtbot.waitActive(viewer)
    return viewer


def _corner(viewer: DicomViewer, which: Qt.Corner) -> str:
    return " | ".join(viewer.canvas.corners.get(which, []))


def _double_click(qtbot: QtBot, view: QAbstractItemView, at: QPoint) -> None:
    """A user's double-click: press and release, then the second press that Qt reports as a
    double-click (QTest's mouseDClick alone sends no first click, and the view ignores it)."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def _press(qtbot: QtBot, viewer: DicomViewer, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS):
        qtbot.keyClick(viewer.canvas, key, modifier)


def test_one_double_click_opens_one_viewer_and_a_second_raises_it(
    qtbot: QtBot, binder: BinderSession
) -> None:
    page = ImagingPage(binder)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    with qtbot.waitSignal(page.series_loaded, timeout=WAIT_MS):
        page.show()
    view = page.series_view
    opened: list[DicomViewer] = []
    raised: list[DicomViewer] = []
    page.viewer_opened.connect(opened.append)
    page.viewer_raised.connect(raised.append)
    with qtbot.waitSignal(page.series_loaded, timeout=WAIT_MS):
        page.select_study(_ct_study(binder).id)
    qtbot.waitExposed(page)
    centre = view.visualRect(page.series_model.index(0)).center()
    _double_click(qtbot, view, centre)
    assert len(opened) == 1
    assert page.viewers == opened
    viewer = opened[0]
    assert viewer.series.series_number == 2
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=WAIT_MS)
    other = QWidget()  # another window comes to the front
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitActive(other)
    _double_click(qtbot, view, centre)
    assert raised == [viewer]
    assert len(opened) == 1
    assert page.viewers == [viewer]
    qtbot.waitUntil(viewer.isActiveWindow)
    # Enter opens the selected series too: still the one viewer.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert raised == [viewer, viewer]
    second = view.visualRect(page.series_model.index(1)).center()
    _double_click(qtbot, view, second)
    assert len(opened) == 2
    assert opened[1].series.series_number == 3


@pytest.mark.parametrize("keys", ["Esc", "Ctrl+W"])
def test_esc_and_ctrl_w_close_the_viewer(qtbot: QtBot, binder: BinderSession, keys: str) -> None:
    viewer = _viewer(qtbot, binder)
    key, modifier = (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        if keys == "Esc"
        else (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    )
    gone: list[bool] = []
    viewer.destroyed.connect(lambda: gone.append(True))
    qtbot.keyClick(viewer.canvas, key, modifier)
    qtbot.waitUntil(lambda: gone == [True], timeout=WAIT_MS)  # closed, and deleted with it
    assert not shiboken6.isValid(viewer)
    del viewer


def test_next_and_previous_series_wrap_within_the_study_keeping_the_contrast(
    qtbot: QtBot, binder: BinderSession
) -> None:
    viewer = _viewer(qtbot, binder)
    assert "Series 1 of 3" in _corner(viewer, Qt.Corner.TopLeftCorner)
    viewer.set_preset(WindowPreset.LUNG)
    viewer.invert_button.click()
    _press(qtbot, viewer, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert viewer.series.description == "5mm lung"
    assert viewer.windowTitle() == "5mm lung — Casebook"
    assert "Series 2 of 3" in _corner(viewer, Qt.Corner.TopLeftCorner)
    assert viewer.preset_combo.currentData() is WindowPreset.LUNG
    assert _corner(viewer, Qt.Corner.BottomRightCorner).startswith("W 1500  L -600")
    assert viewer.inverted
    assert viewer.slice_label.text() == "3 of 4"  # the middle image of the new series
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS):
        viewer.next_series_button.click()
    assert viewer.series.modality == "MR"
    # CT windows mean nothing for MR: the MR gets its automatic window.
    assert [viewer.preset_combo.itemText(i) for i in range(viewer.preset_combo.count())] == [
        "Automatic",
        "Custom",
    ]
    assert viewer.contrast is None
    _press(qtbot, viewer, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert viewer.series.series_number == 2  # round to the first: the other study is not in it
    _press(qtbot, viewer, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert viewer.series.series_number == 4
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS):
        viewer.previous_series_button.click()
    assert viewer.series.series_number == 3
    assert viewer.slice_slider.maximum() == 3


def test_the_viewer_fits_a_laptop_screen_with_its_controls_in_view(
    qtbot: QtBot, binder: BinderSession
) -> None:
    viewer = _viewer(qtbot, binder)
    free = viewer.screen().availableGeometry()
    assert viewer.frameGeometry().height() <= free.height()
    assert viewer.width() <= free.width()
    assert viewer.minimumSizeHint().height() <= LAPTOP_WINDOW[1]
    viewer.resize(*LAPTOP_WINDOW)
    QApplication.processEvents()
    assert viewer.size().toTuple() == LAPTOP_WINDOW
    for control in (
        viewer.slice_slider,
        viewer.slice_label,
        viewer.next_series_button,
        viewer.previous_series_button,
        viewer.preset_combo,
        viewer.tags_button,
        viewer.key_image_box,
    ):
        assert control.isVisible()
        corner = control.mapTo(viewer, QPoint(control.width(), control.height()))
        assert viewer.rect().contains(corner), control.objectName()
    assert viewer.canvas.height() > 400  # the picture takes what is left


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_viewer_screenshots(
    qtbot: QtBot, binder: BinderSession, tmp_path: Path, language: str
) -> None:
    apply_language(language)
    try:
        viewer = _viewer(qtbot, binder)
        viewer.set_preset(WindowPreset.LUNG)
        viewer.resize(1100, 688)
        if language == CHINESE:
            assert viewer.next_series_button.text() == "下一个序列 ▶"
        prefix = "zh_" if language == CHINESE else ""
        save_screenshot(qtbot, viewer, screenshot_folder(tmp_path), f"{prefix}dicom_viewer_series")
        viewer.close()
    finally:
        apply_language(ENGLISH)
