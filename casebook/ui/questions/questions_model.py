"""The family's questions as a Qt table: question, priority, status.

A model rather than a filled-in tree so that a change announced by a write (a priority set, an
answer recorded in a consultation) repaints the rows without rebuilding the widget, and the
chosen question stays chosen by its id.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from casebook.core.questions import Answer, Priority, Question, QuestionBank, QuestionStatus
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.consultations.words import priority_label, status_label

__all__ = ["ObjectRole", "QuestionColumn", "QuestionsModel", "SortRole"]

_STATUS_ORDER = {status: position for position, status in enumerate(QuestionStatus)}


class QuestionColumn(enum.IntEnum):
    QUESTION = 0
    PRIORITY = 1
    STATUS = 2


class QuestionsModel(ObjectRowsModel[Question]):
    """One row per question, in the order the service gives (priority, then fit to the moment).

    ObjectRole: the `Question`; SortRole: a value that sorts naturally (priority and status by
    their weight, text without case)."""

    def __init__(self, bank: QuestionBank, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bank = bank
        self._language = language
        self._texts: list[str] = []

    def set_questions(
        self, questions: Sequence[Question], answers: Mapping[int, Sequence[Answer]]
    ) -> None:
        """Show these questions; `answers` (by question id) tells how often each went unanswered."""
        texts = []
        for question in questions:
            text = question.display_text(self._bank, self._language)
            unanswered = sum(1 for a in answers.get(question.id, ()) if not a.is_answered)
            if unanswered:
                text += "\n" + self.tr("Asked {count}× without an answer").format(count=unanswered)
            texts.append(text)
        self._texts = texts
        self.set_rows(questions)

    def column_count(self) -> int:
        return len(QuestionColumn)

    def header_text(self, column: int) -> str | None:
        return {
            QuestionColumn.QUESTION: self.tr("Question"),
            QuestionColumn.PRIORITY: self.tr("Priority"),
            QuestionColumn.STATUS: self.tr("Status"),
        }[QuestionColumn(column)]

    def row_data(self, question: Question, index: AnyIndex, role: int) -> object:
        column = QuestionColumn(index.column())
        if role == SortRole:
            if column is QuestionColumn.PRIORITY:
                return -int(question.priority)
            if column is QuestionColumn.STATUS:
                return _STATUS_ORDER[question.status]
            return self._texts[index.row()].casefold()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is QuestionColumn.PRIORITY:
                return priority_label(question.priority)
            if column is QuestionColumn.STATUS:
                return status_label(question.status)
            return self._texts[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column is QuestionColumn.QUESTION:
            return self._texts[index.row()]
        if (
            role == Qt.ItemDataRole.FontRole
            and column is QuestionColumn.QUESTION
            and question.priority is Priority.MUST_ASK
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None
