"""A list model whose rows are refreshed in place, matched by a key, instead of reset.

A refill from the binder (a note saved, a question answered) changes only the rows that
changed: a row whose object is the same is left alone, a changed one repaints
(`dataChanged`), new ones are inserted and gone ones removed. The view keeps its selection,
current row and scroll position, which a reset would lose.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject

from casebook.ui.common.object_rows import AnyIndex

T = TypeVar("T")


class KeyedRows(QAbstractListModel, Generic[T]):
    """Rows of `T`; subclasses say what identifies one (`key`) and how it looks (`data`).

    `ObjectRowsModel` (ui/common/object_rows.py) refills with a reset and knows rows by an
    `id`; these rows need not have one (a listed question is known by its question's id), and
    a refill never resets.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def key(self, item: T) -> Hashable:
        raise NotImplementedError

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_of_key(self, key: Hashable) -> int | None:
        return next((r for r, item in enumerate(self._rows) if self.key(item) == key), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def refresh(self, items: Sequence[T]) -> None:
        """Show `items`, in their order, changing only the rows that differ."""
        new = list(dict((self.key(item), item) for item in items).values())  # one row a key
        wanted = {self.key(item) for item in new}
        for row in reversed(range(len(self._rows))):
            if self.key(self._rows[row]) not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        for row, item in enumerate(new):
            key = self.key(item)
            found = next(
                (r for r in range(row, len(self._rows)) if self.key(self._rows[r]) == key), None
            )
            if found is None:
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, item)
                self.endInsertRows()
                continue
            if found != row:
                self.beginMoveRows(QModelIndex(), found, found, QModelIndex(), row)
                self._rows.insert(row, self._rows.pop(found))
                self.endMoveRows()
            if self._rows[row] != item:
                self._rows[row] = item
                self.row_changed(row)

    def row_changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
