"""The decision log: each decision as it stands now, with every earlier version beneath it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.decisions import Decision
from casebook.ui.common.labels import format_partial_date, format_timestamp
from casebook.ui.common.look import look_as
from casebook.ui.opinions.decisions_model import DecisionsModel, ObjectRole


class _WrappingDelegate(QStyledItemDelegate):
    """Measures each cell wrapped to its column's width.

    A QTreeView with word wrap still measures rows on one line, so long words in the family's
    own hand (a decision, the patient's goals) ended in "…"; the style wraps only when the
    option's rectangle is valid, which the view does not give it."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # The column, less the item's padding (the tree's style sheet) and text margins.
        width = self._tree.header().sectionSize(index.column()) - 16
        if index.column() == 0:  # the branch lines take the left of the first column
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._tree.indentation() * depth
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, max(60, width), 1)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return super().sizeHint(wrapped, index)


class DecisionPanel(QWidget):
    """Lists decisions; `add_requested` and `edit_requested(decision)` go to the page."""

    add_requested = Signal()
    edit_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decisions: list[Decision] = []
        hint = QLabel(
            self.tr(
                "Write down what you decided and why, in your own words. Editing a decision "
                "keeps every earlier version, so you can see how your thinking changed."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.add_button = QPushButton(self.tr("Record a decision…"))
        self.add_button.setObjectName("add_decision_button")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton(self.tr("Edit the selected decision…"))
        self.edit_button.setObjectName("edit_decision_button")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._edit_selected)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        self.model = DecisionsModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("decisions_tree")
        self.tree.setAccessibleName(self.tr("Decisions logged"))
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        look_as(self.tree, rows="spaced")
        # Rows are measured wrapped to their columns, and measured again whenever a column
        # changes width (they are often added while the tab is hidden), so a long decision
        # or the patient's goals wrap instead of ending in "…".
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 300)
        self.tree.selectionModel().currentChanged.connect(
            lambda *_: self.edit_button.setEnabled(self.selected() is not None)
        )
        self.tree.doubleClicked.connect(lambda *_: self._edit_selected())
        self.empty_label = QLabel(self.tr("No decision recorded yet."))
        self.empty_label.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)

    def show_decisions(self, decisions: Sequence[Decision]) -> None:
        chosen = self.selected()
        self.decisions = list(decisions)
        self.empty_label.setVisible(not decisions)
        self.tree.setVisible(bool(decisions))
        self.model.set_decisions(
            decisions,
            lambda draft: format_partial_date(draft.decided_on, self.tr("no date")),
            _readable,
        )
        for top in range(self.model.rowCount()):
            self.tree.expand(self.model.index(top, 0))
        row = self.model.row_of(chosen.id if chosen is not None else None)
        if row is not None:
            self.select_row(row)
        self.edit_button.setEnabled(self.selected() is not None)

    def select_row(self, row: int) -> None:
        """Choose the decision in `row` (as a click would)."""
        self.tree.setCurrentIndex(self.model.index(row, 0))

    def selected(self) -> Decision | None:
        decision = self.tree.currentIndex().data(ObjectRole)
        return decision if isinstance(decision, Decision) else None

    def _edit_selected(self) -> None:
        decision = self.selected()
        if decision is not None:
            self.edit_requested.emit(decision)


def _readable(saved_at: str) -> str:
    """ "2025-02-12T10:00:00+00:00" → local date and time in the interface locale."""
    return format_timestamp(saved_at)
