"""The suggested questions: those for where the family is now first, then by topic."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.questions import QuestionBank
from casebook.ui.common.look import look_as
from casebook.ui.questions.bank_model import BankGroup, BankModel, KeyRole
from casebook.ui.timeline.labels import stored_moment_label


class BankPanel(QWidget):
    """Pick suggested questions to add to the family's list."""

    add_requested = Signal(list)  # bank keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bank_panel")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.model = BankModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("bank_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName(self.tr("Suggested questions"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        look_as(self.tree, rows="spaced")
        self.tree.doubleClicked.connect(lambda _index: self._add())
        self.add_button = QPushButton(self.tr("Add to our questions"))
        self.add_button.setObjectName("add_from_bank_button")
        self.add_button.clicked.connect(self._add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def show_bank(self, bank: QuestionBank, moment: str, language: str, taken: set[str]) -> None:
        """Fill the tree; `taken` are bank keys already on the family's list."""
        if moment:
            self.hint.setText(
                self.tr(
                    "Questions other families have found useful, in our plain words. Those that "
                    "suit where you are now ({moment}) come first. Casebook does not answer them: "
                    "the doctors do."
                ).format(moment=stored_moment_label(moment))
            )
        else:
            self.hint.setText(
                self.tr(
                    "Questions other families have found useful, in our plain words. Say where "
                    "you are now on the Timeline page and the ones that suit it come first."
                )
            )
        ordered = bank.ordered_for(moment)
        groups: list[tuple[str, list[str]]] = []
        now = [q.key for q in ordered if q.suits(moment)]
        if now:
            groups.append((self.tr("For where you are now"), now))
        for topic in bank.topics:
            rest = [q.key for q in ordered if q.topic == topic.key and q.key not in now]
            if rest:
                groups.append((topic.title(language), rest))
        shown = []
        for title, keys in groups:
            texts = []
            for key in keys:
                question = bank.get(key)
                assert question is not None
                texts.append(question.text(language))
            shown.append(BankGroup(title, tuple(keys), tuple(texts)))
        self.model.set_groups(shown, taken)
        self.tree.expandAll()

    @Slot()
    def _add(self) -> None:
        keys = [
            index.data(KeyRole)
            for index in self.tree.selectionModel().selectedRows()
            if index.data(KeyRole) is not None
        ]
        if keys:
            self.add_requested.emit(keys)
