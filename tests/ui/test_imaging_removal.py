"""Removing what should not be there from the Imaging page, and what a stopped import kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casebook.core.progress import (
    NEVER_CANCELLED,
    Cancelled,
    CancelToken,
    Progress,
    ignore_progress,
)
from casebook.services.binder.session import BinderSession
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.ui.common import tasks
from casebook.ui.imaging.cancelled_import_dialog import CancelledImportDialog
from casebook.ui.imaging.imaging_page import ImagingPage
from casebook.ui.imaging.imaging_trash import ImagingTrashDialog

from .screenshots import save_screenshot, screenshot_folder
from .test_imaging_page import WAIT_MS, hospital_disc, lung_session, lung_slices

__all__ = ["lung_session"]  # the fixture, used by name


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(
    qtbot: QtBot, lung_session: BinderSession
) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)


def _page(qtbot: QtBot, session: BinderSession) -> ImagingPage:
    page = ImagingPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    return page


def test_removing_a_series_and_a_study_with_undo_and_the_trash(
    qtbot: QtBot, lung_session: BinderSession, tmp_path: Path
) -> None:
    scan = scan_media(lung_slices(4), ignore_progress, NEVER_CANCELLED)
    import_scan(lung_session, scan, ignore_progress, NEVER_CANCELLED)
    page = _page(qtbot, lung_session)
    qtbot.waitUntil(lambda: page.series_model.rowCount() == 1, timeout=WAIT_MS)
    assert not page.remove_series_button.isEnabled()
    page.series_view.selectAll()
    assert page.remove_series_button.isEnabled()
    page.remove_series_button.click()
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 0, timeout=WAIT_MS)
    assert page.empty_label.isVisible()
    # The change event may refresh the list before the write's reply shows the message.
    qtbot.waitUntil(lambda: "1 series moved to the trash" in page.undo_bar.text(), timeout=WAIT_MS)
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "imaging_removed_series")

    page.undo_bar.undo_button.click()
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.series_model.rowCount() == 1, timeout=WAIT_MS)

    page.remove_study_button.click()
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 0, timeout=WAIT_MS)
    assert imaging_records.list_studies(lung_session) == []
    dialog = page.show_trash()
    assert isinstance(dialog, ImagingTrashDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    assert "Study" in dialog.model.index(0).data()
    assert "4 images" in dialog.model.index(0).data()
    save_screenshot(qtbot, dialog, screenshot_folder(tmp_path), "imaging_trash")
    dialog.view.setCurrentIndex(dialog.model.index(0))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT_MS)
    dialog.close()


def test_a_stopped_disc_import_offers_to_remove_the_incomplete_series(
    qtbot: QtBot, lung_session: BinderSession, tmp_path: Path
) -> None:
    disc = hospital_disc(tmp_path / "CD", lung_slices(12))
    page = _page(qtbot, lung_session)
    flow = page.imports
    with qtbot.waitSignal(flow.reviewed, timeout=WAIT_MS) as reviewed:
        assert page.add_media(disc)
    reviewed.args[0].reject()
    # The family pressed Cancel after the fourth image: stopped where the import checks.
    scan = scan_media([disc], ignore_progress, NEVER_CANCELLED)
    stop = CancelToken()

    def stop_after_four(progress: Progress) -> None:
        if progress.done >= 4:
            stop.cancel()

    with pytest.raises(Cancelled):
        import_scan(lung_session, scan, stop_after_four, stop)
    flow._scan, flow._writing = scan, True  # where the flow stands when its import is cancelled
    with qtbot.waitSignal(flow.cancelled_reviewed, timeout=WAIT_MS) as offered:
        flow._cancelled()
    dialog = offered.args[0]
    assert isinstance(dialog, CancelledImportDialog)
    assert "4 of 12 images" in dialog.series_list.item(0).text()
    save_screenshot(qtbot, dialog, screenshot_folder(tmp_path), "imaging_cancelled_import")
    assert dialog.chosen_series_ids()  # the incomplete series is ticked
    assert dialog.remove_button.isDefault()
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: imaging_records.list_studies(lung_session) == [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.studies_model.rowCount() == 0, timeout=WAIT_MS)
    [trashed] = imaging_records.list_imaging_trash(lung_session)
    assert (trashed.level, trashed.image_count) == ("series", 4)
