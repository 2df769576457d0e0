"""Consultations: the list, one consultation's details and summary, and note-taking mode.

Reads run on the reader lane, writes on the writer lane; the note-taking view saves every
keystroke itself. `stop_work()` flushes the note being typed before the binder is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.consultations import Consultation
from casebook.services import clock
from casebook.services import consultations as service
from casebook.services.binder.session import BinderSession
from casebook.services.consultations import ConsultationView
from casebook.services.questions.sheet import (
    build_consultation_summary,
    build_question_sheet,
)
from casebook.services.undo import Undoable, delete_with_undo, undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.pdf_output import PdfOutput
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.consultations.consultation_detail import ConsultationDetail
from casebook.ui.consultations.consultations_model import ConsultationsModel, ObjectRole
from casebook.ui.consultations.note_taking_view import NoteTakingView
from casebook.ui.recordings.recordings_panel import RecordingsPanel

# Consultations with their question lists and answers, notes, and linked timeline events.
_SHOWN = (Changed.CONSULTATIONS, Changed.QUESTIONS, Changed.TIMELINE)


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
        self.model = ConsultationsModel(self)
        self.list = QListView()
        self.list.setObjectName("consultations_list")
        self.list.setAccessibleName(self.tr("Consultations"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        look_as(self.list, rows="spaced")
        self.list.selectionModel().currentRowChanged.connect(self._selected)
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

        self.recordings_panel = RecordingsPanel(session)
        self.detail = ConsultationDetail(recordings=self.recordings_panel)
        self.detail.save_requested.connect(self._save_details)
        self.detail.save_refused.connect(self.error_bar.show_error)
        self.detail.notes_requested.connect(self.start_notes)
        self.sheet_pdf = PdfOutput(
            self, self.error_bar, self._sheet_job, self.tr("Questions to bring.pdf"), session
        )
        self.sheet_pdf.serve(self.detail.sheet_controls)
        self.summary_pdf = PdfOutput(
            self,
            self.error_bar,
            self._summary_job,
            self.tr("Consultation summary.pdf"),
            session,
        )
        self.summary_pdf.serve(self.detail.summary_controls)
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
        self._list_reader = LatestRead(
            self, lambda: service.list_consultations(session), self._show_list, self._on_failed
        )
        self._view_reader = LatestRead(self, self._read_current, self._show_view, self._on_failed)
        # Follows the browsing view, so notes being typed (saved every second) cost no reads.
        follow_changes(self.browse, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    # Loading -------------------------------------------------------------------------------

    def _write(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Write; the page reads again through the change the write announces."""
        op = WriteOp(self, self._session, job).on_failure(self._on_failed)
        if done is not None:
            op.on_success(done)
        op.start()

    def _select(self, consultation_id: int) -> None:
        """Show this consultation once the list has it (after creating or restoring it)."""
        self.reload(select=consultation_id)

    def _on_failed(self, failure: TaskFailure) -> None:
        if self._session.closed:
            return  # the binder was locked under a read: nothing to tell
        self.error_bar.show_failure(failure)

    @Slot()
    def reload(self, select: int | None = None) -> None:
        """Read the list again; select `select` (else keep the current one) when it arrives."""
        if select is not None:
            self.current_id = select
        self._list_reader.start()

    def _show_list(self, found: list[Consultation]) -> None:
        select = self.current_id
        self.model.set_consultations(found)
        row = self.model.row_of(select)
        if row is None and found:
            row = 0
        self.delete_button.setEnabled(bool(found))
        if row is None:
            self.current_id = None
            self.stack.setCurrentWidget(self.empty_label)
            return
        self.select_row(row)

    def select_row(self, row: int) -> None:
        """Choose the consultation in `row` (as a click would) and show it."""
        index = self.model.index(row)
        if self.list.currentIndex() == index:
            self._selected(index)  # the same row after a new read: show it again
        else:
            self.list.setCurrentIndex(index)

    @Slot(QModelIndex)
    def _selected(self, index: QModelIndex) -> None:
        consultation = index.data(ObjectRole)
        if not isinstance(consultation, Consultation):
            return
        self.current_id = consultation.id
        self._load_current()

    def _load_current(self) -> None:
        if self.current_id is not None:
            self._view_reader.start()

    def _read_current(self) -> ConsultationView | None:
        cid = self.current_id
        if cid is None:
            return None
        try:
            return service.load_consultation_view(self._session, cid)
        except KeyError:
            return None  # deleted meanwhile: the list's next read moves on

    def _show_view(self, view: ConsultationView | None) -> None:
        if view is None or view.consultation.id != self.current_id:
            return
        self.detail.show_view(view)
        self.recordings_panel.show_consultation(view.consultation.id)
        self.stack.setCurrentWidget(self.detail)

    # Editing -------------------------------------------------------------------------------

    @Slot()
    def new_consultation(self) -> None:
        """Dated today; every open question is put on its list."""
        session = self._session
        fresh = Consultation(0, self.tr("Consultation"), clock.today().isoformat())
        self._write(lambda: service.create_consultation(session, fresh), self._select)

    @Slot(object)
    def _save_details(self, consultation: Consultation) -> None:
        self.error_bar.clear()
        session = self._session
        self._write(lambda: service.update_consultation(session, consultation))

    @Slot()
    def _delete(self) -> None:
        if self.current_id is None:
            return
        session, cid = self._session, self.current_id
        self.current_id = None
        self._write(
            lambda: delete_with_undo(session, Undoable.CONSULTATION, cid),
            self.undo_bar.show_deleted,
        )

    @Slot(int)
    def undo_delete(self, snapshot_id: int) -> None:
        session = self._session
        self._write(lambda: undo_delete(session, snapshot_id), self._select)

    @Slot(int)
    def _link_event(self, event_id: int) -> None:
        if self.current_id is None:
            return
        session, cid = self._session, self.current_id
        self._write(lambda: service.link_timeline_event(session, cid, event_id))

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
        # The note's saves announce their changes; read once more after the last queued one
        # (the writer lane keeps order) in case the page was hidden while they landed.
        self._write(lambda: None, lambda _none: self._load_current())
        notes.deleteLater()

    def stop_work(self) -> None:
        """Save the note being typed now (before the binder is locked or the page closes)."""
        if self.notes_view is not None:
            self.notes_view.autosaver.flush()
            self.notes_view.recording_bar.stop()

    # Printing ------------------------------------------------------------------------------

    def _sheet_job(self, language: str) -> Callable[[], bytes]:
        session, cid = self._session, self.current_id
        return lambda: build_question_sheet(session, language, cid).pdf

    def _summary_job(self, language: str) -> Callable[[], bytes]:
        session, cid = self._session, self.current_id
        if cid is None:
            raise RuntimeError("a summary was printed with no consultation chosen")
        return lambda: build_consultation_summary(session, cid, language)
