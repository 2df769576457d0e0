"""The suggested questions as a two-level Qt model: groups (for where the family is now, then
by topic), each holding its questions.

A model so that adding questions (which marks them "on our list") repaints the marks without
rebuilding the tree: what the family has chosen stays chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

AnyIndex = QModelIndex | QPersistentModelIndex

KeyRole = Qt.ItemDataRole.UserRole + 1
"""The bank key of a question row (None on a group row)."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The order the bank gives (groups, then questions within them)."""

_GROUP = 0
"""The internal id of a group row; a question row's is its group's number plus one."""


@dataclass(frozen=True)
class BankGroup:
    title: str
    keys: tuple[str, ...]
    texts: tuple[str, ...]


class BankModel(QAbstractItemModel):
    """Groups at the top level, questions below; only questions can be selected."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[BankGroup] = []
        self._taken: frozenset[str] = frozenset()

    def set_groups(self, groups: Sequence[BankGroup], taken: set[str]) -> None:
        """Show these groups; when only the marks changed, the rows are repainted in place."""
        groups = list(groups)
        if groups == self._groups:
            if frozenset(taken) != self._taken:
                self._taken = frozenset(taken)
                for number, group in enumerate(groups):
                    if group.keys:
                        parent = self.index(number, 0)
                        first, last = (
                            self.index(0, 0, parent),
                            self.index(len(group.keys) - 1, 0, parent),
                        )
                        self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
            return
        self.beginResetModel()
        self._groups = groups
        self._taken = frozenset(taken)
        self.endResetModel()

    def is_taken(self, key: str) -> bool:
        return key in self._taken

    # Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP or not 0 <= parent.row() < len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].keys):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _GROUP:
            return 0
        return len(self._groups[parent.row()].keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            group = self._groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return group.title
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == SortRole:
                return index.row()
            return None
        group = self._groups[index.internalId() - 1]
        key, text = group.keys[index.row()], group.texts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self.tr("✓ on our list · ") if key in self._taken else "") + text
        if role == KeyRole:
            return key
        if role == SortRole:
            return index.row()
        return None
