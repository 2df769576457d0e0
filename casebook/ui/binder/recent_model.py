"""The recently opened binders as a Qt list: each named by its folder, with where that folder
is (or that it was not found), most recent first.

A model so that the welcome page, shown again after a binder is locked or created, refills the
list from the settings and keeps the chosen binder chosen by its folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `RecentBinder` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""How recently it was opened (0 is the latest)."""


@dataclass(frozen=True)
class RecentBinder:
    folder: Path
    found: bool  # the folder is still there


class RecentBindersModel(QAbstractListModel):
    """One row per recent binder, in the order the settings keep (latest first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._binders: list[RecentBinder] = []

    def set_binders(self, binders: Sequence[RecentBinder]) -> None:
        self.beginResetModel()
        self._binders = list(binders)
        self.endResetModel()

    def binder_at(self, row: int) -> RecentBinder:
        return self._binders[row]

    def row_of(self, folder: Path | None) -> int | None:
        return next((r for r, b in enumerate(self._binders) if b.folder == folder), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._binders)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._binders):
            return None
        binder = self._binders[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{binder.folder.name}\n{self._where(binder)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{binder.folder.name}, {self._where(binder)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(binder.folder)
        if role == ObjectRole:
            return binder
        if role == SortRole:
            return index.row()
        return None

    def _where(self, binder: RecentBinder) -> str:
        parent = binder.folder.parent
        if binder.found:
            return self.tr("in {parent}").format(parent=parent)
        return self.tr("not found — was it moved? ({parent})").format(parent=parent)
