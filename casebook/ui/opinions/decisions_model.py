"""The decision log as a Qt tree: each decision with its reasons, and its earlier versions.

A model so that a decision saved, or an opinion it names edited, repaints the log through the
change event, and the decision the family had chosen stays chosen by its id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from casebook.core.decisions import Decision, DecisionDraft

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `Decision` a row belongs to (its own row and every row below it)."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The row's place under its parent (the log keeps the service's order)."""


@dataclass(eq=False)
class _Node:
    texts: tuple[str, str]
    decision: Decision | None
    bold: bool = False
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def add(self, child: _Node) -> _Node:
        child.parent = self
        self.children.append(child)
        return child


class DecisionsModel(QAbstractItemModel):
    """Decision | Details; below a decision, its details and "Earlier versions (n)"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(("", ""), None)
        self._previous = self._root

    def set_decisions(
        self,
        decisions: Sequence[Decision],
        when: Callable[[DecisionDraft], str],
        saved: Callable[[str], str],
    ) -> None:
        """Show `decisions`; `when` words a draft's date, `saved` a version's saving time."""
        root = _Node(("", ""), None)
        for decision in decisions:
            current = decision.current
            top = root.add(_Node((current.option_chosen, when(current)), decision, bold=True))
            self._add_details(top, current, decision)
            if len(decision.history) > 1:
                count = len(decision.history) - 1
                earlier = top.add(
                    _Node((self.tr("Earlier versions ({count})").format(count=count), ""), decision)
                )
                for version in reversed(decision.history[:-1]):
                    label = self.tr("Version {n}: {option}").format(
                        n=version.version, option=version.draft.option_chosen
                    )
                    saved_at = self.tr("saved {when}").format(when=saved(version.saved_at))
                    item = earlier.add(_Node((label, saved_at), decision))
                    self._add_details(item, version.draft, decision)
        self.beginResetModel()
        # Indexes point at nodes without owning them: the old tree lives until the views have
        # let go of its indexes (the next reset), not only until this one.
        self._previous, self._root = self._root, root
        self.endResetModel()

    def _add_details(self, parent: _Node, draft: DecisionDraft, decision: Decision) -> None:
        for label, text in (
            (self.tr("What matters most to the patient"), draft.goals),
            (self.tr("Our reasons"), draft.reasons),
            (self.tr("Who took part"), draft.participants),
            (self.tr("We would think again if"), draft.revisit_if),
        ):
            if text:
                parent.add(_Node((label, text), decision))

    def row_of(self, decision_id: int | None) -> int | None:
        return next(
            (
                row
                for row, node in enumerate(self._root.children)
                if node.decision is not None and node.decision.id == decision_id
            ),
            None,
        )

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    # Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root or parent.parent is None:
            return QModelIndex()
        return self.createIndex(parent.parent.children.index(parent), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {0: self.tr("Decision"), 1: self.tr("Details")}.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.texts[index.column()]
        if role == ObjectRole:
            return node.decision
        if role == SortRole:
            return index.row()
        if role == Qt.ItemDataRole.FontRole and node.bold and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None
