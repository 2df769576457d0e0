"""The Overview page on a real small binder: case, missing records, import with progress."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.decision_moment import DecisionMoment
from casebook.core.decisions import DecisionDraft
from casebook.core.model import PartialDate
from casebook.core.opinions import Opinion
from casebook.core.progress import NEVER_CANCELLED, Progress, ignore_progress
from casebook.services import clock, consultations
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession
from casebook.services.clock import SetClock
from casebook.services.demo import create_demo_binder
from casebook.services.opinions import opinions
from casebook.services.overview import load_overview
from casebook.services.questions import questions
from casebook.services.records.importing import ImportSummary, import_paths
from casebook.services.timeline import save_decision_moment
from casebook.store.keyslots import KdfParams
from casebook.ui.common.labels import format_date_text
from casebook.ui.common.tasks import BackgroundTask, writer_pool
from casebook.ui.overview.overview_page import OverviewPage
from casebook.ui.records.import_summary_dialog import ImportSummaryDialog
from casebook.ui.shell.main_window import MainWindow

from .conftest import PASSWORD, PATIENT
from .screenshots import save_screenshot, screenshot_folder


def make_files(folder: Path) -> list[Path]:
    """A PNG scan, a text letter and an empty file (which must be refused)."""
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    scan = folder / "scan.png"
    assert image.save(str(scan))
    letter = folder / "referral letter.txt"
    letter.write_text("Dear colleague, please review this case.\n", encoding="utf-8")
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    return [scan, letter, empty]


def make_page(qtbot: QtBot, session: BinderSession) -> OverviewPage:
    page = OverviewPage(session)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None)
    return page


def test_overview_shows_the_case_and_what_is_missing(qtbot: QtBot, session: BinderSession) -> None:
    page = make_page(qtbot, session)
    assert page.name_label.text() == PATIENT
    assert format_date_text("1958-03-14") in page.birth_label.text()
    assert "pancreatic" in page.diagnosis_label.text()
    assert "0 documents" in page.totals_label.text()
    model = page.slots_tree.model()
    assert model.rowCount() == 12
    status = model.index(0, 1)
    assert "Missing" in status.data()
    assert "✗" in status.data()  # a shape as well as a word, never colour alone
    assert status.data(Qt.ItemDataRole.FontRole).bold()
    # What is missing is said slot by slot (the table) and as pre-flight lines that lead there.
    panel = page.preflight_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    lines = [panel.model.index(row).data() for row in range(panel.model.rowCount())]
    assert "→  Pathology report: still missing." in lines
    assert model.index(0, 0).data() == "Pathology report"
    assert "Last backup: never" in page.activity_label.text()
    assert "Last export: never" in page.activity_label.text()
    assert page.backup_bar.text() == ""  # nothing in the binder yet, nothing to back up


def test_import_with_progress_and_summary(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session)
    files = make_files(tmp_path / "incoming")
    big = tmp_path / "incoming" / "ct report.bin"
    big.write_bytes(os.urandom(6 * 1024 * 1024))
    seen: list[Progress] = []
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        assert page.import_paths([*files, big])
        progress = page.findChild(QProgressDialog)
        assert isinstance(progress, QProgressDialog)
        assert progress.isVisible()
        page.imports._task.on_progress(  # type: ignore[union-attr]
            lambda p: (seen.append(p), page.imports._show_progress(p))
        )
    summary = blocker.args[0]
    assert isinstance(summary, ImportSummary)
    assert len(summary.added) == 3
    assert [refusal.path.name for refusal in summary.refused] == ["empty.pdf"]
    assert seen
    assert seen[-1].done == seen[-1].total
    qtbot.waitUntil(lambda: page.findChild(QProgressDialog) is None)

    dialog = page.findChild(ImportSummaryDialog)
    assert isinstance(dialog, ImportSummaryDialog)
    assert "Added to the binder: 3 files" in dialog.counts_label.text()
    assert "Could not be added: 1 file" in dialog.counts_label.text()
    assert "empty.pdf: the file is empty" in dialog.details_list.item(0).text()
    qtbot.waitUntil(lambda: page.overview is not None and page.overview.document_count == 3)
    assert "3 documents" in page.totals_label.text()
    dialog.accept()

    # The same files again are recognised as already there.
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        page.import_paths([files[0]])
    again = blocker.args[0]
    assert not again.added
    assert [path.name for path, _doc in again.duplicates] == ["scan.png"]


def test_dropping_files_on_the_window_imports_them(
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
    files = make_files(tmp_path / "dropped")[:2]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    drop = QDropEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.imports.summarised, timeout=30_000) as blocker:
        window.dropEvent(drop)
    assert len(blocker.args[0].added) == 2
    qtbot.waitUntil(lambda: page.overview is not None and page.overview.document_count == 2)
    labels = "\n".join(label.text() for label in window.findChildren(QLabel))
    assert "2 documents" in labels
    window.close()


def test_cancelled_import_shows_no_summary(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session)
    files = make_files(tmp_path / "incoming")
    # Hold the writer lane so the import is still queued when Cancel is pressed.
    release = threading.Event()
    BackgroundTask(page, lambda _r, _c: release.wait(10)).start(writer_pool())
    assert page.import_paths(files)
    assert not page.import_paths(files)  # one import at a time
    progress = page.findChild(QProgressDialog)
    assert isinstance(progress, QProgressDialog)
    summaries: list[object] = []
    page.imports.summarised.connect(summaries.append)
    with qtbot.waitSignal(page.imports.finished, timeout=10_000):
        cancel_button = progress.findChild(QPushButton)
        assert isinstance(cancel_button, QPushButton)
        cancel_button.click()
        release.set()
    assert not page.imports.busy
    assert summaries == []
    assert page.findChild(ImportSummaryDialog) is None
    qtbot.waitUntil(lambda: page.findChild(QProgressDialog) is None)
    qtbot.waitUntil(lambda: page.overview is not None and page.overview.document_count == 0)


COMING = (clock.today() + timedelta(days=12)).isoformat()


def prepare_next_steps(session: BinderSession) -> int:
    """A decision moment, two questions and a coming consultation (one question answered)."""
    save_decision_moment(session, DecisionMoment.BEFORE_TREATMENT)
    answered = questions.add_own_question(session, "Was the pathology reviewed by a specialist?")
    questions.add_own_question(session, "Which scans should we bring to the review?")
    questions.add_own_question(session, "How long can we wait before treatment starts?")
    coming = consultations.create_consultation(
        session,
        Consultation(
            0,
            "Remote tumour board review",
            held_on=COMING,
            doctor="Dr Lin (fictional)",
            institution="City University Hospital",
        ),
    )
    consultations.record_answer(session, coming, answered, "Mei", "Yes, in October.")
    return coming


def test_overview_says_where_we_are_and_what_is_next(qtbot: QtBot, session: BinderSession) -> None:
    page = make_page(qtbot, session)
    assert "not chosen yet" in page.moment_label.text()
    assert page.moment_link.text() == "Choose it on the Timeline"
    assert page.consultation_label.text() == "No consultation is planned yet."
    assert page.open_questions_label.text() == "No open questions on your list yet."
    assert page.opinions_label.text() == "No opinion recorded yet."
    assert "No decision logged yet" in page.decision_label.text()

    prepare_next_steps(session)
    opinions.save_opinion(session, Opinion("Dr Chen", institution="Riverside General"))
    page.overview = None
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.moment_label.text() == "Decision moment: Before treatment starts"
    assert page.moment_link.text() == "Change it on the Timeline"
    assert page.moment_link.accessibleName() == "Change it on the Timeline"
    coming = format_date_text(COMING)
    assert f"Remote tumour board review · {coming}" in page.consultation_label.text()
    assert "Dr Lin (fictional), City University Hospital" in page.consultation_label.text()
    unanswered = page.unanswered_label.text()
    assert "2 questions still to ask" in unanswered
    assert "Which scans should we bring to the review?" in unanswered
    assert "pathology" not in unanswered  # answered at this consultation
    assert "2 open questions on your list in all" in page.open_questions_label.text()
    assert page.opinions_label.text() == "1 opinion recorded"
    assert "No decision logged yet" in page.decision_label.text()

    opinions.save_decision(
        session, DecisionDraft("Wait for the review before starting", PartialDate(2026, 11, 20))
    )
    page.overview = None
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.decision_label.text() == (
        f"✓  Decision logged ({format_date_text('2026-11-20')}): "
        "Wait for the review before starting"
    )


def test_links_ask_the_workspace_to_open_a_page(qtbot: QtBot, session: BinderSession) -> None:
    page = make_page(qtbot, session)
    for name in ("timeline", "consultations", "questions", "opinions", "export"):
        link = page.findChild(QPushButton, f"go_to_{name}")
        assert isinstance(link, QPushButton)
        assert link.accessibleName()
        with qtbot.waitSignal(page.navigate_requested) as blocker:
            link.click()
        assert blocker.args == [name]


def test_backup_reminder(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, set_clock: SetClock
) -> None:
    import_paths(session, make_files(tmp_path / "in")[:2], None, ignore_progress, NEVER_CANCELLED)
    page = make_page(qtbot, session)
    assert "No backup has been made yet" in page.backup_bar.text()

    set_clock.advance(timedelta(minutes=1))  # the backup comes after those two files
    maintenance.backup_binder(session, tmp_path / "backups", ignore_progress, NEVER_CANCELLED)
    page.overview = None
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.backup_bar.text() == ""
    assert "Last backup: never" not in page.activity_label.text()

    # Eight days on, the same records call for a new backup.
    page.show_overview(load_overview(session, set_clock.moment + timedelta(days=8)))
    assert "more than a week old" in page.backup_bar.text()

    set_clock.advance(timedelta(minutes=1))  # letters that come after the backup

    letters = tmp_path / "letters"
    letters.mkdir()
    for number in range(51):
        (letters / f"letter {number}.txt").write_text(f"Letter {number}\n", encoding="utf-8")
    import_paths(session, [letters], None, ignore_progress, NEVER_CANCELLED)
    page.overview = None
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.backup_bar.text().startswith("51 files (")  # not the two from before
    assert "since the last backup" in page.backup_bar.text()


def test_overview_of_the_demo_binder_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    session, _password = create_demo_binder(tmp_path / "demo")
    try:
        prepare_next_steps(session)
        page = OverviewPage(session)
        qtbot.addWidget(page)
        page.resize(1040, 1300)
        page.show()
        qtbot.waitUntil(lambda: page.overview is not None)
        qtbot.waitUntil(lambda: page.preflight_panel.model.rowCount() > 0)
        assert "Before treatment starts" in page.moment_label.text()
        # The demo's own questions join those added above.
        assert "questions still to ask" in page.unanswered_label.text()
        out = screenshot_folder(tmp_path / "shots")
        shot = save_screenshot(qtbot, page, out, "overview")
        assert not QImage(str(shot)).isNull()
    finally:
        session.close()
