"""The Records page: each kind of record with its status and documents, what is missing,
why the MDT needs each record, search, import, and the trash.

It reads with `ReadOp` and writes with `WriteOp`; it reads again whenever any write (here or
on another page) changes documents, slots or imaging, so what it shows is what the binder holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.completeness import Completeness
from casebook.core.model import Document, DocumentEdit, RecordKind
from casebook.core.model import Slot as RecordSlot
from casebook.services import contacts
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records import recognition
from casebook.ui.common import file_dialogs
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import slot_kind_label
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.records.completeness_panel import CompletenessPanel, load_completeness
from casebook.ui.records.document_dialog import DocumentAction, DocumentDialog
from casebook.ui.records.document_viewer import DocumentViewer
from casebook.ui.records.documents_model import DocumentColumn
from casebook.ui.records.documents_panel import DocumentsPanel
from casebook.ui.records.import_flow import ImportFlow
from casebook.ui.records.slot_dialog import SlotDialog
from casebook.ui.records.slot_guide import SlotGuide
from casebook.ui.records.slot_tree import SlotTree, local_paths
from casebook.ui.records.thumbnail_cache import ThumbnailCache
from casebook.ui.records.trash_view import TrashView
from casebook.ui.redaction.redaction_editor import RedactionEditor

SEARCH_DELAY_MS = 300
_SHOWN = (Changed.DOCUMENTS, Changed.SLOTS, Changed.IMAGING)


@dataclass(frozen=True)
class RecordsSnapshot:
    """Everything the page shows, read in one background job."""

    slots: list[RecordSlot]
    documents: list[Document]
    trash: list[Document]
    completeness: Completeness


def load_records(session: BinderSession) -> RecordsSnapshot:
    return RecordsSnapshot(
        records.list_slots(session),
        records.list_documents(session),
        records.list_trash(session),
        load_completeness(session),
    )


class RecordsPage(QWidget):
    """Slots and documents; `loaded` after each reload."""

    loaded = Signal()
    search_finished = Signal()

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("records_page")
        self.setAcceptDrops(True)
        self._session = session
        self.snapshot: RecordsSnapshot | None = None
        self._wanted_document: int | None = None
        # A kind of record asked for before the first read arrived (the page is built when
        # first shown): (kind,), chosen once the tree is filled.
        self._wanted_slot: tuple[RecordKind | None] | None = None
        self.imports = ImportFlow(session, self)
        self.thumbnails = ThumbnailCache(session, self)
        self._search_generation = 0

        heading = QLabel(self.tr("Records"))
        heading.setProperty("role", "heading")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setAccessibleName(self.tr("Search the records"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search titles, notes and document text…"))
        self.search_edit.setMinimumWidth(340)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.search_edit)

        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.setObjectName("primary_button")
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.setObjectName("records_add_folder_button")
        self.add_folder_button.clicked.connect(self._choose_folder)
        drop_hint = QLabel(self.tr("Or drag files onto a record below to file them there."))
        drop_hint.setProperty("role", "hint")
        drop_hint.setWordWrap(True)
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setObjectName("show_trash_button")
        self.trash_button.clicked.connect(self.show_trash)
        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.add_files_button)
        actions.addWidget(self.add_folder_button)
        actions.addWidget(drop_hint, 1)
        actions.addWidget(self.trash_button)

        self.error_bar = MessageBar()
        self.error_bar.setObjectName("records_error_bar")
        self.completeness_panel = CompletenessPanel()

        self.slot_tree = SlotTree()
        self.slot_tree.setMinimumWidth(360)
        self.slot_tree.selectionModel().currentChanged.connect(self._on_tree_selection)
        self.slot_tree.files_dropped.connect(self.import_paths)
        self.guide = SlotGuide()
        self.guide.status_change_requested.connect(self.edit_slot_status)
        # Below the documents: what is missing (all records) or why the selected one matters.
        self.info_stack = QStackedWidget()
        self.info_stack.addWidget(self.completeness_panel)
        self.info_stack.addWidget(self.guide)
        info = QScrollArea()
        info.setObjectName("records_info_area")
        info.setWidgetResizable(True)
        info.setFrameShape(QFrame.Shape.NoFrame)
        info.setWidget(self.info_stack)

        self.documents = DocumentsPanel(self.thumbnails)
        self.documents.open_requested.connect(self.open_viewer)
        self.documents.details_requested.connect(self.edit_document)
        self.documents.confirm_requested.connect(self.confirm_document)
        self.documents.trash_requested.connect(self.trash_document)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.documents)
        right.addWidget(info)
        right.setChildrenCollapsible(False)
        right.setSizes([400, 200])
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(self.slot_tree)
        self.body.addWidget(right)
        self.body.setChildrenCollapsible(False)
        self.body.setStretchFactor(0, 0)
        self.body.setStretchFactor(1, 1)
        self.body.setSizes([380, 600])

        records_view = QWidget()
        records_layout = QVBoxLayout(records_view)
        records_layout.setContentsMargins(0, 0, 0, 0)
        records_layout.setSpacing(12)
        records_layout.addLayout(actions)
        records_layout.addWidget(self.documents.review_bar)
        records_layout.addWidget(self.body, 1)
        self.trash_view = TrashView()
        self.trash_view.back_requested.connect(self.show_records)
        self.trash_view.restore_requested.connect(self.restore_document)
        self.trash_view.empty_requested.connect(self.empty_trash)
        self.stack = QStackedWidget()
        self.stack.addWidget(records_view)
        self.stack.addWidget(self.trash_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.stack, 1)
        self._reader = LatestRead(
            self, lambda: load_records(session), self.show_snapshot, self._on_failed
        )
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    # Loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self._reader.start()

    def show_snapshot(self, snapshot: RecordsSnapshot) -> None:
        self.snapshot = snapshot
        self.slot_tree.set_records(snapshot.slots, snapshot.documents)
        if self._wanted_slot is not None:
            self.slot_tree.select_kind(self._wanted_slot[0])
            self._wanted_slot = None
        if not self.slot_tree.currentIndex().isValid():
            self.slot_tree.select_kind(None)
        self.documents.set_documents(snapshot.documents)
        self.completeness_panel.show_completeness(snapshot.completeness)
        self.trash_view.set_documents(snapshot.trash)
        count = len(snapshot.trash)
        self.trash_button.setText(self.tr("Trash ({count})").format(count=count))
        self._on_tree_selection()
        if self._wanted_document is not None and self.documents.select_document(
            self._wanted_document
        ):
            self._wanted_document = None
        self.loaded.emit()

    def _on_failed(self, failure: TaskFailure) -> None:
        self.error_bar.show_failure(failure)

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_selection(self, *_current_and_previous: QModelIndex) -> None:
        slot = self.slot_tree.selected_slot()
        self.documents.proxy.set_slot(slot.kind if slot else None)
        # With one record chosen, the "Record" column would repeat its name on every row.
        self.documents.table.setColumnHidden(DocumentColumn.SLOT, slot is not None)
        self.guide.show_slot(slot)
        self.info_stack.setCurrentWidget(self.guide if slot else self.completeness_panel)
        scope = slot_kind_label(slot.kind) if slot else self.tr("All records")
        if self.search_edit.text().strip():
            scope = self.tr("{scope}, matching “{query}”").format(
                scope=scope, query=self.search_edit.text().strip()
            )
        self.documents.update_caption(scope)
        document_id = self.slot_tree.selected_document_id()
        if document_id is not None:
            self.documents.select_document(document_id)

    def select_slot(self, kind: RecordKind | None) -> None:
        """Show this kind of record (None: all records), now or once the first read is back."""
        if self.snapshot is None:
            self._wanted_slot = (kind,)
            return
        self.slot_tree.select_kind(kind)

    def show_document(self, document_id: int) -> None:
        """Show all records with this document selected (now, or once the list has it)."""
        self.show_records()
        self.select_slot(None)
        self._wanted_document = document_id
        if self.documents.select_document(document_id):
            self._wanted_document = None

    # Search --------------------------------------------------------------------------------

    @Slot()
    def run_search(self) -> None:
        """Filter the documents to those whose title, notes or text match the search box."""
        self._search_timer.stop()
        query = self.search_edit.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not query:
            self._show_search_result(generation, None)
            return
        session = self._session

        def matching_ids() -> set[int]:
            return records.matching_document_ids(session, query)

        ReadOp(self, matching_ids).on_success(
            lambda ids: self._show_search_result(generation, ids)
        ).on_failure(self._on_failed).start()

    def _show_search_result(self, generation: int, ids: set[int] | None) -> None:
        if generation != self._search_generation:
            return  # the user typed more meanwhile
        self.documents.proxy.set_matching_ids(ids)
        self._on_tree_selection()
        self.search_finished.emit()

    # Writing -------------------------------------------------------------------------------

    def _write(self, job: Callable[[], object], done: str = "") -> None:
        """Write, then say `done` (the page reads again through the change it announces)."""

        def succeeded(_result: object) -> None:
            if done:
                self.error_bar.show_message(done)
            else:
                self.error_bar.clear()

        WriteOp(self, self._session, job).on_success(succeeded).on_failure(self._on_failed).start()

    @Slot(object)
    def edit_slot_status(self, slot: RecordSlot) -> None:
        dialog = SlotDialog(slot, self, self._session)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session = self._session

        def save() -> None:
            chosen = dialog.result_slot
            contact_id, chase_on = dialog.result_contact_id, dialog.result_chase_on
            if chosen is not None:

                def write() -> None:
                    records.set_slot_statement(
                        session,
                        chosen.kind,
                        chosen.statement,
                        chosen.requested_on,
                        chosen.requested_from,
                        chosen.note,
                    )
                    contacts.set_record_request(session, chosen.kind, contact_id, chase_on)

                self._write(write)

        dialog.accepted.connect(save)
        dialog.open()

    @Slot(object)
    def edit_document(self, document: Document) -> DocumentDialog:
        others = self.snapshot.documents if self.snapshot else []
        dialog = DocumentDialog(document, others, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session = self._session

        def finish() -> None:
            edited = dialog.edited
            if edited is None:
                return
            if dialog.action is DocumentAction.TRASH:
                self.trash_document(edited)
            elif dialog.action is DocumentAction.REDACT:
                self.redact_document(edited)
            else:
                edit = DocumentEdit.of(edited)
                self._write(lambda: records.edit_document(session, edited.id, edit))

        dialog.accepted.connect(finish)
        document_id = document.id
        ReadOp(dialog, lambda: recognition.dates_in_document(session, document_id)).on_success(
            dialog.show_found_dates
        ).start()
        dialog.open()
        return dialog

    @Slot(object)
    def redact_document(self, document: Document) -> RedactionEditor:
        """Open the redaction editor: the family hides parts in a new copy."""
        editor = RedactionEditor(self._session, document, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    @Slot(object)
    def confirm_document(self, document: Document) -> None:
        session, document_id = self._session, document.id
        self._write(lambda: records.confirm_document(session, document_id))

    @Slot(object)
    def trash_document(self, document: Document) -> None:
        session = self._session
        self._write(
            lambda: records.move_to_trash(session, document.id),
            self.tr("“{title}” was moved to the trash. You can restore it from there.").format(
                title=document.title
            ),
        )

    @Slot(int)
    def restore_document(self, document_id: int) -> None:
        session = self._session
        self._write(lambda: records.restore_from_trash(session, document_id))

    @Slot()
    def empty_trash(self) -> None:
        session = self._session
        self._write(lambda: records.empty_trash(session), self.tr("The trash was emptied."))

    # Trash view ----------------------------------------------------------------------------

    @Slot()
    def show_trash(self) -> None:
        self.stack.setCurrentWidget(self.trash_view)

    @Slot()
    def show_records(self) -> None:
        self.stack.setCurrentIndex(0)

    @Slot()
    def stop_work(self) -> None:
        """Ask running jobs to stop; called before the binder is locked."""
        self.imports.cancel()
        self.thumbnails.cancel()

    # Viewer --------------------------------------------------------------------------------

    @Slot(object)
    def open_viewer(self, document: Document) -> DocumentViewer:
        viewer = DocumentViewer(self._session, document, self)
        viewer.show()
        return viewer

    # Import --------------------------------------------------------------------------------

    def import_paths(self, paths: list[Path], slot: RecordKind | None = None) -> bool:
        """Add files and folders; with `slot`, every new document is filed under it."""
        return self.imports.start(paths, slot)

    @Slot()
    def _choose_files(self) -> None:
        names, _filter = file_dialogs.get_open_file_names(self, self.tr("Add files to the binder"))
        if names:
            self.import_paths([Path(name) for name in names])

    @Slot()
    def _choose_folder(self) -> None:
        folder = file_dialogs.get_existing_directory(self, self.tr("Add a folder to the binder"))
        if folder:
            self.import_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event)
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()
