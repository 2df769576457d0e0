"""Scan images of someone else, added through Records, the Overview or a drop on the window:
the family is shown who they are before any is stored, and chooses. English and Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
from data_paths import LUNG_SERIES
from pydicom.uid import generate_uid
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from casebook.services.binder.session import BinderSession
from casebook.services.imaging import records as imaging_records
from casebook.services.records import documents as records
from casebook.store.keyslots import KdfParams
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.overview.overview_page import OverviewPage
from casebook.ui.records.held_back_dialog import HeldBackDialog
from casebook.ui.records.import_summary_dialog import ImportSummaryDialog
from casebook.ui.records.records_page import RecordsPage
from casebook.ui.shell.main_window import MainWindow

from .conftest import PASSWORD
from .screenshots import save_screenshot, screenshot_folder

LUNG = LUNG_SERIES


def _disc(folder: Path, name: str, birth: str) -> list[Path]:
    """Two real CT slices relabelled for `name`, beside a viewer program and a web page."""
    folder.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    for index, source in enumerate(sorted(LUNG.glob("*.dcm"))[:2]):
        dataset = pydicom.dcmread(source)
        dataset.SpecificCharacterSet = "ISO_IR 192"
        dataset.PatientName, dataset.PatientBirthDate = name, birth
        dataset.StudyInstanceUID, dataset.SeriesInstanceUID = study, series
        dataset.SOPInstanceUID = generate_uid()
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        dataset.save_as(folder / f"IM{index:04d}")
    (folder / "VIEWER.EXE").write_bytes(b"MZ" + bytes(100))
    (folder / "AUTORUN.INF").write_text("[autorun]\n")
    (folder / "report.txt").write_text("CT report: stable disease")
    return [folder]


def _images(session: BinderSession) -> int:
    return sum(study.image_count for study in imaging_records.list_studies(session))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    apply_language(CHINESE, app=qapp)
    yield
    apply_language(ENGLISH, app=qapp)


def _held_back_dialog(qtbot: QtBot, flow: object) -> HeldBackDialog:
    dialogs: list[HeldBackDialog] = []
    flow.held_back_shown.connect(dialogs.append)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30_000)
    return dialogs[0]


def test_records_page_asks_and_leaving_them_out_stores_nothing_of_them(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = RecordsPage(session)
    qtbot.addWidget(page)
    assert page.import_paths(_disc(tmp_path / "CD", "ZHANG^WEI=张^伟", "19700101"))
    dialog = _held_back_dialog(qtbot, page.imports)
    text = dialog.findChild(QLabel, "identity_warning_text").text()
    assert "“ZHANG WEI / 张 伟”, born" in text
    assert "(2 images) — a different date of birth" in text
    assert "This binder is for “Ada Example”, born" in text
    assert dialog.leave_button.isDefault()
    folder = screenshot_folder(tmp_path)
    save_screenshot(qtbot, dialog, folder, "import_held_back")
    assert _images(session) == 0  # nothing stored before the family chose
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        dialog.leave_button.click()
    summary = blocker.args[0]
    assert [d.original_name for d in records.list_documents(session)] == ["report.txt"]
    assert _images(session) == 0
    summary_dialog = page.window().findChild(ImportSummaryDialog) or next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ImportSummaryDialog)
    )
    counts = summary_dialog.counts_label.text()
    assert "Left out, not medical records: 2 files" in counts
    assert "Left out, someone else's scan: 2 images" in counts
    assert summary.skipped_count == 2
    save_screenshot(qtbot, summary_dialog, folder, "import_summary_left_out")
    summary_dialog.close()


def test_overview_adds_them_when_the_family_is_sure(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = OverviewPage(session)
    qtbot.addWidget(page)
    assert page.import_paths(_disc(tmp_path / "CD", "EXAMPLE^ADA^^^", "19710314"))
    dialog = _held_back_dialog(qtbot, page.imports)
    assert "a different date of birth" in dialog.findChild(QLabel, "identity_warning_text").text()
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        dialog.add_button.click()
    assert blocker.args[0].images_added == 2
    assert _images(session) == 2


def test_dropping_the_patient_s_own_disc_asks_nothing(
    qtbot: QtBot, binder_folder: Path, kdf: KdfParams, tmp_path: Path
) -> None:
    window = MainWindow(kdf=kdf, open_folder=binder_folder)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        window.unlock_page.start_unlocking()
    assert window.workspace is not None
    page = window.workspace.overview_page
    shown: list[object] = []
    page.imports.held_back_shown.connect(shown.append)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "CD"))])
    _disc(tmp_path / "CD", "EXAMPLE^ADA", "19580314")
    drop = QDropEvent(
        QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        window.dropEvent(drop)
    assert blocker.args[0].images_added == 2
    assert shown == []
    window.close()


@pytest.mark.usefixtures("chinese")
def test_the_question_in_chinese(qtbot: QtBot, session: BinderSession, tmp_path: Path) -> None:
    page = RecordsPage(session)
    qtbot.addWidget(page)
    assert page.import_paths(_disc(tmp_path / "CD", "WANG^FANG=王^芳", "19700101"))
    dialog = _held_back_dialog(qtbot, page.imports)
    assert dialog.windowTitle() == "是别人的影像吗？"
    text = dialog.findChild(QLabel, "identity_warning_text").text()
    assert "“WANG FANG / 王 芳”，出生日期" in text
    assert "出生日期不同" in text
    assert dialog.leave_button.text() == "不加入"
    save_screenshot(qtbot, dialog, screenshot_folder(tmp_path), "zh_import_held_back")
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000):
        dialog.leave_button.click()


def test_the_disc_review_can_add_only_this_patient_s_images(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    """A disc with the case's images and someone else's: the family keeps only the case's."""
    from casebook.ui.imaging.imaging_page import ImagingPage
    from casebook.ui.imaging.scan_review_dialog import ScanReviewDialog

    _disc(tmp_path / "CD" / "A", "EXAMPLE^ADA", "19580314")
    _disc(tmp_path / "CD" / "B", "李^娜=李^娜", "19800101")
    page = ImagingPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    with qtbot.waitSignal(page.imports.reviewed, timeout=30_000) as blocker:
        assert page.add_media(tmp_path / "CD")
    review = blocker.args[0]
    assert isinstance(review, ScanReviewDialog)
    text = review.findChild(QLabel, "identity_warning_text").text()
    assert "“李 娜 / 李 娜”, born" in text
    assert "a different date of birth" in text
    assert review.only_case_button is not None
    assert review.only_case_button.text() == "Add only this patient's 2 images"
    save_screenshot(qtbot, review, screenshot_folder(tmp_path), "scan_review_only_case")
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as done:
        review.only_case_button.click()
    assert done.args[0].added == 2
    [study] = imaging_records.list_studies(session)  # the other patient's study is not there
    assert study.image_count == 2
