"""What the flat list and table models share: the roles views ask for, and rows of objects
known by their id.

Each list of the binder's records (questions, timeline events, consultations, opinions,
recordings, the trash…) shows objects that carry an `id`; a few lists know their objects by
something else (a recent binder by its folder, a family member by uid: `key_of`). After a
change repaints a list, the page finds the chosen object again by that key, and a view reads
the object itself through `ObjectRole`. That shape is written here once; a model says only how
its rows read (`row_data`) and what its columns are called (`header_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:  # the welcome screen's list needs none of them
    from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel
    from PySide6.QtWidgets import QTableView

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The object a row shows (a `Question`, a `TimelineEvent`, a `Consultation`…)."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""A value that sorts the way the row's column should; each model says which."""


class HasId(Protocol):
    @property
    def id(self) -> int | None: ...


RowT = TypeVar("RowT")


class ObjectRowsModel(QAbstractTableModel, Generic[RowT]):
    """One row per object, in the order given; one column unless `column_count` says more.

    A table model serves list views too (they show column 0), so one base carries both.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        """Show these objects (a reset: the page chooses its object again by key)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh(self, rows: Sequence[RowT]) -> None:
        """Show these objects, in their order, changing only the rows that differ.

        For a list refilled often while someone reads or types beside it (the notes of a
        consultation): a row whose object is the same is left alone, a changed one repaints,
        new ones are inserted, gone ones removed and moved ones moved, so the view keeps its
        selection, current row and scroll position, which a reset would lose.
        """
        new = list({self.key_of(item): item for item in rows}.values())  # one row a key
        wanted = {self.key_of(item) for item in new}
        for row in reversed(range(len(self._rows))):
            if self.key_of(self._rows[row]) not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        for row, item in enumerate(new):
            key = self.key_of(item)
            found = next(
                (r for r in range(row, len(self._rows)) if self.key_of(self._rows[r]) == key),
                None,
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
        """Repaint every column of `row`."""
        last = max(self.column_count() - 1, 0)
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def object_at(self, row: int) -> RowT:
        return self._rows[row]

    def objects(self) -> list[RowT]:
        return list(self._rows)

    def row_of(self, key: Hashable | None) -> int | None:
        """The row showing the object with this key, or None when it is not (or no longer) here."""
        if key is None:
            return None
        return next((row for row, item in enumerate(self._rows) if self.key_of(item) == key), None)

    def forget(self, key: Hashable) -> None:
        """Take one object off the list (a deletion brought back, say) without a refill."""
        row = self.row_of(key)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # What a model says about itself --------------------------------------------------------

    def key_of(self, item: RowT) -> Hashable:
        """What identifies an object from one refill to the next: its `id`, unless the model
        says otherwise."""
        return cast(HasId, item).id

    def column_count(self) -> int:
        return 1

    def header_text(self, column: int) -> str | None:
        """The heading of `column` (translated by the model, in its own context)."""
        return None

    def row_data(self, item: RowT, index: AnyIndex, role: int) -> object:
        """What `role` reads for `item` in `index`'s column (ObjectRole is answered already)."""
        raise NotImplementedError

    # Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        return super().index(row, column, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.column_count():
            return None
        return self.header_text(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == ObjectRole:
            return item
        return self.row_data(item, index, role)


def select_source_row(
    table: QTableView,
    shown: QSortFilterProxyModel,
    source: QAbstractItemModel,
    row: int | None,
    reveal: Callable[[], None] | None = None,
) -> bool:
    """Select `row` of `source` in `table`, which shows it through the filter `shown`.

    A page chooses an object again by its key after a refill (`row_of`); when the filter hides
    that row (a stopped medicine, a past appointment) `reveal` widens the filter first. False
    when the row is not there or stays hidden.
    """
    if row is None:
        return False
    index = shown.mapFromSource(source.index(row, 0))
    if not index.isValid() and reveal is not None:
        reveal()
        index = shown.mapFromSource(source.index(row, 0))
    if not index.isValid():
        return False
    table.selectRow(index.row())
    return True
