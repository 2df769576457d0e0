"""The consultation's questions beside the notes, as a Qt list: each one ticked once answered.

Ticking a question (Space, or a click on its box) asks to answer it (`answer_requested`). A
tick is the family's working mark during the appointment: a refill from the binder keeps it,
and ticks a question only when the binder newly says it was answered.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal

from casebook.core.consultations import ListedQuestion
from casebook.core.questions import QuestionBank
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["NoteQuestionsModel", "ObjectRole", "SortRole"]


class NoteQuestionsModel(ObjectRowsModel[ListedQuestion]):
    """One row per question on the consultation's list, in list order; rows are checkable.
    ObjectRole: the `ListedQuestion`; SortRole: the order the service gives."""

    answer_requested = Signal(int)  # question id: the family ticked it

    def __init__(self, bank: QuestionBank, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bank = bank
        self._language = language
        self._ticked: set[int] = set()
        self._answered: set[int] = set()  # as the binder last said

    def key_of(self, item: ListedQuestion) -> int:
        return item.question.id

    def set_questions(self, listed: Sequence[ListedQuestion]) -> None:
        answered = {item.question.id for item in listed if item.is_answered}
        newly = answered - self._answered
        self._answered = answered
        ticked_before = set(self._ticked)
        self._ticked |= newly
        self.refresh(listed)
        for question_id in self._ticked - ticked_before:
            self._check_changed(question_id)

    def text_of(self, question_id: int) -> str:
        row = self.row_of(question_id)
        return "" if row is None else self._text(self.object_at(row))

    def is_ticked(self, question_id: int) -> bool:
        return question_id in self._ticked

    def mark_answered(self, question_id: int) -> None:
        """Tick a question whose answer was just written (without asking to answer it)."""
        if question_id not in self._ticked:
            self._ticked.add(question_id)
            self._check_changed(question_id)

    def _check_changed(self, question_id: int) -> None:
        row = self.row_of(question_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def _text(self, listed: ListedQuestion) -> str:
        return listed.question.display_text(self._bank, self._language)

    # Qt model API --------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def row_data(self, listed: ListedQuestion, index: AnyIndex, role: int) -> object:
        if role == SortRole:
            return index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(listed)
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = listed.question.id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        question_id = self.object_at(index.row()).question.id
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        if ticked == (question_id in self._ticked):
            return True
        if ticked:
            self._ticked.add(question_id)
        else:
            self._ticked.discard(question_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        if ticked:
            self.answer_requested.emit(question_id)
        return True
