"""The Records page on a real small binder with real PDFs, a scan and a letter."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.model import (
    Document,
    DocumentEdit,
    PartialDate,
    RecordKind,
    SlotStatement,
    SlotStatus,
)
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.ui.common import tasks
from casebook.ui.common.labels import format_date_text
from casebook.ui.records.document_dialog import DocumentDialog
from casebook.ui.records.documents_model import (
    DocumentColumn,
    DocumentsFilterModel,
    DocumentsModel,
)
from casebook.ui.records.records_page import RecordsPage
from casebook.ui.records.slot_dialog import SlotDialog
from casebook.ui.records.thumbnail_cache import ThumbnailCache

from .records_samples import import_records, write_scan


@pytest.fixture
def imported(session: BinderSession, tmp_path: Path) -> dict[str, Document]:
    return import_records(session, tmp_path / "records")


def wait_for_background_jobs(qtbot: QtBot) -> None:
    """Let thumbnails and renders finish before the test's binder is closed."""
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    """Depends on `session`, so it runs before the binder is closed (closing a connection
    another thread is using can crash SQLCipher)."""
    yield
    wait_for_background_jobs(qtbot)


def make_page(qtbot: QtBot, session: BinderSession) -> RecordsPage:
    page = RecordsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20_000)
    return page


def reload_and_wait(qtbot: QtBot, page: RecordsPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()


def cell(page: RecordsPage, kind: RecordKind | None, column: int) -> str:
    """The text a kind's row (None: "All records") shows in the tree's `column`."""
    text = page.slot_tree.slot_index(kind).siblingAtColumn(column).data()
    assert isinstance(text, str)
    return text


def titles(page: RecordsPage) -> list[str]:
    return sorted(document.title for document in page.documents.visible_documents())


def test_page_lists_slots_documents_and_what_is_missing(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    page = make_page(qtbot, session)
    tree = page.slot_tree
    assert tree.model().rowCount() == 1 + len(RecordKind)  # "All records" first
    assert cell(page, None, 2) == "4"
    assert cell(page, RecordKind.PATHOLOGY, 0) == "Pathology report"
    assert "✓" in cell(page, RecordKind.PATHOLOGY, 1)
    assert "Received" in cell(page, RecordKind.PATHOLOGY, 1)
    pathology = tree.slot_index(RecordKind.PATHOLOGY)
    assert tree.model().rowCount(pathology) == 1
    assert "surgical pathology" in pathology.model().index(0, 0, pathology).data()
    assert "✗" in cell(page, RecordKind.MOLECULAR, 1)
    assert "Missing" in cell(page, RecordKind.MOLECULAR, 1)
    assert cell(page, RecordKind.MOLECULAR, 2) == "0"
    assert titles(page) == sorted(d.title for d in imported.values())

    # The guide explains the selected record in the catalogue's words.
    page.select_slot(RecordKind.PATHOLOGY)
    assert "Pathology report" in page.guide.title_label.text()
    assert "pathology department" in page.guide.body.text()
    assert "Received" in page.guide.status_label.text()

    gaps = page.completeness_panel.text()
    assert "Not collected yet" in gaps
    assert "Molecular" in gaps
    assert "Other" not in gaps.split("\n")[0]
    assert "without a date" in gaps  # the scan and the letter have no date
    assert "blood tests" in gaps


def test_review_is_marked_and_confirmed(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    assert imported["pathology"].needs_review  # slot and date were suggested
    page = make_page(qtbot, session)
    pathology = page.slot_tree.slot_index(RecordKind.PATHOLOGY)
    assert "please confirm" in pathology.model().index(0, 0, pathology).data()
    assert "Please check" in page.documents.review_bar.text()
    assert page.documents.select_document(imported["pathology"].id)
    assert page.documents.confirm_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.documents.confirm_button.click()
    [stored] = [d for d in records.list_documents(session) if d.id == imported["pathology"].id]
    assert not stored.needs_review
    assert str(stored.document_date) == "2024-03-14"
    assert not page.documents.confirm_button.isEnabled()


def test_search_in_english_and_chinese_and_filter_by_record(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    page = make_page(qtbot, session)
    for query, expected in (
        ("adenocarcinoma", ["surgical pathology"]),  # text inside the PDF
        ("胰腺癌", ["出院小结"]),  # Chinese text inside a PDF
        ("化疗", ["出院小结"]),  # two characters: the short-query path
        ("referral", ["referral letter"]),  # a title
    ):
        with qtbot.waitSignal(page.search_finished, timeout=10_000):
            page.search_edit.setText(query)
        assert titles(page) == expected, query
    with qtbot.waitSignal(page.search_finished, timeout=10_000):
        page.search_edit.clear()
    assert len(titles(page)) == 4

    page.select_slot(RecordKind.PATHOLOGY)
    assert titles(page) == ["surgical pathology"]
    assert "Pathology report" in page.documents.caption.text()
    page.select_slot(None)
    assert len(titles(page)) == 4


def test_thumbnails_arrive(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    page = make_page(qtbot, session)
    model = page.documents.model
    for key in ("pathology", "chinese", "scan"):
        row = model.row_of(imported[key].id)
        assert row is not None
        model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)  # a miss starts the job
    qtbot.waitUntil(
        lambda: all(model.has_thumbnail(imported[k]) for k in ("pathology", "chinese", "scan")),
        timeout=30_000,
    )
    row = model.row_of(imported["scan"].id)
    assert row is not None
    pixmap = model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
    assert not pixmap.isNull()
    assert pixmap.width() == 48
    assert not model.has_thumbnail(imported["letter"])  # plain text has no picture


def test_edit_document_details(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    page = make_page(qtbot, session)
    dialog = page.edit_document(imported["scan"])
    assert isinstance(dialog, DocumentDialog)
    dialog.title_edit.setText("Blood tests, full panel")
    dialog.slot_combo.setCurrentIndex(dialog.slot_combo.findData(RecordKind.LABS))
    dialog.date_edit.set_value(PartialDate(2024, 2))
    dialog.institution_edit.setText("City Hospital")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    dialog.notes_edit.setPlainText("Before the first cycle")
    dialog.translation_combo.setCurrentIndex(
        dialog.translation_combo.findData(imported["letter"].id)
    )
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        dialog.save_button.click()
    [stored] = [d for d in records.list_documents(session) if d.id == imported["scan"].id]
    assert stored.title == "Blood tests, full panel"
    assert stored.slot is RecordKind.LABS
    assert stored.document_date == PartialDate(2024, 2)
    assert (stored.institution, stored.language, stored.notes) == (
        "City Hospital",
        "zh",
        "Before the first cycle",
    )
    assert stored.translation_of == imported["letter"].id
    assert cell(page, RecordKind.LABS, 2) == "1"

    # An impossible day is refused in the dialog, nothing is saved.
    dialog = page.edit_document(stored)
    dialog.date_edit.text_edit.clear()
    qtbot.keyClicks(dialog.date_edit.text_edit, "2023-02-30")
    dialog.save_button.click()
    assert "no such day" in dialog.error_bar.text()
    assert dialog.isVisible()
    dialog.reject()


def test_refiling_a_document_keeps_the_tree_as_it_was(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    page = make_page(qtbot, session)
    tree = page.slot_tree
    tree.expand(tree.slot_index(RecordKind.PATHOLOGY))
    tree.expand(tree.slot_index(RecordKind.LABS))
    moving = imported["pathology"]
    tree.setCurrentIndex(tree.records.document_index(moving.id))
    assert tree.selected_slot_kind() is RecordKind.PATHOLOGY
    assert [document.id for document in page.documents.visible_documents()] == [moving.id]
    resets = QSignalSpy(tree.records.modelReset)

    edit = dataclasses.replace(DocumentEdit.of(moving), slot=RecordKind.LABS)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page._write(lambda: records.edit_document(session, moving.id, edit))
    assert resets.count() == 0
    assert tree.isExpanded(tree.slot_index(RecordKind.PATHOLOGY))
    assert tree.isExpanded(tree.slot_index(RecordKind.LABS))
    assert tree.selected_document_id() == moving.id  # chosen still, under its new record
    assert tree.selected_slot_kind() is RecordKind.LABS
    assert cell(page, RecordKind.PATHOLOGY, 2) == "0"
    assert moving.id in [document.id for document in page.documents.visible_documents()]
    assert "Blood tests" in page.guide.title_label.text()


def test_set_slot_status_requested_with_date_and_whom(qtbot: QtBot, session: BinderSession) -> None:
    page = make_page(qtbot, session)
    page.select_slot(RecordKind.MOLECULAR)
    page.guide.status_button.click()
    dialog = page.findChild(SlotDialog)
    assert isinstance(dialog, SlotDialog)
    with clock.clock_set_to(datetime(2024, 5, 3, 8, 0, tzinfo=UTC)):
        dialog.status_buttons[SlotStatement.REQUESTED].setChecked(True)
    assert dialog.request_form.isVisibleTo(dialog)
    assert dialog.requested_on_edit.value() == PartialDate(2024, 5, 3)  # asked today
    dialog.requested_on_edit.text_edit.clear()
    qtbot.keyClicks(dialog.requested_on_edit.text_edit, "2024-05-02")  # no: yesterday
    dialog.requested_from_edit.setText("Genetics lab, City Hospital")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        dialog._save()
    [slot] = [s for s in records.list_slots(session) if s.kind is RecordKind.MOLECULAR]
    assert slot.status is SlotStatus.REQUESTED
    assert slot.requested_on == PartialDate(2024, 5, 2)
    assert slot.requested_from == "Genetics lab, City Hospital"
    assert "Requested" in cell(page, RecordKind.MOLECULAR, 1)
    status = page.guide.status_label.text()
    may_2 = format_date_text("2024-05-02")
    assert f"Requested on {may_2} from Genetics lab, City Hospital" in status
    assert f"Requested on {may_2}" in page.completeness_panel.text()


def test_trash_restore_and_empty(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    page = make_page(qtbot, session)
    assert page.documents.select_document(imported["letter"].id)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.documents.trash_button.click()  # no confirmation: it can be restored
    assert "referral letter" not in titles(page)
    assert "Trash (1)" in page.trash_button.text()
    assert "restore" in page.error_bar.text()

    page.trash_button.click()
    assert page.stack.currentWidget() is page.trash_view
    assert page.trash_view.model.rowCount() == 1
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.trash_view.restore_button.click()
    assert "referral letter" in titles(page)
    assert page.trash_view.model.rowCount() == 0

    # Move the scan to the trash from its details dialog, then empty the trash.
    dialog = page.edit_document(imported["scan"])
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        dialog.trash_button.click()
    assert page.trash_view.model.rowCount() == 1
    page.trash_view.empty_button.click()
    box = page.trash_view.findChild(QMessageBox, "empty_trash_box")
    assert isinstance(box, QMessageBox)
    assert "cannot be undone" in box.text()
    delete = box.findChild(QPushButton, "delete_for_good_button")
    assert isinstance(delete, QPushButton)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        delete.click()
    assert records.list_trash(session) == []
    assert page.trash_view.model.rowCount() == 0
    assert "blood tests" not in titles(page)
    page.trash_view.back_button.click()
    assert page.stack.currentIndex() == 0


def _mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def _drop(widget_position: QPoint, mime: QMimeData) -> QDropEvent:
    """The event does not own `mime`: the caller keeps it alive."""
    return QDropEvent(
        widget_position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_files_dropped_on_a_record_are_filed_there(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session)
    scan = write_scan(tmp_path / "report page 1.png", (300, 500))
    tree = page.slot_tree
    position = tree.visualRect(tree.slot_index(RecordKind.MOLECULAR)).center()
    assert tree.slot_kind_at(position) is RecordKind.MOLECULAR
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        mime = _mime([scan])
        tree.dropEvent(_drop(position, mime))
    [added] = blocker.args[0].added
    assert added.slot is RecordKind.MOLECULAR
    qtbot.waitUntil(lambda: cell(page, RecordKind.MOLECULAR, 2) == "1", timeout=20_000)
    assert "Received" in cell(page, RecordKind.MOLECULAR, 1)

    # Dropped on the page itself: Casebook suggests where it goes.
    letter = tmp_path / "note.txt"
    letter.write_text("Appointment on Tuesday", encoding="utf-8")
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        mime = _mime([letter])
        page.dropEvent(_drop(QPoint(10, 10), mime))
    assert blocker.args[0].added[0].slot is RecordKind.OTHER


def test_documents_model_passes_the_model_tester(
    qtmodeltester: ModelTester, session: BinderSession, imported: dict[str, Document]
) -> None:
    thumbnails = ThumbnailCache(session)
    model = DocumentsModel(thumbnails)
    model.set_entries(list(imported.values()))
    qtmodeltester.check(model, force_py=True)
    model.set_entries(list(imported.values())[:2])
    assert model.rowCount() == 2
    model.set_entries([])
    assert model.rowCount() == 0


def test_documents_filter_passes_the_model_tester(
    qtmodeltester: ModelTester, imported: dict[str, Document]
) -> None:
    model = DocumentsModel(None)
    model.set_entries(list(imported.values()))
    proxy = DocumentsFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_slot(RecordKind.PATHOLOGY)
    assert proxy.rowCount() == 1
    proxy.set_slot(None)
    proxy.set_matching_ids({imported["scan"].id, imported["letter"].id})
    assert proxy.rowCount() == 2
    proxy.set_matching_ids(None)
    proxy.sort(DocumentColumn.DATE)
    # Undated documents sort after dated ones.
    assert proxy.index(0, DocumentColumn.DATE).data() == format_date_text("2024-03-14")
    assert proxy.index(3, DocumentColumn.DATE).data() == "No date"


def test_the_trash_is_a_model_and_restores_the_chosen_document(
    qtbot: QtBot,
    session: BinderSession,
    imported: dict[str, Document],
    qtmodeltester: ModelTester,
) -> None:
    records.move_to_trash(session, imported["letter"].id)
    records.move_to_trash(session, imported["scan"].id)
    page = make_page(qtbot, session)
    page.trash_button.click()
    trash = page.trash_view
    qtbot.waitUntil(lambda: trash.model.rowCount() == 2)
    qtmodeltester.check(trash.model, force_py=True)
    row = trash.model.row_of(imported["scan"].id)
    assert row is not None
    rect = trash.trash_list.visualRect(trash.model.index(row))
    qtbot.mouseClick(trash.trash_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        trash.restore_button.click()
    assert [d.id for d in records.list_trash(session)] == [imported["letter"].id]
    assert trash.model.rowCount() == 1
    assert trash.restore_button.isEnabled()
