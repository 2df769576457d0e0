"""The viewer's text layer over a photographed report: the text read by OCR sits on the words
of the picture, lines can be selected and copied, and the family's correction is what search
then finds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from paper_photos import encoded, photographed, report_page, save
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.records.recognition import recognise_document
from casebook.ui.common import tasks
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.records.document_viewer import DocumentViewer

from .screenshots import save_screenshot, screenshot_folder

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=120_000)


def test_read_select_copy_and_correct_the_text_of_a_photo(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    photo = photographed(report_page(), tilt=3.0, brightness=0.65)
    path = save(tmp_path, "IMG_0412.jpg", encoded(photo, "jpeg", 70))
    import_paths(session, [path], None, ignore_progress, NEVER_CANCELLED)
    [document] = records.list_documents(session)

    viewer = DocumentViewer(session, document)
    qtbot.addWidget(viewer)
    viewer.resize(1000, 740)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.text is not None, timeout=30_000)
    assert viewer.read_text_button.isVisible()  # imported before its text was read
    assert not viewer.show_text_button.isVisible()
    qtbot.mouseClick(viewer.read_text_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.text is not None and viewer.text.recognised, timeout=240_000)
    qtbot.waitUntil(lambda: not viewer.canvas.displayed_pixmap().isNull(), timeout=30_000)
    assert viewer.show_text_button.isVisible()
    assert "may contain mistakes" in viewer.text_status.text()

    viewer.show_text_button.setChecked(True)
    layer = viewer.canvas.text_layer
    assert layer.isVisible()
    index = next(i for i, line in enumerate(layer.lines) if "adenocarcinoma" in line.text)
    centre = layer.polygon(index).boundingRect().center().toPoint()
    # The box is drawn where the line is on the page as shown: dark ink under its centre.
    pixmap = viewer.canvas.displayed_pixmap().toImage()
    row = [pixmap.pixelColor(x, centre.y()).lightness() for x in range(pixmap.width())]
    assert min(row) < 80
    qtbot.mouseClick(layer, Qt.MouseButton.LeftButton, pos=centre)
    assert layer.selected == {index}
    save_screenshot(qtbot, viewer, screenshot_folder(tmp_path), "viewer_text_layer")
    copied = viewer.copy_text()
    assert "adenocarcinoma" in copied
    assert "肺腺癌" in "".join(copied.split())
    assert QApplication.clipboard().text() == copied

    # The family corrects a misreading; search finds their words.
    corrected = viewer.text.text + "\n复核：李医生"
    from casebook.services.records.recognition import correct_text

    correct_text(session, document.id, corrected)
    assert [h.ref_id for h in records.search(session, "复核")] == [document.id]
    viewer._load_text()
    qtbot.waitUntil(lambda: viewer.text is not None and viewer.text.corrected)
    assert "corrected by you" in viewer.text_status.text()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    apply_language(CHINESE, app=qapp)
    yield
    apply_language(ENGLISH, app=qapp)


def test_the_text_layer_in_chinese(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, chinese: None
) -> None:
    photo = photographed(report_page(), tilt=-2.0, brightness=0.8)
    path = save(tmp_path, "IMG_0413.jpg", encoded(photo, "jpeg", 75))
    import_paths(session, [path], None, ignore_progress, NEVER_CANCELLED)
    [document] = records.list_documents(session)
    assert "肺腺癌" in "".join(recognise_document(session, document.id, NEVER_CANCELLED).split())

    viewer = DocumentViewer(session, document)
    qtbot.addWidget(viewer)
    viewer.resize(1000, 740)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.text is not None and viewer.text.recognised, timeout=30_000)
    qtbot.waitUntil(lambda: not viewer.canvas.displayed_pixmap().isNull(), timeout=30_000)
    assert viewer.show_text_button.isVisible()
    viewer.show_text_button.setChecked(True)
    assert viewer.text_status.text() == "文字由 Casebook 读出，可能有错。"
    layer = viewer.canvas.text_layer
    index = next(i for i, line in enumerate(layer.lines) if "Pathology" in line.text)
    centre = layer.polygon(index).boundingRect().center().toPoint()
    qtbot.mouseClick(layer, Qt.MouseButton.LeftButton, pos=centre)
    assert layer.selected == {index}
    save_screenshot(qtbot, viewer, screenshot_folder(tmp_path), "zh_viewer_text_layer")
