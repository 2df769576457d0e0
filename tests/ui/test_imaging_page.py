"""The Imaging page on real small binders: adding a hospital disc (review before storing, the
wrong-disc warning, a disc of JPEGs only), the studies and series models, thumbnails."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
from data_paths import LUNG_CT
from PIL import Image
from pydicom.fileset import FileSet
from pytestqt.qtbot import QtBot

from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams
from casebook.ui.common.labels import format_date_text
from casebook.ui.imaging.imaging_page import ImagingPage
from casebook.ui.imaging.scan_review_dialog import ScanReviewDialog
from casebook.ui.imaging.series_model import SeriesRole, ThumbnailReadyRole
from casebook.ui.imaging.studies_model import StudyColumn

from .conftest import PASSWORD
from .screenshots import save_screenshot, screenshot_folder

WAIT_MS = 60_000


def lung_slices(count: int) -> list[Path]:
    files = sorted(LUNG_CT.rglob("*.dcm"))
    if not files:
        pytest.fail(f"real DICOM test data missing under {LUNG_CT}")
    step = max(1, len(files) // count)
    return files[::step][:count]


def hospital_disc(root: Path, slices: list[Path]) -> Path:
    """A disc as hospitals burn them: DICOMDIR, 8-character names, a viewer and autorun."""
    file_set = FileSet()
    for path in slices:
        dataset = pydicom.dcmread(path)
        dataset.StudyID = dataset.StudyID or "1"
        file_set.add(dataset)
    file_set.write(root)
    file_set._stage["t"].cleanup()
    (root / "VIEWER").mkdir()
    (root / "VIEWER" / "viewer.exe").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    (root / "AUTORUN.INF").write_text("[autorun]\nopen=VIEWER\\viewer.exe\n")
    (root / "INDEX.HTM").write_text("<html><body>Patient CD</body></html>")
    return root


@pytest.fixture
def lung_session(tmp_path: Path) -> Iterator[BinderSession]:
    """A binder whose patient is the lung CT's (so the disc is the right one)."""
    case = Case("Lung_Dx-A0001", None, "Lung nodule")
    created = create_binder(tmp_path / "lung binder", PASSWORD, case, KdfParams.minimum())
    yield created.session
    created.session.close()


def make_page(qtbot: QtBot, session: BinderSession) -> ImagingPage:
    page = ImagingPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()  # a page reads the binder's changes while it is on screen
    qtbot.waitUntil(lambda: page.studies_model is not None)
    return page


def review_of(qtbot: QtBot, page: ImagingPage, path: Path) -> ScanReviewDialog:
    with qtbot.waitSignal(page.imports.reviewed, timeout=WAIT_MS) as blocker:
        assert page.add_media(path)
    review = blocker.args[0]
    assert isinstance(review, ScanReviewDialog)
    return review


def test_hospital_disc_is_reviewed_then_imported(
    qtbot: QtBot, lung_session: BinderSession, tmp_path: Path
) -> None:
    disc = hospital_disc(tmp_path / "CDROM", lung_slices(6))
    page = make_page(qtbot, lung_session)
    review = review_of(qtbot, page, disc / "DICOMDIR")  # the index stands for its disc
    assert review.findChild(type(review.heading), "identity_warning_title") is None
    assert review.heading.text() == "Found 1 study, 1 series and 6 images."
    skipped = review.findChild(type(review.heading), "skipped_files").text()
    assert "4 files are not images" in skipped
    assert "2  programs and autorun files" in skipped
    assert "1  web pages" in skipped
    assert "1  the disc's index (DICOMDIR)" in skipped
    # Nothing is stored before the family presses the button.
    assert imaging_records.list_studies(lung_session) == []
    assert review.import_button is not None
    with qtbot.waitSignal(page.imports.summarised, timeout=WAIT_MS) as blocker:
        review.import_button.click()
    assert blocker.args[0].added == 6
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 1, timeout=WAIT_MS)
    model = page.studies_model
    texts = [model.index(0, column).data() for column in StudyColumn]
    assert texts[StudyColumn.DATE] == format_date_text("2007-04-04")
    assert texts[StudyColumn.MODALITY] == "CT"
    assert texts[StudyColumn.SERIES] == "1"
    assert texts[StudyColumn.IMAGES] == "6"
    qtbot.waitUntil(lambda: page.series_model.rowCount() == 1, timeout=WAIT_MS)


def test_wrong_patient_is_warned_and_cancel_stores_nothing(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    disc = hospital_disc(tmp_path / "CD", lung_slices(2))
    page = make_page(qtbot, session)  # Ada Example's binder
    review = review_of(qtbot, page, disc)
    title = review.findChild(type(review.heading), "identity_warning_title")
    assert title is not None
    assert "may belong to someone else" in title.text()
    text = review.findChild(type(review.heading), "identity_warning_text").text()
    assert "Lung_Dx-A0001" in text
    assert "Ada Example" in text
    assert review.import_button is not None
    assert review.import_button.text() == "Import anyway"
    assert not review.import_button.isDefault()
    save_screenshot(qtbot, review, screenshot_folder(tmp_path), "imaging_wrong_disc")
    review.reject()
    qtbot.waitUntil(lambda: not page.imports.busy)
    assert imaging_records.list_studies(session) == []


def test_disc_of_jpegs_only_explains_what_to_ask_for(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    disc = tmp_path / "JPEG CD"
    disc.mkdir()
    for index in range(3):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (index * 60, 90, 120)).save(buffer, format="JPEG")
        (disc / f"IMG{index}.JPG").write_bytes(buffer.getvalue())
    (disc / "AUTORUN.INF").write_text("[autorun]\n")
    page = make_page(qtbot, session)
    review = review_of(qtbot, page, disc)
    assert review.import_button is None
    assert "No medical images" in review.heading.text()
    explanation = review.findChild(type(review.heading), "no_dicom_explanation").text()
    assert "3 pictures" in explanation
    assert "the original DICOM images on a CD, not screenshots" in explanation
    save_screenshot(qtbot, review, screenshot_folder(tmp_path), "imaging_jpeg_disc")
    review.reject()


def test_models_and_thumbnails_arrive(
    qtbot: QtBot, lung_session: BinderSession, tmp_path: Path, qtmodeltester: object
) -> None:
    from casebook.services.imaging.importing import import_scan, scan_media

    scan = scan_media(lung_slices(5), ignore_progress, NEVER_CANCELLED)
    import_scan(lung_session, scan, ignore_progress, NEVER_CANCELLED)
    page = make_page(qtbot, lung_session)
    qtbot.waitUntil(lambda: page.series_model.rowCount() == 1, timeout=WAIT_MS)
    qtmodeltester.check(page.studies_model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.series_model)  # type: ignore[attr-defined]
    index = page.series_model.index(0, 0)
    assert "5 images" in index.data()
    assert index.data(SeriesRole).modality == "CT"
    index.data(0x1)  # DecorationRole: a cache miss schedules the thumbnail
    qtbot.waitUntil(lambda: index.data(ThumbnailReadyRole) is True, timeout=WAIT_MS)
    assert page.thumbnails.image(index.data(SeriesRole).id) is not None
    assert page.thumbnails.problem(index.data(SeriesRole).id) == ""


def test_report_link(qtbot: QtBot, lung_session: BinderSession, tmp_path: Path) -> None:
    from casebook.services.imaging.importing import import_scan, scan_media

    report = tmp_path / "CT report.txt"
    report.write_text("CT chest 2007-04-04: findings as described.\n")
    import_paths(lung_session, [report], None, ignore_progress, NEVER_CANCELLED)
    scan = scan_media(lung_slices(2), ignore_progress, NEVER_CANCELLED)
    import_scan(lung_session, scan, ignore_progress, NEVER_CANCELLED)
    page = make_page(qtbot, lung_session)
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 1, timeout=WAIT_MS)
    [document] = page.documents
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.link_report(page.studies_model.study(0).id, document.id)
    assert page.studies_model.index(0, StudyColumn.REPORT).data() == document.title
    assert document.title in page.report_label.text()
    [study] = imaging_records.list_studies(lung_session)
    assert study.report_document_id == document.id


def test_imaging_page_screenshot(qtbot: QtBot, lung_session: BinderSession, tmp_path: Path) -> None:
    from casebook.services.imaging.importing import import_scan, scan_media

    folder = LUNG_CT / "04-04-2007-NA-Chest-07990" / "2.000000-5mm-40805"
    scan = scan_media([folder], ignore_progress, NEVER_CANCELLED)
    import_scan(lung_session, scan, ignore_progress, NEVER_CANCELLED)
    page = make_page(qtbot, lung_session)
    page.resize(1180, 760)
    qtbot.waitUntil(lambda: page.series_model.rowCount() == 1, timeout=WAIT_MS)
    index = page.series_model.index(0, 0)
    index.data(0x1)
    qtbot.waitUntil(lambda: index.data(ThumbnailReadyRole) is True, timeout=WAIT_MS)
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "imaging")
