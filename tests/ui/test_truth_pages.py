"""One source of truth through real widgets: a change made on one page shows on every other
page that shows it, with no page refreshing another by hand (issue 11's stale cases)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from casebook.core.model import RecordKind
from casebook.core.preflight import FindingKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.ui.common import tasks
from casebook.ui.common.labels import slot_kind_label
from casebook.ui.records.document_dialog import DocumentDialog
from casebook.ui.shell.workspace import Workspace


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


def _photo(tmp_path: Path) -> Path:
    """A real PNG photo of a results sheet, named as a phone names it."""
    image = QImage(600, 300, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawText(20, 40, "Haemoglobin 118 g/L   WBC 5.1")
    painter.end()
    path = tmp_path / "IMG_2041.png"
    assert image.save(str(path))
    return path


def _workspace(qtbot: QtBot, session: BinderSession) -> Workspace:
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 740)
    workspace.show()
    # The Overview is made over a few turns of the event loop; its records part comes last.
    overview = workspace.overview_page
    if not overview.building.finished:
        qtbot.waitSignal(overview.building.done).wait()
    return workspace


def _overview_slot_text(workspace: Workspace, kind: RecordKind) -> str:
    model = workspace.overview_page.slots_tree.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == slot_kind_label(kind):
            return f"{model.index(row, 1).data()} | {model.index(row, 2).data()}"
    raise AssertionError(f"{kind} not on the Overview")


def test_refiling_a_photo_changes_both_records_everywhere(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    import_paths(session, [_photo(tmp_path)], None, ignore_progress, NEVER_CANCELLED)
    workspace = _workspace(qtbot, session)
    overview = workspace.overview_page
    qtbot.waitUntil(lambda: overview.overview is not None, timeout=20_000)
    assert "Received" in _overview_slot_text(workspace, RecordKind.OTHER)
    assert "Missing" in _overview_slot_text(workspace, RecordKind.LABS)

    workspace.show_section("records")
    page = workspace.records_page
    qtbot.waitUntil(
        lambda: page.snapshot is not None and bool(page.snapshot.documents),
        timeout=20_000,
    )
    [photo] = page.snapshot.documents
    dialog = page.edit_document(photo)
    assert isinstance(dialog, DocumentDialog)
    dialog.slot_combo.setCurrentIndex(dialog.slot_combo.findData(RecordKind.LABS))
    dialog.save_button.click()

    def status(kind: RecordKind) -> str:
        return str(page.slot_tree.slot_index(kind).siblingAtColumn(1).data())

    qtbot.waitUntil(lambda: "Received" in status(RecordKind.LABS), timeout=20_000)
    assert "Not needed" in status(RecordKind.OTHER)
    workspace.show_section("overview")  # hidden while the change happened: it reads on show
    qtbot.waitUntil(
        lambda: "Received | 1" in _overview_slot_text(workspace, RecordKind.LABS), timeout=20_000
    )
    assert _overview_slot_text(workspace, RecordKind.OTHER).endswith("| 0")
    assert "Not needed" in _overview_slot_text(workspace, RecordKind.OTHER)


def test_a_question_added_on_its_page_is_counted_on_the_overview(
    qtbot: QtBot, session: BinderSession
) -> None:
    workspace = _workspace(qtbot, session)
    overview = workspace.overview_page
    qtbot.waitUntil(lambda: overview.overview is not None, timeout=20_000)
    assert "No open questions" in overview.open_questions_label.text()

    workspace.show_section("questions")
    questions = workspace.questions_page
    qtbot.waitUntil(lambda: questions.loaded is not None, timeout=20_000)
    QTest.keyClicks(questions.new_edit, "Is surgery still possible?")
    QTest.keyClick(questions.new_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: questions.model.rowCount() == 1, timeout=20_000)

    workspace.show_section("overview")
    qtbot.waitUntil(
        lambda: "1 open question" in overview.open_questions_label.text(), timeout=20_000
    )


def test_the_overview_lists_what_the_hospital_would_find_and_leads_there(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    report = tmp_path / "pathology report.txt"
    report.write_text("Surgical pathology report. Adenocarcinoma.")
    import_paths(session, [report], RecordKind.PATHOLOGY, ignore_progress, NEVER_CANCELLED)
    workspace = _workspace(qtbot, session)
    panel = workspace.overview_page.preflight_panel

    def kinds() -> list[FindingKind]:
        return [panel.model.finding(row).kind for row in range(panel.model.rowCount())]

    qtbot.waitUntil(lambda: FindingKind.UNCONFIRMED_DOCUMENT in kinds(), timeout=20_000)
    assert FindingKind.MISSING_RECORD in kinds()
    assert "before sending" in panel.summary_label.text()
    row = kinds().index(FindingKind.UNCONFIRMED_DOCUMENT)
    panel.view.clicked.emit(panel.model.index(row))
    assert workspace.pages.currentWidget() is workspace.records_page
    page = workspace.records_page
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20_000)
    [document] = records.list_documents(session)
    qtbot.waitUntil(lambda: _selected_id(page) == document.id, timeout=20_000)


def _selected_id(page: object) -> int | None:
    selected = page.documents.selected_document()  # type: ignore[attr-defined]
    return None if selected is None else int(selected.id)
