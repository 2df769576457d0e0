"""The DICOM viewer on real images: presets, scrolling, the 150-slice MR, all nine transfer
syntaxes, multi-frame cine, colour, tags, key images and what cannot be decoded."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pydicom
import pytest
from data_paths import LUNG_SERIES, MR_SERIES, TRANSFER_SYNTAXES
from pydicom.encaps import encapsulate
from pydicom.pixels import set_pixel_data
from pydicom.uid import generate_uid
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.imaging.dicom_frames import WindowPreset
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.store.keyslots import KdfParams
from casebook.ui.common.labels import format_date_text
from casebook.ui.imaging.dicom_viewer import CINE_INTERVAL_MS, DicomViewer

from .conftest import PASSWORD
from .screenshots import save_screenshot, screenshot_folder

MR_150 = MR_SERIES
WAIT_MS = 60_000


@pytest.fixture
def binder(tmp_path: Path) -> Iterator[BinderSession]:
    case = Case("Lung_Dx-A0001", None, "")
    created = create_binder(tmp_path / "binder", PASSWORD, case, KdfParams.minimum())
    yield created.session
    created.session.close()


def add_images(session: BinderSession, paths: list[Path]) -> None:
    scan = scan_media(paths, ignore_progress, NEVER_CANCELLED)
    assert scan.has_dicom
    import_scan(session, scan, ignore_progress, NEVER_CANCELLED)


def open_viewer(qtbot: QtBot, session: BinderSession) -> DicomViewer:
    """A viewer on the binder's only series, once its first picture (or failure) is shown."""
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    viewer = DicomViewer(session, study, series)
    qtbot.addWidget(viewer)
    viewer.resize(1000, 760)
    viewer.show()
    assert "Preparing image" in viewer.canvas.message  # the window did not wait
    qtbot.waitUntil(lambda: "Preparing" not in viewer.canvas.message, timeout=WAIT_MS)
    return viewer


def go_to(qtbot: QtBot, viewer: DicomViewer, index: int) -> None:
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == index):
        viewer.show_slice(index)


def rendered(viewer: DicomViewer) -> np.ndarray:
    """The canvas as drawn on screen, as grey values."""
    image = viewer.canvas.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(height, image.bytesPerLine())[:, :width].copy()


def picture(viewer: DicomViewer) -> np.ndarray:
    """The windowed image itself (before scaling), as numpy."""
    image = viewer.canvas.image
    assert image is not None
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def corner(viewer: DicomViewer, which: Qt.Corner) -> str:
    return " | ".join(viewer.canvas.corners.get(which, []))


def test_lung_ct_in_lung_and_bone_windows(
    qtbot: QtBot, binder: BinderSession, tmp_path: Path
) -> None:
    add_images(binder, [LUNG_SERIES])
    viewer = open_viewer(qtbot, binder)
    count = len(list(LUNG_SERIES.glob("*.dcm")))  # 13 of the series' 64 slices are kept
    assert viewer.slice_slider.maximum() == count - 1
    expected = f"{format_date_text('2007-04-04')} | CT · 5mm"
    assert corner(viewer, Qt.Corner.TopLeftCorner) == expected
    middle = f"Image {count // 2 + 1} / {count} | Position "
    assert corner(viewer, Qt.Corner.BottomLeftCorner).startswith(middle)
    viewer.set_preset(WindowPreset.LUNG)
    assert corner(viewer, Qt.Corner.BottomRightCorner).startswith("W 1500  L -600")
    lung = rendered(viewer)
    viewer.set_preset(WindowPreset.BONE)
    bone = rendered(viewer)
    assert "W 2000  L 500" in corner(viewer, Qt.Corner.BottomRightCorner)
    # Lung tissue (about -800 HU) is mid-grey in a lung window and black in a bone window.
    assert lung.mean() > bone.mean() + 15
    assert abs(float(lung.std()) - float(bone.std())) > 5
    viewer.set_preset(WindowPreset.LUNG)
    save_screenshot(qtbot, viewer, screenshot_folder(tmp_path), "dicom_viewer")


def test_scrolling_by_keys_wheel_and_slider(qtbot: QtBot, binder: BinderSession) -> None:
    add_images(binder, sorted(LUNG_SERIES.glob("*.dcm"))[:8])
    viewer = open_viewer(qtbot, binder)
    assert viewer.index == 4
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == 5):
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_Down)
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == 4):
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageUp)
    centre = QPointF(viewer.canvas.width() / 2, viewer.canvas.height() / 2)
    wheel = QWheelEvent(
        centre, viewer.canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == 5):
        QApplication.sendEvent(viewer.canvas, wheel)
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == 7):
        viewer.slice_slider.setValue(7)
    assert viewer.slice_label.text() == "8 of 8"
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == 0):
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_Home)
    # Window by dragging, zoom, invert and reset.
    before = viewer.canvas.image
    start = QPointF(200, 200)
    for kind, point, buttons in (
        (QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, QPointF(260, 230), Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, QPointF(260, 230), Qt.MouseButton.NoButton),
    ):
        QApplication.sendEvent(
            viewer.canvas,
            QMouseEvent(kind, point, point, Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier),
        )  # fmt: skip
    assert viewer.contrast is not None
    assert viewer.preset_combo.currentText() == "Custom"
    assert viewer.canvas.image is not before
    viewer.zoom_in_button.click()
    assert viewer.canvas.zoom > 1.0
    viewer.invert_button.click()
    assert viewer.inverted
    viewer.reset_button.click()
    assert (viewer.canvas.zoom, viewer.inverted, viewer.contrast) == (1.0, False, None)


def test_mr_series_of_150_slices_imports_and_scrolls(qtbot: QtBot, binder: BinderSession) -> None:
    add_images(binder, [MR_150])
    viewer = open_viewer(qtbot, binder)
    assert len(viewer.instances) == 150
    assert viewer.preset_combo.itemData(0) is WindowPreset.AUTOMATIC
    assert viewer.preset_combo.count() == 2  # Automatic and Custom: no CT presets for MR
    with qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, check_params_cb=lambda i, _f: i == 149):
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_End)
    for _ in range(20):  # faster than decoding: only the last wish is shown
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: viewer.current is not None and viewer.index == 129, timeout=WAIT_MS)
    qtbot.waitSignal(viewer.shown, timeout=WAIT_MS, raising=False)
    assert viewer.slice_label.text() == "130 of 150"


def test_each_of_the_nine_transfer_syntaxes_renders(qtbot: QtBot, binder: BinderSession) -> None:
    files = sorted(TRANSFER_SYNTAXES.glob("*.dcm"))
    assert len(files) == 9
    add_images(binder, files)
    viewer = open_viewer(qtbot, binder)
    assert len(viewer.instances) == 9
    pictures = []
    for index in range(9):
        go_to(qtbot, viewer, index)
        pictures.append(picture(viewer))
    assert pictures[0].std() > 20
    for index, pixels in enumerate(pictures):
        assert np.array_equal(pixels, pictures[0]), index  # all lossless: the same picture


def _lung(number: int) -> pydicom.Dataset:
    return pydicom.dcmread(LUNG_SERIES / f"1-{number:02d}.dcm")


def _save(dataset: pydicom.Dataset, path: Path) -> Path:
    dataset.SOPInstanceUID = generate_uid()
    dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
    buffer = io.BytesIO()
    dataset.save_as(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("rate", "interval"),
    [
        ({}, CINE_INTERVAL_MS),  # the file says nothing: ten frames a second
        ({"CineRate": 25}, 40),
        ({"FrameTime": "66.7", "RecommendedDisplayFrameRate": 12}, 83),  # the recommendation wins
    ],
)
def test_multi_frame_cine(
    qtbot: QtBot, binder: BinderSession, tmp_path: Path, rate: dict[str, object], interval: int
) -> None:
    slices = [_lung(number) for number in (10, 30, 50)]
    dataset = slices[0]
    set_pixel_data(dataset, np.stack([s.pixel_array for s in slices]), "MONOCHROME2", 12)
    dataset.Modality = "XA"
    for keyword, value in rate.items():
        setattr(dataset, keyword, value)
    add_images(binder, [_save(dataset, tmp_path / "XA0001")])
    viewer = open_viewer(qtbot, binder)
    assert viewer.cine.interval() == interval
    assert viewer.frame_row.isVisibleTo(viewer)
    assert viewer.frame_slider.maximum() == 2
    first = picture(viewer)
    viewer.cine_button.click()
    qtbot.waitUntil(lambda: viewer.current is not None and viewer.current.frame_index == 2,
                    timeout=WAIT_MS)  # fmt: skip
    viewer.cine_button.click()
    assert not viewer.cine.isActive()
    assert "Frame 3 / 3" in corner(viewer, Qt.Corner.BottomLeftCorner)
    assert not np.array_equal(picture(viewer), first)


def test_colour_image_is_shown_in_colour(
    qtbot: QtBot, binder: BinderSession, tmp_path: Path
) -> None:
    dataset = _lung(32)
    rgb = np.zeros((512, 512, 3), dtype=np.uint8)
    rgb[..., 0] = 200
    rgb[100:200, 100:400, 1] = 255
    del dataset.WindowCenter
    del dataset.WindowWidth
    set_pixel_data(dataset, rgb, "RGB", 8)
    add_images(binder, [_save(dataset, tmp_path / "SC0001")])
    viewer = open_viewer(qtbot, binder)
    pixels = picture(viewer)
    assert tuple(pixels[10, 10]) == (200, 0, 0)
    assert tuple(pixels[150, 200]) == (200, 255, 0)


def test_unsupported_compression_shows_the_reason_and_stays_imported(
    qtbot: QtBot, binder: BinderSession, tmp_path: Path
) -> None:
    dataset = _lung(32)
    dataset.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.100"  # MPEG2 video
    dataset.PixelData = encapsulate([dataset.PixelData])
    dataset["PixelData"].VR = "OB"
    add_images(binder, [_save(dataset, tmp_path / "VIDEO001")])
    viewer = open_viewer(qtbot, binder)
    assert viewer.current is None
    assert "compression Casebook cannot show (MPEG2" in viewer.canvas.message
    assert "The original file is kept in the binder." in viewer.canvas.message
    [study] = imaging_records.list_studies(binder)
    assert study.image_count == 1


def test_tags_panel_and_key_image(qtbot: QtBot, binder: BinderSession) -> None:
    add_images(binder, sorted(LUNG_SERIES.glob("*.dcm"))[:3])
    viewer = open_viewer(qtbot, binder)
    viewer.tags_button.click()
    qtbot.waitUntil(lambda: len(viewer.tags.rows) > 50, timeout=WAIT_MS)
    tags = {row.tag: row for row in viewer.tags.rows}
    assert tags["(0010,0010)"].value == "Lung_Dx-A0001"
    assert "(7FE0,0010)" not in tags  # no pixel data in the panel
    instance = viewer.instance
    assert instance is not None
    assert not instance.is_key_image
    with qtbot.waitSignal(viewer.key_image_saved, timeout=WAIT_MS):
        viewer.key_image_box.click()
    assert "★ Key image" in corner(viewer, Qt.Corner.TopRightCorner)
    [series] = imaging_records.list_series(binder, imaging_records.list_studies(binder)[0].id)
    stored = {i.id: i.is_key_image for i in imaging_records.list_instances(binder, series.id)}
    assert stored[instance.id] is True
    assert sum(stored.values()) == 1
    viewer.close()
    again = open_viewer(qtbot, binder)
    assert again.key_image_box.isChecked()
