"""Questions for the doctors: the family's list, suggestions, the printed sheet, and letters
asking for a second opinion.

The list is ordered by the family's priority, then by fit to the current decision moment.
Selecting a question shows its history: answered by whom, when, and what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.core.questions import Answer, Priority, Question, QuestionStatus
from casebook.services import questions as service
from casebook.services import records
from casebook.services.binder import BinderSession
from casebook.services.question_sheet import build_question_sheet
from casebook.services.undo import Deleted, Undoable, delete_with_undo, undo_delete
from casebook.ui.consultation.bank_panel import BankPanel
from casebook.ui.consultation.consultation_detail import SHEET_LANGUAGES
from casebook.ui.consultation.second_opinion_panel import SecondOpinionPanel
from casebook.ui.consultation.words import moment_label, priority_label, status_label
from casebook.ui.labels import format_date_text, ui_language
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool, writer_pool
from casebook.ui.widgets.message_bar import MessageBar
from casebook.ui.widgets.undo_bar import UndoBar

_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Loaded:
    questions: list[Question]
    answers: dict[int, list[Answer]]
    moment: str
    patient: str


class QuestionsPage(QWidget):
    """The family's questions and what the doctors answered."""

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questions_page")
        self._session = session
        self._bank = service.load_bank()
        self._language = ui_language()
        self.loaded: _Loaded | None = None

        heading = QLabel(self.tr("Questions for the doctors"))
        heading.setProperty("role", "heading")
        self.moment_label = QLabel()
        self.moment_label.setObjectName("moment_label")
        self.moment_label.setProperty("role", "hint")
        self.moment_label.setWordWrap(True)
        self.error_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.undo_delete)

        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("new_question_edit")
        self.new_edit.setAccessibleName(self.tr("A question of your own"))
        self.new_edit.setPlaceholderText(self.tr("Type a question of your own and press Enter"))
        self.new_edit.returnPressed.connect(self._add_own)
        add_button = QPushButton(self.tr("Add"))
        add_button.setObjectName("add_question_button")
        add_button.clicked.connect(self._add_own)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_edit, 1)
        add_row.addWidget(add_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("questions_tree")
        self.tree.setAccessibleName(self.tr("Our questions"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Priority"), self.tr("Status")])
        self.tree.setStyleSheet("QTreeWidget::item { padding: 6px 4px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._show_history())

        self.priority_combo = QComboBox()
        self.priority_combo.setObjectName("priority_combo")
        self.priority_combo.setAccessibleName(self.tr("Priority of the chosen question"))
        for priority in sorted(Priority, reverse=True):
            self.priority_combo.addItem(priority_label(priority), int(priority))
        self.priority_combo.activated.connect(self._set_priority)
        self.answered_button = QPushButton(self.tr("Mark answered"))
        self.answered_button.setObjectName("mark_answered_button")
        self.answered_button.clicked.connect(lambda: self._set_status(QuestionStatus.ANSWERED))
        self.reopen_button = QPushButton(self.tr("Ask again"))
        self.reopen_button.setObjectName("reopen_button")
        self.reopen_button.clicked.connect(lambda: self._set_status(QuestionStatus.OPEN))
        self.drop_button = QPushButton(self.tr("No longer needed"))
        self.drop_button.setObjectName("drop_button")
        self.drop_button.clicked.connect(lambda: self._set_status(QuestionStatus.DROPPED))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_question_button")
        self.delete_button.clicked.connect(self.delete_selected)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Priority:")))
        actions.addWidget(self.priority_combo)
        actions.addWidget(self.answered_button)
        actions.addWidget(self.reopen_button)
        actions.addWidget(self.drop_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)

        self.sheet_language = QComboBox()
        self.sheet_language.setObjectName("sheet_language_combo")
        self.sheet_language.setAccessibleName(self.tr("Language of the printed questions"))
        for code, name in SHEET_LANGUAGES:
            self.sheet_language.addItem(name, code)
        self.print_button = QPushButton(self.tr("Print questions to bring…"))
        self.print_button.setObjectName("primary_button")
        self.print_button.clicked.connect(self._print_sheet)
        printing = QHBoxLayout()
        printing.addWidget(self.print_button)
        printing.addWidget(self.sheet_language)
        printing.addWidget(QLabel(self.tr("One page, large type, room to write the answers.")))
        printing.addStretch(1)

        history_heading = QLabel(self.tr("What the doctors said"))
        history_heading.setProperty("role", "subheading")
        self.history = QTextBrowser()
        self.history.setObjectName("history_view")
        self.history.setAccessibleName(self.tr("What the doctors said"))
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(12, 0, 0, 0)
        history_layout.addWidget(history_heading)
        history_layout.addWidget(self.history, 1)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(add_row)
        list_layout.addWidget(self.tree, 1)
        list_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(list_box)
        splitter.addWidget(history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        ours = QWidget()
        ours_layout = QVBoxLayout(ours)
        ours_layout.setContentsMargins(12, 12, 12, 12)
        ours_layout.addLayout(printing)
        ours_layout.addWidget(splitter, 1)

        self.bank_panel = BankPanel()
        self.bank_panel.add_requested.connect(self._add_from_bank)
        self.letters = SecondOpinionPanel(self._language)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("questions_tabs")
        self.tabs.addTab(ours, self.tr("Our questions"))
        self.tabs.addTab(self.bank_panel, self.tr("Suggested questions"))
        self.tabs.addTab(self.letters, self.tr("Asking for a second opinion"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.moment_label)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # Loading -------------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None], *, write: bool) -> None:
        BackgroundTask(self, lambda _r, _c: job()).on_success(done).on_failure(
            self._on_failed
        ).start(writer_pool() if write else reader_pool())

    def _on_failed(self, failure: TaskFailure) -> None:
        if self._session.closed:
            return  # the binder was locked under a read: nothing to tell
        self.error_bar.show_failure(failure)

    @Slot()
    def reload(self) -> None:
        session = self._session

        def load() -> _Loaded:
            return _Loaded(
                service.list_questions(session),
                service.all_answers(session),
                service.current_moment(session),
                records.load_case(session).patient_name,
            )

        self._run(load, self.show_loaded, write=False)

    def show_loaded(self, loaded: _Loaded) -> None:
        selected = self._selected_question()
        self.loaded = loaded
        if loaded.moment:
            self.moment_label.setText(
                self.tr(
                    "Where you are now: {moment}. Questions that suit it come first. Casebook "
                    "suggests questions; the answers come from the doctors."
                ).format(moment=moment_label(loaded.moment))
            )
        else:
            self.moment_label.setText(
                self.tr("Casebook suggests questions; the answers come from the doctors.")
            )
        self.tree.clear()
        for question in loaded.questions:
            asked = loaded.answers.get(question.id, [])
            text = question.display_text(self._bank, self._language)
            unanswered = sum(1 for a in asked if not a.is_answered)
            if unanswered:
                text += "\n" + self.tr("Asked {count}× without an answer").format(count=unanswered)
            item = QTreeWidgetItem(
                [text, priority_label(question.priority), status_label(question.status)]
            )
            item.setData(0, _ID_ROLE, question.id)
            item.setToolTip(0, text)
            if question.priority is Priority.MUST_ASK:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            if selected is not None and question.id == selected.id:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        taken = {q.bank_key for q in loaded.questions if q.bank_key}
        self.bank_panel.show_bank(self._bank, loaded.moment, self._language, taken)
        if self.letters.patient != loaded.patient:
            self.letters.patient = loaded.patient
            self.letters.fill_letter()
        self._show_history()

    def _selected_question(self) -> Question | None:
        item = self.tree.currentItem()
        if item is None or self.loaded is None:
            return None
        question_id = item.data(0, _ID_ROLE)
        return next((q for q in self.loaded.questions if q.id == question_id), None)

    def _show_history(self) -> None:
        question = self._selected_question()
        has = question is not None
        for widget in (
            self.priority_combo,
            self.answered_button,
            self.reopen_button,
            self.drop_button,
            self.delete_button,
        ):
            widget.setEnabled(has)
        if question is None or self.loaded is None:
            self.history.setHtml(
                escape(self.tr("Add a question, or pick some from the suggested questions."))
            )
            return
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(int(question.priority)))
        answers = self.loaded.answers.get(question.id, [])
        parts = [f"<p><b>{escape(question.display_text(self._bank, self._language))}</b></p>"]
        if not answers:
            parts.append(escape(self.tr("Not taken to a consultation yet.")))
        for answer in answers:
            where = " · ".join(
                p
                for p in (format_date_text(answer.held_on), answer.doctor, answer.institution)
                if p
            )
            said = (
                escape(answer.answer)
                if answer.is_answered
                else f"<i>{escape(self.tr('Not answered'))}</i>"
            )
            parts.append(f"<p><b>{escape(where or answer.consultation_title)}</b><br>{said}</p>")
        self.history.setHtml("".join(parts))

    # Editing -------------------------------------------------------------------------------

    @Slot()
    def _add_own(self) -> None:
        text = self.new_edit.text().strip()
        if not text:
            return
        self.new_edit.clear()
        session = self._session
        self._run(
            lambda: service.add_own_question(session, text), lambda _i: self.reload(), write=True
        )

    @Slot(list)
    def _add_from_bank(self, keys: list[str]) -> None:
        session, language = self._session, self._language

        def add() -> None:
            for key in keys:
                service.add_from_bank(session, key, language)

        self._run(add, lambda _n: self.reload(), write=True)
        self.tabs.setCurrentIndex(0)

    @Slot()
    def _set_priority(self) -> None:
        question = self._selected_question()
        if question is None:
            return
        priority = Priority(int(self.priority_combo.currentData()))
        session = self._session
        self._run(
            lambda: service.set_priority(session, question.id, priority),
            lambda _n: self.reload(),
            write=True,
        )

    def _set_status(self, status: QuestionStatus) -> None:
        question = self._selected_question()
        if question is None:
            return
        session = self._session
        self._run(
            lambda: service.set_status(session, question.id, status),
            lambda _n: self.reload(),
            write=True,
        )

    @Slot()
    def delete_selected(self) -> None:
        """Delete the chosen question (and its answers); the bar offers Undo."""
        question = self._selected_question()
        if question is None:
            return
        session = self._session
        self._run(
            lambda: delete_with_undo(session, Undoable.QUESTION, question.id),
            self._deleted,
            write=True,
        )

    def _deleted(self, deleted: Deleted) -> None:
        self.undo_bar.show_deleted(deleted)
        self.reload()

    @Slot(int)
    def undo_delete(self, snapshot_id: int) -> None:
        session = self._session
        self._run(lambda: undo_delete(session, snapshot_id), lambda _i: self.reload(), write=True)

    @Slot()
    def _print_sheet(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            self.tr("questions to bring.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return
        session, language, target = self._session, self.sheet_language.currentData(), Path(name)
        self._run(
            lambda: target.write_bytes(build_question_sheet(session, language).pdf),
            lambda _n: None,
            write=False,
        )

    def stop_work(self) -> None:
        """Nothing is typed here that is not saved at once; present for the workspace."""
