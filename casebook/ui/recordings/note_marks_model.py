"""The notes written while a recording ran, as a Qt list: number, time in it, who, what.

Each row carries its `NoteMark`, so choosing a row plays from just before that note was begun.
The numbers are the ones on the timeline's marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from casebook.core.recordings import NoteMark, clock_text
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, SortRole

__all__ = ["NoteMarksModel", "ObjectRole", "SortRole"]


class NoteMarksModel(QAbstractListModel):
    """One row per marked note, in the order of the recording. ObjectRole: the `NoteMark`;
    SortRole: where it is in the recording (milliseconds). A mark is known by its entry's id
    (`entry_id`), so it does not stand on `ObjectRowsModel`; it is set once, when the
    recording is loaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marks: list[NoteMark] = []

    def set_marks(self, marks: Sequence[NoteMark]) -> None:
        self.beginResetModel()
        self._marks = list(marks)
        self.endResetModel()

    def mark_at(self, row: int) -> NoteMark:
        return self._marks[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._marks)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._marks):
            return None
        mark = self._marks[index.row()]
        if role == ObjectRole:
            return mark
        if role == SortRole:
            return mark.offset_ms
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            who = f"{mark.author}: " if mark.author else ""
            return f"{index.row() + 1}.  {clock_text(mark.offset_ms)}   {who}{mark.text}"
        return None
