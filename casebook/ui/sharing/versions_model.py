"""The things that have two versions, as a Qt list: what kind of record, which field, and the
record's own words ("A question: Wording of the question / “Is surgery…”").

A model so that a choice made here or announced by an exchange repaints the list, and the
dialog keeps the chosen thing chosen by what it is (table, uid, field), not by its row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from casebook.services.sharing.versions import TwoVersions
from casebook.ui.sharing import words

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `TwoVersions` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The order the service gives."""

Key = tuple[str, str, str]
"""What a row is about: the table, the record's uid, the field."""

_LONGEST_LABEL = 60


def key_of(item: TwoVersions) -> Key:
    return (item.table, item.uid, item.field)


class TwoVersionsModel(QAbstractListModel):
    """One row per field that has two versions."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[TwoVersions] = []

    def set_items(self, items: Sequence[TwoVersions]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> TwoVersions:
        return self._items[row]

    def row_of(self, key: Key | None) -> int | None:
        return next((r for r, item in enumerate(self._items) if key_of(item) == key), None)

    def title(self, item: TwoVersions) -> str:
        """Two lines: the kind and the field, then the record's words (shortened)."""
        label = item.label
        if len(label) > _LONGEST_LABEL:
            label = label[: _LONGEST_LABEL - 3] + "…"
        return self.tr("{kind}: {field}\n“{label}”").format(
            kind=words.record_kind(item.table),
            field=words.field_label(item.table, item.field),
            label=label,
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.title(item).replace("\n", " — ")
        if role == ObjectRole:
            return item
        if role == SortRole:
            return index.row()
        return None
