"""The documents table of the Records page: thumbnails, sorting, filtering, and what to do
with the selected document. It asks the page to act (signals); the page does the I/O."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Document
from casebook.ui.common.labels import choose_plural
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.records.documents_model import (
    THUMBNAIL_HEIGHT,
    THUMBNAIL_WIDTH,
    DocumentColumn,
    DocumentsFilterModel,
    DocumentsModel,
    ObjectRole,
)
from casebook.ui.records.thumbnail_cache import ThumbnailCache


class DocumentsPanel(QWidget):
    """A sortable table (filtered by record and search) with Open, Details, Confirm, Trash."""

    open_requested = Signal(object)  # Document
    details_requested = Signal(object)
    confirm_requested = Signal(object)
    trash_requested = Signal(object)

    def __init__(self, thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_panel")
        self.model = DocumentsModel(thumbnails, self)
        self.proxy = DocumentsFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.caption = QLabel()
        self.caption.setObjectName("documents_caption")
        self.caption.setProperty("role", "subheading")
        self.review_bar = MessageBar()
        self.review_bar.setObjectName("review_bar")

        self.table = QTableView()
        self.table.setObjectName("documents_table")
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DocumentColumn.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL_HEIGHT + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DocumentColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (DocumentColumn.DATE, DocumentColumn.CHECK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentColumn.SLOT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DocumentColumn.SLOT, 190)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self.proxy.layoutChanged.connect(self._update_buttons)

        def button(text: str, name: str, signal: SignalInstance) -> QPushButton:
            widget = QPushButton(text)
            widget.setObjectName(name)
            widget.clicked.connect(lambda: self._emit_for_selected(signal))
            return widget

        self.open_button = button(self.tr("Open"), "open_document_button", self.open_requested)
        self.details_button = button(
            self.tr("Details…"), "document_details_button", self.details_requested
        )
        self.confirm_button = button(
            self.tr("✓ Confirm"), "confirm_document_button", self.confirm_requested
        )
        self.confirm_button.setToolTip(self.tr("The suggested record and date are right"))
        self.trash_button = button(
            self.tr("Move to trash"), "trash_document_button", self.trash_requested
        )
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.open_button)
        actions.addWidget(self.details_button)
        actions.addWidget(self.confirm_button)
        actions.addStretch(1)
        actions.addWidget(self.trash_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        layout.addWidget(self.review_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()

    def set_documents(self, documents: Sequence[Document]) -> None:
        selected = self.selected_document()
        self.model.set_entries(documents)
        if selected is not None:
            self.select_document(selected.id)
        waiting = sum(1 for document in documents if document.needs_review)
        if waiting:
            self.review_bar.show_message(
                choose_plural(
                    waiting,
                    self.tr(
                        "⚑  Casebook chose the record and date of {count} document. Please check "
                        "it and press “Confirm”."
                    ),
                    self.tr(
                        "⚑  Casebook chose the record and date of {count} documents. Please check "
                        "them and press “Confirm”."
                    ),
                )
            )
        else:
            self.review_bar.clear()
        self.update_caption()

    def update_caption(self, scope: str = "") -> None:
        shown = self.proxy.rowCount()
        count = choose_plural(shown, self.tr("{count} document"), self.tr("{count} documents"))
        self.caption.setText(f"{scope} · {count}" if scope else count)

    def visible_documents(self) -> list[Document]:
        found = []
        for row in range(self.proxy.rowCount()):
            document = self.proxy.index(row, 0).data(ObjectRole)
            if isinstance(document, Document):
                found.append(document)
        return found

    def selected_document(self) -> Document | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        document = rows[0].data(ObjectRole)
        return document if isinstance(document, Document) else None

    def select_document(self, document_id: int) -> bool:
        source_row = self.model.row_of(document_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        document = index.data(ObjectRole)
        if isinstance(document, Document):
            self.open_requested.emit(document)

    def _emit_for_selected(self, signal: SignalInstance) -> None:
        document = self.selected_document()
        if document is not None:
            signal.emit(document)

    def _update_buttons(self) -> None:
        document = self.selected_document()
        for widget in (self.open_button, self.details_button, self.trash_button):
            widget.setEnabled(document is not None)
        self.confirm_button.setEnabled(document is not None and document.needs_review)
