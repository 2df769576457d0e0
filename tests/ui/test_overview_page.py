"""The Overview page on a real small binder: case, missing records, import with progress."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from casebook.core.progress import Progress
from casebook.services.binder import BinderSession
from casebook.services.importing import ImportSummary
from casebook.store.keyslots import KdfParams
from casebook.ui.dialogs.import_summary_dialog import ImportSummaryDialog
from casebook.ui.main_window import MainWindow
from casebook.ui.pages.overview_page import OverviewPage
from casebook.ui.tasks import BackgroundTask, writer_pool

from .conftest import PASSWORD, PATIENT


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
    assert "1958-03-14" in page.birth_label.text()
    assert "pancreatic" in page.diagnosis_label.text()
    assert "0 documents" in page.totals_label.text()
    assert page.slots_tree.topLevelItemCount() == 12
    first = page.slots_tree.topLevelItem(0)
    assert "Missing" in first.text(1)
    assert "✗" in first.text(1)  # a shape as well as a word, never colour alone
    assert first.font(1).bold()
    assert "Still to collect" in page.missing_bar.text()
    assert "Pathology report" in page.missing_bar.text()
    assert "never" in page.activity_label.text()


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
