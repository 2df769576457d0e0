"""The imaging trash: studies, series and images the family removed, and a way back.

A model over `list_imaging_trash` (kept in step by the change signal) and a small dialog with
"Bring back". Emptying the trash for good is on the Records page's trash, for everything at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.records import (
    TrashedImaging,
    list_imaging_trash,
    restore_imaging,
)
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import format_timestamp
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.imaging.texts import image_count

TrashedRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class ImagingTrashModel(QAbstractListModel):
    """One row per removed study, series or image, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[TrashedImaging] = []

    def set_entries(self, entries: list[TrashedImaging]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe(entry)
        if role == TrashedRole:
            return entry
        return None

    def _describe(self, entry: TrashedImaging) -> str:
        kinds = {
            "study": self.tr("Study"),
            "series": self.tr("Series"),
            "image": self.tr("Image"),
        }
        name = entry.label or self.tr("without a name")
        removed = format_timestamp(entry.deleted_at, "")
        return self.tr("{kind}: {name} ({images}), removed {when}").format(
            kind=kinds.get(entry.level, entry.level),
            name=name,
            images=image_count(entry.image_count),
            when=removed,
        )


class ImagingTrashDialog(QDialog):
    """What was removed from the imaging, with "Bring back"."""

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imaging_trash_dialog")
        self.setWindowTitle(self.tr("Removed imaging"))
        self.setMinimumSize(560, 360)
        self._session = session
        self.model = ImagingTrashModel(self)
        hint = QLabel(
            self.tr(
                "Studies, series and images you removed stay here until you empty the trash "
                "on the Records page."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.view = QListView()
        self.view.setObjectName("imaging_trash_view")
        self.view.setAccessibleName(self.tr("Removed studies, series and images"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("Nothing has been removed."))
        self.empty_label.setProperty("role", "hint")
        self.message_bar = MessageBar()
        self.restore_button = QPushButton(self.tr("Bring back"))
        self.restore_button.setObjectName("restore_imaging_button")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(buttons)
        follow_changes(self, session, (Changed.IMAGING,), lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        session = self._session
        ReadOp(self, lambda: list_imaging_trash(session)).on_success(self._show).on_failure(
            self.message_bar.show_failure
        ).start()

    def _show(self, entries: list[TrashedImaging]) -> None:
        self.model.set_entries(entries)
        self.empty_label.setVisible(not entries)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.view.selectionModel().selectedIndexes()))

    def restore_selected(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return
        entry = self.model.data(indexes[0], TrashedRole)
        assert isinstance(entry, TrashedImaging)
        session = self._session
        WriteOp(self, session, lambda: restore_imaging(session, entry.level, entry.id)).on_failure(
            self.message_bar.show_failure
        ).start()
