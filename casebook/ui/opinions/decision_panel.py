"""The decision log: each decision as it stands now, with every earlier version beneath it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.core.decisions import Decision, DecisionDraft
from casebook.ui.labels import format_partial_date, format_timestamp


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
        self.tree = QTreeWidget()
        self.tree.setObjectName("decisions_tree")
        self.tree.setHeaderLabels([self.tr("Decision"), self.tr("Details")])
        self.tree.setWordWrap(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 5px 4px; }")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 300)
        self.tree.itemSelectionChanged.connect(
            lambda: self.edit_button.setEnabled(self.selected() is not None)
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self._edit_selected())
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
        self.decisions = list(decisions)
        self.tree.clear()
        self.empty_label.setVisible(not decisions)
        self.tree.setVisible(bool(decisions))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for decision in decisions:
            current = decision.current
            when = format_partial_date(current.decided_on, self.tr("no date"))
            top = QTreeWidgetItem([current.option_chosen, when])
            top.setFont(0, bold)
            top.setData(0, Qt.ItemDataRole.UserRole, decision.id)
            self._add_details(top, current)
            if len(decision.history) > 1:
                earlier = QTreeWidgetItem(
                    [self.tr("Earlier versions ({count})").format(count=len(decision.history) - 1)]
                )
                top.addChild(earlier)
                for version in reversed(decision.history[:-1]):
                    item = QTreeWidgetItem(
                        [
                            self.tr("Version {n}: {option}").format(
                                n=version.version, option=version.draft.option_chosen
                            ),
                            self.tr("saved {when}").format(when=_readable(version.saved_at)),
                        ]
                    )
                    self._add_details(item, version.draft)
                    earlier.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)

    def _add_details(self, parent: QTreeWidgetItem, draft: DecisionDraft) -> None:
        for label, text in (
            (self.tr("Our reasons"), draft.reasons),
            (self.tr("Who took part"), draft.participants),
            (self.tr("We would think again if"), draft.revisit_if),
        ):
            if text:
                parent.addChild(QTreeWidgetItem([label, text]))

    def selected(self) -> Decision | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        decision_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((d for d in self.decisions if d.id == decision_id), None)

    def _edit_selected(self) -> None:
        decision = self.selected()
        if decision is not None:
            self.edit_requested.emit(decision)


def _readable(saved_at: str) -> str:
    """ "2025-02-12T10:00:00+00:00" → local date and time in the interface locale."""
    return format_timestamp(saved_at)
