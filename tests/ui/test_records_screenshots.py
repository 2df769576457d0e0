"""Renders the Records page and the viewer offscreen; CASEBOOK_SCREENSHOTS_DIR keeps them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from casebook.core.model import DocumentEdit, PartialDate, RecordKind, SlotStatement
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.ui.common import tasks
from casebook.ui.records.document_viewer import DocumentViewer
from casebook.ui.records.records_page import RecordsPage

from .records_samples import import_records, write_pdf
from .screenshots import save_screenshot, screenshot_folder


def test_screenshots_of_records_and_viewer(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    out = screenshot_folder(tmp_path / "shots")
    documents = import_records(session, tmp_path / "records")
    more = write_pdf(
        tmp_path / "records" / "CT chest report.pdf",
        [["CT CHEST WITH CONTRAST", "Date: 2 April 2024", "Findings: no distant metastases."]],
    )
    chinese = documents["chinese"]
    records.edit_document(
        session,
        chinese.id,
        replace(
            DocumentEdit.of(chinese),
            title="出院小结 (discharge summary)",
            slot=RecordKind.DISCHARGE_REFERRAL,
            document_date=PartialDate(2024, 4),
            needs_review=False,
        ),
    )
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.records.importing import import_paths

    import_paths(
        session, [more], RecordKind.IMAGING, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    records.set_slot_statement(
        session,
        RecordKind.MOLECULAR,
        SlotStatement.REQUESTED,
        PartialDate(2024, 5, 2),
        "Genetics lab, City Hospital",
    )
    records.set_slot_statement(session, RecordKind.IDENTITY, SlotStatement.NOT_APPLICABLE)

    page = RecordsPage(session)
    qtbot.addWidget(page)
    page.resize(1280 - 210, 860 - 70)  # the page's share of a 1280 × 860 main window
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20_000)
    page.select_slot(RecordKind.PATHOLOGY)
    page.slot_tree.expand(page.slot_tree.slot_index(RecordKind.PATHOLOGY))
    page.select_slot(None)
    model = page.documents.model
    for row in range(model.rowCount()):
        model.index(row, 0).data(1)  # DecorationRole: start every thumbnail
    qtbot.waitUntil(
        lambda: all(page.thumbnails.has_result(d) for d in model.objects()), timeout=30_000
    )
    shots = [save_screenshot(qtbot, page, out, "records")]
    page.select_slot(RecordKind.PATHOLOGY)
    shots.append(save_screenshot(qtbot, page, out, "records_slot_guide"))

    viewer = DocumentViewer(session, documents["pathology"], page)
    viewer.resize(900, 700)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.page_count == 3, timeout=20_000)
    qtbot.waitUntil(lambda: not viewer.canvas.displayed_pixmap().isNull(), timeout=30_000)
    shots.append(save_screenshot(qtbot, viewer, out, "viewer"))
    viewer.close()
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)

    for shot in shots:
        image = QImage(str(shot))
        assert not image.isNull()
        assert image.width() >= 600
