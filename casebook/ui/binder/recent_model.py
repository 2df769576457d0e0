"""The recently opened binders as a Qt list: each named by its folder, with where that folder
is (or that it was not found), most recent first.

A model so that the welcome page, shown again after a binder is locked or created, refills the
list from the settings and keeps the chosen binder chosen by its folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt

from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["ObjectRole", "RecentBinder", "RecentBindersModel", "SortRole"]


class RecentBinder(NamedTuple):
    """A named tuple, not a dataclass: made on the way to the first window (issue 15), where
    building a dataclass costs a millisecond."""

    folder: Path
    found: bool  # the folder is still there


class RecentBindersModel(ObjectRowsModel[RecentBinder]):
    """One row per recent binder, in the order the settings keep (latest first), known by its
    folder. ObjectRole: the `RecentBinder`; SortRole: how recently it was opened (0 is the
    latest)."""

    def set_binders(self, binders: Sequence[RecentBinder]) -> None:
        self.set_rows(binders)

    def binder_at(self, row: int) -> RecentBinder:
        return self.object_at(row)

    def key_of(self, item: RecentBinder) -> Path:
        return item.folder

    def row_data(self, binder: RecentBinder, index: AnyIndex, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{binder.folder.name}\n{self._where(binder)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{binder.folder.name}, {self._where(binder)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(binder.folder)
        if role == SortRole:
            return index.row()
        return None

    def _where(self, binder: RecentBinder) -> str:
        parent = binder.folder.parent
        if binder.found:
            return self.tr("in {parent}").format(parent=parent)
        return self.tr("not found — was it moved? ({parent})").format(parent=parent)
