"""Questions for the doctors: the family's list, suggestions, the printed sheet, and letters
asking for a second opinion.

The list is ordered by the family's priority, then by fit to the current decision moment.
Selecting a question shows its history: answered by whom, when, and what.

The page is made over a few turns of the event loop (issue 15: in one, its first show held the
loop for 60-100 ms): the family's own list first, then the two tabs behind it (suggested
questions, the second-opinion letter), one per turn, each filled with what the page has read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.questions import Answer, Priority, Question, QuestionStatus
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions as service
from casebook.services.questions.sheet import build_question_sheet
from casebook.services.records import documents as records
from casebook.services.undo import Undoable, delete_with_undo, undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import format_date_text, ui_language
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.pdf_output import PdfOutput, PrintControls
from casebook.ui.common.staged_build import StagedBuild
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.consultations.words import priority_label
from casebook.ui.questions.bank_panel import BankPanel
from casebook.ui.questions.questions_model import ObjectRole, QuestionColumn, QuestionsModel
from casebook.ui.questions.second_opinion_panel import SecondOpinionPanel
from casebook.ui.timeline.labels import stored_moment_label

# Questions and their answers (consultations), the decision moment and the patient's name.
_SHOWN = (Changed.QUESTIONS, Changed.CONSULTATIONS, Changed.CASE)


@dataclass(frozen=True)
class _Loaded:
    questions: list[Question]
    answers: dict[int, list[Answer]]
    moment: str
    patient: str


def load_questions(session: BinderSession) -> _Loaded:
    """Everything the page shows, in one consistent read."""
    with session.reading():
        return _Loaded(
            service.list_questions(session),
            service.all_answers(session),
            service.current_moment(session),
            records.load_case(session).patient_name,
        )


def _holder() -> tuple[QWidget, QVBoxLayout]:
    """An empty tab page that a later part of the build fills, and its layout."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder, layout


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

        self.model = QuestionsModel(self._bank, self._language, self)
        self.tree = QTreeView()
        self.tree.setObjectName("questions_tree")
        self.tree.setAccessibleName(self.tr("Our questions"))
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        look_as(self.tree, rows="spaced")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QuestionColumn.QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            QuestionColumn.PRIORITY, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(QuestionColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())

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

        self.print_controls = PrintControls(
            self.tr("the questions to bring"),
            "sheet",
            print_text=self.tr("Print questions to bring…"),
        )
        self.sheet_language = self.print_controls.language_combo
        self.print_button = self.print_controls.print_button
        self.print_button.setObjectName("primary_button")
        self.sheet_pdf = PdfOutput(
            self,
            self.error_bar,
            lambda language: lambda: build_question_sheet(session, language).pdf,
            self.tr("Questions to bring.pdf"),
            session,
        )
        self.sheet_pdf.serve(self.print_controls)
        printing = QHBoxLayout()
        printing.addWidget(self.print_controls)
        sheet_hint = QLabel(self.tr("One page, large type, room to write the answers."))
        sheet_hint.setWordWrap(True)  # on a narrow screen it takes two lines, not more width
        printing.addWidget(sheet_hint, 1)

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
        # Below both panes rather than under the list alone: the row of buttons then does not
        # add its width to the answers pane's (the page fits a 1366 × 768 screen).
        ours_layout.addLayout(actions)

        # The tabs behind the first are made in later turns, inside these holders.
        bank_holder, self._bank_holder = _holder()
        letters_holder, self._letters_holder = _holder()
        self.bank_panel: BankPanel | None = None
        self.letters: SecondOpinionPanel | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("questions_tabs")
        self.tabs.addTab(ours, self.tr("Our questions"))
        self.tabs.addTab(bank_holder, self.tr("Suggested questions"))
        self.tabs.addTab(letters_holder, self.tr("Asking for a second opinion"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.moment_label)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.tabs, 1)
        self._reader = LatestRead(
            self, lambda: load_questions(session), self.show_loaded, self._on_failed
        )
        self.building = StagedBuild(self, (self._build_bank, self._build_letters))
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    def _build_bank(self) -> None:
        self.bank_panel = BankPanel()
        self.bank_panel.add_requested.connect(self._add_from_bank)
        self._bank_holder.addWidget(self.bank_panel)
        if self.loaded is not None:
            self._show_bank(self.loaded)

    def _build_letters(self) -> None:
        self.letters = SecondOpinionPanel(self._language)
        self._letters_holder.addWidget(self.letters)
        if self.loaded is not None:
            self._show_letter(self.loaded)

    # Loading -------------------------------------------------------------------------------

    def _write(self, job: Callable[[], object]) -> None:
        """Write; the page reads again through the change the write announces."""
        WriteOp(self, self._session, job).on_failure(self._on_failed).start()

    def _on_failed(self, failure: TaskFailure) -> None:
        if self._session.closed:
            return  # the binder was locked under a read: nothing to tell
        self.error_bar.show_failure(failure)

    @Slot()
    def reload(self) -> None:
        self._reader.start()

    def show_loaded(self, loaded: _Loaded) -> None:
        selected = self._selected_question()
        self.loaded = loaded
        if loaded.moment:
            self.moment_label.setText(
                self.tr(
                    "Where you are now: {moment}. Questions that suit it come first. Casebook "
                    "suggests questions; the answers come from the doctors."
                ).format(moment=stored_moment_label(loaded.moment))
            )
        else:
            self.moment_label.setText(
                self.tr("Casebook suggests questions; the answers come from the doctors.")
            )
        self.model.set_questions(loaded.questions, loaded.answers)
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.select_row(row)
        self._show_bank(loaded)  # each tab not made yet is filled when it is
        self._show_letter(loaded)
        self._show_history()

    def _show_bank(self, loaded: _Loaded) -> None:
        if self.bank_panel is not None:
            taken = {q.bank_key for q in loaded.questions if q.bank_key}
            self.bank_panel.show_bank(self._bank, loaded.moment, self._language, taken)

    def _show_letter(self, loaded: _Loaded) -> None:
        if self.letters is not None and self.letters.patient != loaded.patient:
            self.letters.patient = loaded.patient
            self.letters.fill_letter()

    def select_row(self, row: int) -> None:
        """Choose the question in `row` (as a click would)."""
        self.tree.setCurrentIndex(self.model.index(row, QuestionColumn.QUESTION))

    def _selected_question(self) -> Question | None:
        question = self.tree.currentIndex().data(ObjectRole)
        return question if isinstance(question, Question) else None

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
        not_answered = escape(self.tr("Not answered"))  # lupdate skips tr() in f-strings
        for answer in answers:
            where = " · ".join(
                p
                for p in (format_date_text(answer.held_on), answer.doctor, answer.institution)
                if p
            )
            said = escape(answer.answer) if answer.is_answered else f"<i>{not_answered}</i>"
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
        self._write(lambda: service.add_own_question(session, text))

    @Slot(list)
    def _add_from_bank(self, keys: list[str]) -> None:
        session, language = self._session, self._language

        def add() -> None:
            for key in keys:
                service.add_from_bank(session, key, language)

        self._write(add)
        self.tabs.setCurrentIndex(0)

    @Slot()
    def _set_priority(self) -> None:
        question = self._selected_question()
        if question is None:
            return
        priority = Priority(int(self.priority_combo.currentData()))
        session = self._session
        self._write(lambda: service.set_priority(session, question.id, priority))

    def _set_status(self, status: QuestionStatus) -> None:
        question = self._selected_question()
        if question is None:
            return
        session = self._session
        self._write(lambda: service.set_status(session, question.id, status))

    @Slot()
    def delete_selected(self) -> None:
        """Delete the chosen question (and its answers); the bar offers Undo."""
        question = self._selected_question()
        if question is None:
            return
        session = self._session
        WriteOp(
            self, session, lambda: delete_with_undo(session, Undoable.QUESTION, question.id)
        ).on_success(self.undo_bar.show_deleted).on_failure(self._on_failed).start()

    @Slot(int)
    def undo_delete(self, snapshot_id: int) -> None:
        session = self._session
        self._write(lambda: undo_delete(session, snapshot_id))

    def stop_work(self) -> None:
        """Nothing is typed here that is not saved at once; present for the workspace."""
