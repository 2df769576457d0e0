"""Choose the radiology report document that belongs to a study (or none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Document
from casebook.ui.common.labels import format_partial_date

DocumentIdRole = Qt.ItemDataRole.UserRole + 1


class ReportLinkDialog(QDialog):
    """`chosen_document_id` after acceptance: a document id, or None to unlink."""

    def __init__(
        self, documents: list[Document], current: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_link_dialog")
        self.setWindowTitle(self.tr("Link the report"))
        self.setMinimumSize(520, 420)
        hint = QLabel(
            self.tr(
                "Which document is the radiologist's report for these images? "
                "Linking keeps them together in the binder and in the export."
            )
        )
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("report_documents_list")
        none_item = QListWidgetItem(self.tr("No report linked"))
        none_item.setData(DocumentIdRole, None)
        self.list.addItem(none_item)
        self.list.setCurrentItem(none_item)
        for document in documents:
            date = format_partial_date(document.document_date)
            text = f"{document.title}    {date}".rstrip()
            item = QListWidgetItem(text)
            item.setData(DocumentIdRole, document.id)
            self.list.addItem(item)
            if document.id == current:
                self.list.setCurrentItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    @property
    def chosen_document_id(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(DocumentIdRole) if item is not None else None
        return int(value) if value is not None else None
