"""The questions the opinions' differences raise, shown before any is added to the list.

Every new question is ticked; the family unticks what they would not ask. A question already on
their list is shown greyed, so they can see it was not forgotten.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.opinions import OpinionField
from casebook.services.opinions.opinions import ProposedQuestion
from casebook.ui.common.look import look_as


class FollowUpDialog(QDialog):
    """A tick box per proposed question; `chosen_fields()` are the ticked ones."""

    def __init__(self, proposed: Sequence[ProposedQuestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_dialog")
        self.setWindowTitle(self.tr("Questions about the differences"))
        self.setMinimumSize(680, 440)
        intro = QLabel(
            self.tr(
                "Where the opinions differ, these questions could help at the next "
                "consultation. Untick any you would not ask; the ticked ones go to your list."
            )
        )
        intro.setWordWrap(True)
        self.questions_list = QListWidget()
        self.questions_list.setObjectName("follow_up_list")
        self.questions_list.setAccessibleName(self.tr("Questions to add"))
        self.questions_list.setWordWrap(True)
        self.questions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        look_as(self.questions_list, rows="spaced")
        for question in proposed:
            if question.already_listed:
                item = QListWidgetItem(
                    self.tr("{question} (already on your list)").format(question=question.text)
                )
                item.setFlags(Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item = QListWidgetItem(question.text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, question.field.value)
            self.questions_list.addItem(item)
        self.questions_list.itemChanged.connect(self._update_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setObjectName("add_follow_ups_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.questions_list, 1)
        layout.addWidget(buttons)
        self._update_button()

    def _items(self) -> list[QListWidgetItem]:
        return [self.questions_list.item(row) for row in range(self.questions_list.count())]

    @Slot()
    def _update_button(self) -> None:
        count = len(self.chosen_fields())
        self.add_button.setText(
            self.tr("Add one question")
            if count == 1
            else self.tr("Add {count} questions").format(count=count)
        )
        self.add_button.setEnabled(count > 0)

    def set_checked(self, row: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.questions_list.item(row).setCheckState(state)

    def chosen_fields(self) -> list[OpinionField]:
        """The fields whose questions are ticked, in the order shown."""
        return [
            OpinionField(str(item.data(Qt.ItemDataRole.UserRole)))
            for item in self._items()
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState() == Qt.CheckState.Checked
        ]
