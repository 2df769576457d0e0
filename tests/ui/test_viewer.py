"""The document viewer: PDF pages and pictures rendered offscreen from bytes in memory, and
the explicit, warned outside copies."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from casebook.core.model import Document
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records.importing import import_paths
from casebook.services.records.outside_copies import (
    cleanup_outside_copies,
    outside_folders,
)
from casebook.ui.common import tasks
from casebook.ui.records.document_viewer import DocumentViewer

from .records_samples import import_records


@pytest.fixture
def imported(session: BinderSession, tmp_path: Path) -> dict[str, Document]:
    return import_records(session, tmp_path / "records")


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    """Depends on `session`, so it runs before the binder is closed (closing a connection
    another thread is using can crash SQLCipher)."""
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)
    cleanup_outside_copies()


def make_viewer(
    qtbot: QtBot, session: BinderSession, document: Document, opened: list[QUrl] | None = None
) -> DocumentViewer:
    def record(url: QUrl) -> bool:
        if opened is not None:
            opened.append(url)
        return True

    viewer = DocumentViewer(session, document, open_url=record)
    qtbot.addWidget(viewer)
    viewer.resize(900, 760)
    viewer.show()
    qtbot.waitUntil(lambda: not viewer.canvas.displayed_pixmap().isNull(), timeout=30_000)
    return viewer


def test_pdf_pages_render_and_navigate_without_waiting(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    viewer = make_viewer(qtbot, session, imported["pathology"])
    qtbot.waitUntil(lambda: viewer.page_count == 3, timeout=20_000)
    assert viewer.page_label.text() == "Page 1 of 3"
    assert not viewer.previous_button.isEnabled()
    first = viewer.canvas.image
    assert first is not None
    assert first.height() > first.width()
    assert first.pixelColor(10, 10).name() == "#ffffff"  # white paper, not a blank pixmap

    with qtbot.waitSignal(viewer.page_shown, timeout=20_000) as shown:
        viewer.next_button.click()
        assert "Preparing page 2" in viewer.canvas.page_label.text()  # the window did not wait
    assert shown.args == [1]
    assert viewer.page_label.text() == "Page 2 of 3"
    viewer.next_button.click()
    qtbot.waitUntil(lambda: viewer.canvas.image is not None and viewer.page == 2)
    assert not viewer.next_button.isEnabled()
    with qtbot.waitSignal(viewer.page_shown, timeout=5_000):
        viewer.previous_button.click()  # cached: shown at once

    viewer.canvas.fit()
    fitted = viewer.canvas.displayed_pixmap().width()
    assert fitted <= viewer.canvas.viewport().width()
    viewer.zoom_in_button.click()
    assert viewer.canvas.displayed_pixmap().width() > fitted
    viewer.zoom_out_button.click()
    viewer.zoom_out_button.click()
    assert viewer.canvas.displayed_pixmap().width() < fitted
    viewer.fit_button.click()
    assert viewer.canvas.displayed_pixmap().width() == fitted


def test_picture_zooms_and_turns(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document]
) -> None:
    viewer = make_viewer(qtbot, session, imported["scan"])
    assert not viewer.next_button.isVisible()  # a picture has no pages
    image = viewer.canvas.image
    assert image is not None
    assert (image.width(), image.height()) == (600, 400)
    viewer.canvas.set_zoom(1.0)
    assert viewer.canvas.displayed_pixmap().size().toTuple() == (600, 400)
    viewer.rotate_button.click()
    assert viewer.canvas.displayed_pixmap().size().toTuple() == (400, 600)
    viewer.zoom_in_button.click()
    assert viewer.canvas.displayed_pixmap().size().toTuple() == (500, 750)


def test_save_a_copy_warns_and_writes_identical_bytes(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document], tmp_path: Path
) -> None:
    viewer = make_viewer(qtbot, session, imported["pathology"])
    viewer.save_button.click()
    box = viewer.findChild(QMessageBox, "outside_copy_warning")
    assert isinstance(box, QMessageBox)
    assert "NOT be encrypted" in box.text()
    box.reject()

    destination = tmp_path / "saved" / "pathology copy.pdf"
    destination.parent.mkdir()
    with qtbot.waitSignal(viewer.outside.copy_saved, timeout=20_000):
        viewer.outside.save_to(destination)
    original = tmp_path / "records" / "surgical pathology.pdf"
    assert destination.read_bytes() == original.read_bytes()
    assert sorted(p.name for p in destination.parent.iterdir()) == ["pathology copy.pdf"]
    assert "Unencrypted copy saved" in viewer.message_bar.text()

    with qtbot.waitSignal(viewer.outside.failed, timeout=20_000):
        viewer.outside.save_to(tmp_path / "no such folder" / "x.pdf")
    assert "could not be written" in viewer.message_bar.text()


def test_open_with_another_program_uses_a_private_folder_cleaned_up_later(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document], tmp_path: Path
) -> None:
    opened: list[QUrl] = []
    viewer = make_viewer(qtbot, session, imported["chinese"], opened)
    viewer.open_button.click()
    box = viewer.findChild(QMessageBox, "outside_copy_warning")
    assert isinstance(box, QMessageBox)
    assert "unencrypted" in box.text()
    proceed = box.findChild(QPushButton, "outside_copy_proceed")
    assert isinstance(proceed, QPushButton)
    with qtbot.waitSignal(viewer.outside.copy_opened, timeout=20_000):
        proceed.click()
    [url] = opened
    path = Path(url.toLocalFile())
    assert path.name == "出院小结.pdf"
    assert path.read_bytes() == (tmp_path / "records" / "出院小结.pdf").read_bytes()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert outside_folders() == [path.parent]
    assert cleanup_outside_copies() == 1
    assert not path.parent.exists()
    assert outside_folders() == []


def test_a_damaged_pdf_is_worded_as_damaged_not_as_a_bug(
    qtbot: QtBot, session: BinderSession, imported: dict[str, Document], tmp_path: Path
) -> None:
    """A PDF cut short on its way (a failed download) is an expected failure with its own
    words, in the viewer as everywhere else."""
    whole = (tmp_path / "records" / "surgical pathology.pdf").read_bytes()
    cut = tmp_path / "cut short.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    summary = import_paths(
        session, [cut], None, ignore_progress, NEVER_CANCELLED, accept_other_patients=True
    )
    (document,) = summary.added
    viewer = DocumentViewer(session, document, open_url=lambda _url: True)
    qtbot.addWidget(viewer)
    viewer.resize(900, 760)
    viewer.show()
    qtbot.waitUntil(lambda: "cannot be shown" in viewer.canvas.page_label.text(), timeout=30_000)
    said = viewer.canvas.page_label.text()
    assert "damaged" in said
    assert "could not be completed" not in said
    assert "inside Casebook" not in said
