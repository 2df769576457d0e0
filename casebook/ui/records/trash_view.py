"""The trash: documents moved there can be restored until the trash is emptied.

Emptying cannot be undone, so it asks first; moving to the trash never does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Document
from casebook.ui.common.labels import choose_plural
from casebook.ui.common.look import look_as
from casebook.ui.records.trash_model import ObjectRole, TrashModel


class TrashView(QWidget):
    """Lists trashed documents; the page does the restoring and emptying."""

    restore_requested = Signal(int)  # document id
    empty_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trash_view")
        heading = QLabel(self.tr("Trash"))
        heading.setProperty("role", "subheading")
        hint = QLabel(
            self.tr(
                "Documents here are hidden from the records and will not be sent. "
                "Restore puts a document back where it was."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.model = TrashModel(self)
        self.trash_list = QListView()
        self.trash_list.setObjectName("trash_list")
        self.trash_list.setAccessibleName(self.tr("Documents in the trash"))
        self.trash_list.setModel(self.model)
        self.trash_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.trash_list.setAlternatingRowColors(True)
        look_as(self.trash_list, rows="spaced")
        self.trash_list.selectionModel().currentChanged.connect(self._update_buttons)
        self.back_button = QPushButton(self.tr("← Back to records"))
        self.back_button.setObjectName("back_to_records_button")
        self.back_button.clicked.connect(self.back_requested)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self._restore)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.setObjectName("empty_trash_button")
        self.empty_button.clicked.connect(self._ask_to_empty)
        self.count_label = QLabel()
        self.count_label.setObjectName("trash_count_label")
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.count_label)
        layout.addWidget(self.trash_list, 1)
        layout.addLayout(buttons)
        self.set_documents([])

    def set_documents(self, documents: Sequence[Document]) -> None:
        chosen = self._chosen()
        self.model.set_documents(documents)
        self.count_label.setText(
            choose_plural(
                len(documents),
                self.tr("{count} document in the trash"),
                self.tr("{count} documents in the trash"),
            )
        )
        row = self.model.row_of(chosen.id if chosen is not None else None)
        if row is None and documents:
            row = 0
        if row is not None:
            self.trash_list.setCurrentIndex(self.model.index(row))
        self._update_buttons()

    def _chosen(self) -> Document | None:
        document = self.trash_list.currentIndex().data(ObjectRole)
        return document if isinstance(document, Document) else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self._chosen() is not None)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def _restore(self) -> None:
        document = self._chosen()
        if document is not None:
            self.restore_requested.emit(document.id)

    def _ask_to_empty(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Empty the trash?"),
            self.tr(
                "The documents in the trash will be deleted from the binder for good. "
                "This cannot be undone."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("empty_trash_box")
        delete = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("delete_for_good_button")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        delete.clicked.connect(self.empty_requested)
        box.open()
