"""Consultations: the list, one consultation's details and summary, and note-taking mode.

Reads run on the reader lane, writes on the writer lane; the note-taking view saves every
keystroke itself. `stop_work()` flushes the note being typed before the binder is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.consultations import Consultation
from casebook.core.model import PartialDate
from casebook.services import consultations as service
from casebook.services.binder import BinderSession
from casebook.services.consultations import ConsultationView
from casebook.services.question_sheet import build_consultation_summary, build_question_sheet
from casebook.services.undo import Deleted, Undoable, delete_with_undo, undo_delete
from casebook.ui.consultation.consultation_detail import ConsultationDetail
from casebook.ui.consultation.note_taking_view import NoteTakingView
from casebook.ui.labels import format_date_text
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool, writer_pool
from casebook.ui.widgets.message_bar import MessageBar
from casebook.ui.widgets.undo_bar import UndoBar

_ID_ROLE = Qt.ItemDataRole.UserRole


class ConsultationsPage(QWidget):
    """Every consultation, newest first; select one to see it, take notes or print."""

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultations_page")
        self._session = session
        self.current_id: int | None = None
        self.notes_view: NoteTakingView | None = None

        heading = QLabel(self.tr("Consultations"))
        heading.setProperty("role", "heading")
        hint = QLabel(
            self.tr(
                "Each appointment with its questions and notes. Questions left unanswered move "
                "to the next consultation by themselves."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.list = QListWidget()
        self.list.setObjectName("consultations_list")
        self.list.setAccessibleName(self.tr("Consultations"))
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.list.currentItemChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New consultation"))
        self.new_button.setObjectName("new_consultation_button")
        self.new_button.clicked.connect(self.new_consultation)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_consultation_button")
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 12, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.list, 1)

        self.detail = ConsultationDetail()
        self.detail.save_requested.connect(self._save_details)
        self.detail.notes_requested.connect(self.start_notes)
        self.detail.print_sheet_requested.connect(self._print_sheet)
        self.detail.print_summary_requested.connect(self._print_summary)
        self.detail.link_requested.connect(self._link_event)
        self.empty_label = QLabel(self.tr("Add a consultation to start its question list."))
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.detail)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.browse = QWidget()
        browse_layout = QVBoxLayout(self.browse)
        browse_layout.setContentsMargins(36, 28, 36, 28)
        browse_layout.setSpacing(12)
        browse_layout.addWidget(heading)
        browse_layout.addWidget(hint)
        browse_layout.addWidget(self.error_bar)
        browse_layout.addWidget(self.undo_bar)
        browse_layout.addWidget(splitter, 1)
        self.modes = QStackedWidget()
        self.modes.addWidget(self.browse)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.modes)
        self.reload()

    # Loading -------------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None], *, write: bool) -> None:
        BackgroundTask(self, lambda _r, _c: job()).on_success(done).on_failure(
            self._on_failed
        ).start(writer_pool() if write else reader_pool())

    def _on_failed(self, failure: TaskFailure) -> None:
        if self._session.closed:
            return  # the binder was locked under a read: nothing to tell
        self.error_bar.show_failure(failure)

    @Slot()
    def reload(self, select: int | None = None) -> None:
        session = self._session
        wanted = select if select is not None else self.current_id
        self._run(
            lambda: service.list_consultations(session),
            lambda found: self._show_list(found, wanted),
            write=False,
        )

    def _show_list(self, found: list[Consultation], select: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for consultation in found:
            parts = [format_date_text(consultation.held_on, self.tr("no date")), consultation.title]
            if consultation.doctor:
                parts.append(consultation.doctor)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(_ID_ROLE, consultation.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in found]
        row = ids.index(select) if select in ids else (0 if ids else -1)
        self.delete_button.setEnabled(bool(ids))
        if row < 0:
            self.current_id = None
            self.stack.setCurrentWidget(self.empty_label)
            return
        self.list.setCurrentRow(row)
        self._selected(self.list.currentItem(), None)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.current_id = int(item.data(_ID_ROLE))
        self._load_current()

    def _load_current(self) -> None:
        if self.current_id is None:
            return
        session, cid = self._session, self.current_id
        self._run(
            lambda: service.load_consultation_view(session, cid), self._show_view, write=False
        )

    def _show_view(self, view: ConsultationView) -> None:
        if view.consultation.id != self.current_id:
            return
        self.detail.show_view(view)
        self.stack.setCurrentWidget(self.detail)

    # Editing -------------------------------------------------------------------------------

    @Slot()
    def new_consultation(self) -> None:
        """Dated today; every open question is put on its list."""
        session = self._session
        fresh = Consultation(0, self.tr("Consultation"), date.today().isoformat())
        self._run(
            lambda: service.create_consultation(session, fresh),
            lambda cid: self.reload(select=cid),
            write=True,
        )

    @Slot(object)
    def _save_details(self, consultation: Consultation) -> None:
        if consultation.held_on:
            try:
                PartialDate.parse(consultation.held_on)
            except ValueError:
                self.error_bar.show_error(
                    self.tr("Please write the date as year-month-day, for example 2025-03-02.")
                )
                return
        self.error_bar.clear()
        session = self._session
        self._run(
            lambda: service.update_consultation(session, consultation),
            lambda _none: self.reload(select=consultation.id),
            write=True,
        )

    @Slot()
    def _delete(self) -> None:
        if self.current_id is None:
            return
        session, cid = self._session, self.current_id
        self.current_id = None
        self._run(
            lambda: delete_with_undo(session, Undoable.CONSULTATION, cid),
            self._deleted,
            write=True,
        )

    def _deleted(self, deleted: Deleted) -> None:
        self.undo_bar.show_deleted(deleted)
        self.reload()

    @Slot(int)
    def undo_delete(self, snapshot_id: int) -> None:
        session = self._session
        self._run(
            lambda: undo_delete(session, snapshot_id),
            lambda cid: self.reload(select=cid),
            write=True,
        )

    @Slot(int)
    def _link_event(self, event_id: int) -> None:
        if self.current_id is None:
            return
        session, cid = self._session, self.current_id
        self._run(
            lambda: service.link_timeline_event(session, cid, event_id),
            lambda _none: self._load_current(),
            write=True,
        )

    # Note-taking ---------------------------------------------------------------------------

    @Slot()
    def start_notes(self) -> None:
        view = self.detail.view
        if view is None:
            return
        edited = self.detail.edited_consultation() or view.consultation
        notes = NoteTakingView(self._session, edited, list(view.listed), list(view.entries))
        notes.closed.connect(self._notes_closed)
        self.notes_view = notes
        self.modes.addWidget(notes)
        self.modes.setCurrentWidget(notes)
        notes.editor.setFocus()

    @Slot()
    def _notes_closed(self) -> None:
        notes, self.notes_view = self.notes_view, None
        if notes is None:
            return
        self.modes.setCurrentWidget(self.browse)
        self.modes.removeWidget(notes)
        # Reload after the last queued save (the writer lane keeps order).
        self._run(lambda: None, lambda _none: self._load_current(), write=True)
        notes.deleteLater()

    def stop_work(self) -> None:
        """Save the note being typed now (before the binder is locked or the page closes)."""
        if self.notes_view is not None:
            self.notes_view.autosaver.flush()

    # Printing ------------------------------------------------------------------------------

    def _print(self, suggested: str, job: Callable[[], bytes]) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not name:
            return
        target = Path(name)
        self._run(lambda: target.write_bytes(job()), lambda _n: None, write=False)

    @Slot(str)
    def _print_sheet(self, language: str) -> None:
        session, cid = self._session, self.current_id
        self._print(
            self.tr("questions to bring.pdf"),
            lambda: build_question_sheet(session, language, cid).pdf,
        )

    @Slot(str)
    def _print_summary(self, language: str) -> None:
        if self.current_id is None:
            return
        session, cid = self._session, self.current_id
        self._print(
            self.tr("consultation summary.pdf"),
            lambda: build_consultation_summary(session, cid, language),
        )
