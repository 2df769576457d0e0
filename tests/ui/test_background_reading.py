"""The text of imported photos is read in the background: the import is not held up (the writer
lane stays free while a photo is being read), every photo waiting is read in turn, and what was
read is found by search."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from paper_photos import encoded, photographed, report_page, save
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from casebook.core.progress import CancelToken, Report
from casebook.services.binder.session import BinderSession
from casebook.services.records.documents import list_documents, search
from casebook.services.records.importing import ImportSummary, import_paths
from casebook.services.records.recognition import ReadText, document_text, read_document_text
from casebook.ui.common import tasks
from casebook.ui.common.ops import WriteOp
from casebook.ui.records.background_reading import BackgroundReading

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=300_000)


def _import(context: QObject, session: BinderSession, paths: list[Path]) -> list[ImportSummary]:
    """Import as the Records page does (a WriteOp on the writer lane); the list fills on success."""
    done: list[ImportSummary] = []

    def job(report: Report, cancel: CancelToken) -> ImportSummary:
        return import_paths(session, paths, None, report, cancel)

    WriteOp.with_progress(context, session, job).on_success(done.append).start()
    return done


def test_photos_are_read_after_import_without_holding_up_the_next_one(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    started, gate = threading.Event(), threading.Event()

    def held(opened: BinderSession, document_id: int, cancel: CancelToken) -> ReadText | None:
        """The real reading, held at its start until the test has imported the next file."""
        started.set()
        gate.wait(timeout=600)
        return read_document_text(opened, document_id, cancel)

    context = QObject()
    reading = BackgroundReading(session, context, reader=held)
    photos = [
        save(tmp_path / "phone", name, encoded(photographed(report_page(), tilt=tilt), "jpeg", 75))
        for name, tilt in (("IMG_0412.jpg", 2.0), ("IMG_0413.jpg", -3.0))
    ]
    try:
        first = _import(context, session, photos)
        qtbot.waitUntil(lambda: bool(first), timeout=120_000)
        photo_ids = {document.id for document in first[0].added}
        assert len(photo_ids) == 2
        qtbot.waitUntil(started.is_set, timeout=60_000)
        assert reading.busy

        # A photo is being read right now; the next import goes through regardless.
        letter = tmp_path / "letter.txt"
        letter.write_text("Referral to the oncology clinic, 2025-03-02.", encoding="utf-8")
        second = _import(context, session, [letter])
        qtbot.waitUntil(lambda: bool(second), timeout=120_000)
        assert len(second[0].added) == 1
        assert not any(document_text(session, i).recognised for i in photo_ids)
    finally:
        gate.set()

    qtbot.waitUntil(
        lambda: all(document_text(session, i).recognised for i in photo_ids), timeout=600_000
    )
    qtbot.waitUntil(lambda: not reading.busy, timeout=60_000)
    found = {hit.ref_id for hit in search(session, "adenocarcinoma") if hit.kind == "document"}
    assert found == photo_ids
    titles = {d.id: d.original_name for d in list_documents(session)}
    assert sorted(titles[i] for i in found) == ["IMG_0412.jpg", "IMG_0413.jpg"]
