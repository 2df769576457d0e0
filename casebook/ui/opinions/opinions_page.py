"""The Opinions page: record each opinion, compare two to four side by side, turn differences
into questions for the next consultation, and keep the family's decision log.

Casebook lines opinions up and suggests where they say the same or differ; the family checks
each row. Nothing on this page judges which opinion is right. Reads run on the reader lane,
writes on the writer lane; the GUI never waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.decisions import Decision
from casebook.core.errors import InvalidInput
from casebook.core.opinions import MAX_COMPARED, MIN_COMPARED, Comparison, Mark, Opinion
from casebook.core.opinions import OpinionField as Field
from casebook.services.binder.session import BinderSession
from casebook.services.opinions import opinions as service
from casebook.services.opinions.comparison_pdf import comparison_pdf
from casebook.services.opinions.opinions import LinkChoices, ProposedQuestion, QuestionsAdded
from casebook.services.undo import Deleted, Undoable, delete_with_undo, undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import choose_plural, ui_language
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, ReadOp, WriteOp
from casebook.ui.common.pdf_output import PRINT_LANGUAGES, PdfOutput, PrintControls
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.opinions.comparison_view import ComparisonView
from casebook.ui.opinions.decision_dialog import DecisionDialog
from casebook.ui.opinions.decision_panel import DecisionPanel
from casebook.ui.opinions.follow_up_dialog import FollowUpDialog
from casebook.ui.opinions.opinion_dialog import OpinionDialog
from casebook.ui.opinions.opinions_model import ObjectRole, OpinionsModel

# Opinions and marks, decisions, and what an opinion links to (consultations, reports, events).
_SHOWN = (
    Changed.OPINIONS,
    Changed.DECISIONS,
    Changed.CONSULTATIONS,
    Changed.DOCUMENTS,
    Changed.TIMELINE,
)


@dataclass(frozen=True)
class _Loaded:
    opinions: list[Opinion]
    choices: LinkChoices
    decisions: list[Decision]
    last_compared: tuple[int, ...] = ()


def load_opinions(session: BinderSession) -> _Loaded:
    """Everything the page lists, in one consistent read."""
    with session.reading():
        return _Loaded(
            service.list_opinions(session),
            service.list_link_choices(session),
            service.list_decisions(session),
            service.last_compared_ids(session),
        )


class OpinionsPage(QWidget):
    """Opinions, their comparison and the decision log; `comparison_shown` each time the
    comparison is painted from the binder."""

    comparison_shown = Signal()

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinions_page")
        self._session = session
        self._compared_ids: list[int] = []
        self._reveal_comparison = False
        self.opinions: list[Opinion] = []
        self.choices = LinkChoices((), (), ())
        self.loaded = False

        heading = QLabel(self.tr("Opinions"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Record each opinion as it was given, then put two to four side by side. "
                "Casebook shows where they say the same and where they differ; it does not "
                "judge which opinion is right."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.message_bar = MessageBar()
        self.follow_up_dialog: FollowUpDialog | None = None  # open while the family chooses
        self.message_bar.setObjectName("opinions_message_bar")

        # Tab 1: the opinions ----------------------------------------------------------------
        self.opinions_model = OpinionsModel(self)
        self.opinions_model.ticks_changed.connect(self._update_buttons)
        self.opinion_list = QListView()
        self.opinion_list.setObjectName("opinion_list")
        self.opinion_list.setAccessibleName(self.tr("Opinions recorded"))
        self.opinion_list.setModel(self.opinions_model)
        self.opinion_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        look_as(self.opinion_list, rows="spaced")
        self.opinion_list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.opinion_list.doubleClicked.connect(lambda *_: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add an opinion…"))
        self.add_button.setObjectName("primary_button")
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("edit_opinion_button")
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_opinion_button")
        self.remove_button.clicked.connect(self._remove_selected)
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.undo_remove)
        self.compare_button = QPushButton(self.tr("Compare the ticked opinions"))
        self.compare_button.setObjectName("compare_button")
        self.compare_button.clicked.connect(self.compare_ticked)
        row = QHBoxLayout()
        row.setSpacing(12)
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.compare_button)
        tick_hint = QLabel(self.tr("Tick two to four opinions, then press “Compare”."))
        tick_hint.setProperty("role", "hint")
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 12, 0, 0)
        list_layout.setSpacing(12)
        list_layout.addLayout(row)
        list_layout.addWidget(tick_hint)
        list_layout.addWidget(self.opinion_list, 1)

        # Tab 2: side by side ----------------------------------------------------------------
        self.comparison_view = ComparisonView()
        self.comparison_view.mark_changed.connect(self.set_mark)
        self.ask_button = QPushButton(self.tr("Add questions about the differences"))
        self.ask_button.setObjectName("ask_questions_button")
        self.ask_button.setToolTip(
            self.tr("They go to your list of questions for the next consultation.")
        )
        self.ask_button.clicked.connect(self.add_questions)
        # The comparison's headings exist in English and Chinese (not both at once).
        self.print_controls = PrintControls(
            self.tr("the comparison"), "comparison", languages=PRINT_LANGUAGES[:2]
        )
        self.print_button = self.print_controls.print_button
        self.print_button.setObjectName("print_comparison_button")
        self.pdf = PdfOutput(
            self, self.message_bar, self._comparison_job, self.tr("Comparison of opinions.pdf"),
            session,
        )  # fmt: skip
        self.pdf.serve(self.print_controls)
        compare_actions = QHBoxLayout()
        compare_actions.setSpacing(12)
        compare_actions.addWidget(self.ask_button)
        compare_actions.addWidget(self.print_controls)
        compare_actions.addStretch(1)
        self.compare_hint = QLabel(
            self.tr("Tick two to four opinions on the “Opinions” tab and press “Compare”.")
        )
        self.compare_hint.setProperty("role", "hint")
        self.compare_hint.setWordWrap(True)
        compare_tab = QWidget()
        compare_layout = QVBoxLayout(compare_tab)
        compare_layout.setContentsMargins(0, 12, 0, 0)
        compare_layout.setSpacing(12)
        compare_layout.addLayout(compare_actions)
        compare_layout.addWidget(self.compare_hint)
        compare_layout.addWidget(self.comparison_view, 1)

        # Tab 3: decisions -------------------------------------------------------------------
        self.decision_panel = DecisionPanel()
        self.decision_panel.add_requested.connect(lambda: self.open_decision(None))
        self.decision_panel.edit_requested.connect(self.open_decision)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("opinions_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(list_tab, self.tr("Opinions"))
        self.tabs.addTab(compare_tab, self.tr("Side by side"))
        self.tabs.addTab(self.decision_panel, self.tr("Decision log"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.tabs, 1)
        self._show_comparison_state()
        self._update_buttons()
        self._reader = LatestRead(self, lambda: load_opinions(session), self._show_loaded,
                                  self._on_failed)  # fmt: skip
        self._comparison_reader = LatestRead(
            self, self._read_comparison, self._show_comparison, self._on_failed
        )
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    # Running jobs --------------------------------------------------------------------------

    def _write(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Write; the page reads again through the change the write announces."""
        op = WriteOp(self, self._session, job).reporting_to(self.message_bar)
        if done is not None:
            op.on_success(done)
        op.start()

    def _on_failed(self, failure: TaskFailure) -> None:
        self.message_bar.show_failure(failure)

    @Slot()
    def stop_work(self) -> None:
        """Nothing to stop: every write is queued and finishes before the binder locks."""

    # Opinions ------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self._reader.start()
        if self._compared_ids:
            self._comparison_reader.start()

    def _show_loaded(self, loaded: _Loaded) -> None:
        chosen = self._selected()
        # First time in: the comparison the family last marked is ticked and shown again.
        reopen = not self.loaded and not self._compared_ids and bool(loaded.last_compared)
        self.opinions, self.choices = loaded.opinions, loaded.choices
        self.opinions_model.set_opinions(loaded.opinions)
        if reopen:
            self.opinions_model.tick(loaded.last_compared)
        row = next((r for r, o in enumerate(loaded.opinions) if chosen and o.id == chosen.id), None)
        if row is not None:
            self.select_row(row)
        self.decision_panel.show_decisions(loaded.decisions)
        self.loaded = True
        self._update_buttons()
        if reopen:
            self._compared_ids = list(loaded.last_compared)
            self._comparison_reader.start()
        if not loaded.opinions:
            self.message_bar.show_message(
                self.tr("No opinion recorded yet. Press “Add an opinion…” to write one down.")
            )

    def ticked_ids(self) -> list[int]:
        return self.opinions_model.ticked_ids()

    def tick(self, opinion_ids: list[int]) -> None:
        self.opinions_model.tick(opinion_ids)

    def select_row(self, row: int) -> None:
        """Choose the opinion in `row` (as a click would)."""
        self.opinion_list.setCurrentIndex(self.opinions_model.index(row))

    def _selected(self) -> Opinion | None:
        selected = self.opinion_list.selectionModel().selectedIndexes()
        opinion = selected[0].data(ObjectRole) if selected else None
        return opinion if isinstance(opinion, Opinion) else None

    @Slot()
    def _update_buttons(self) -> None:
        has_selection = self._selected() is not None
        self.edit_button.setEnabled(has_selection)
        self.remove_button.setEnabled(has_selection)
        self.compare_button.setEnabled(MIN_COMPARED <= len(self.ticked_ids()) <= MAX_COMPARED)

    @Slot()
    def edit_selected(self) -> None:
        opinion = self._selected()
        if opinion is not None:
            self.open_editor(opinion)

    def open_editor(self, opinion: Opinion | None) -> OpinionDialog:
        session = self._session
        dialog = OpinionDialog(
            opinion, self.choices, lambda cid: service.list_note_lines(session, cid), self
        )
        dialog.accepted.connect(lambda: self._save_opinion(dialog.edited))
        dialog.open()
        return dialog

    def _save_opinion(self, opinion: Opinion | None) -> None:
        if opinion is None:
            return
        session = self._session
        self._write(lambda: service.save_opinion(session, opinion), self._after_opinion_saved)

    def _after_opinion_saved(self, _opinion_id: int) -> None:
        self.message_bar.clear()

    def _remove_selected(self) -> None:
        opinion = self._selected()
        if opinion is not None:
            self.remove_opinion(opinion)  # no "Are you sure?": the bar offers Undo instead

    def remove_opinion(self, opinion: Opinion) -> None:
        session, opinion_id = self._session, opinion.id
        if opinion_id is None:
            return
        comparison = self.comparison_view.comparison
        if comparison is not None and opinion in comparison.opinions:
            self.comparison_view.clear()
            self._show_comparison_state()
        self._write(lambda: delete_with_undo(session, Undoable.OPINION, opinion_id), self._removed)

    def _removed(self, deleted: Deleted) -> None:
        self.undo_bar.show_deleted(deleted)

    @Slot(int)
    def undo_remove(self, snapshot_id: int) -> None:
        session = self._session
        self._write(lambda: undo_delete(session, snapshot_id))

    # Comparison ----------------------------------------------------------------------------

    @Slot()
    def compare_ticked(self) -> None:
        self.show_comparison_of(self.ticked_ids())

    def show_comparison_of(self, opinion_ids: list[int]) -> None:
        self._compared_ids = list(opinion_ids)
        self._reveal_comparison = True
        self._comparison_reader.start()

    def _read_comparison(self) -> Comparison | None:
        ids = list(self._compared_ids)
        try:
            return service.load_comparison(self._session, ids) if ids else None
        except InvalidInput:
            return None  # an opinion compared was removed meanwhile

    def _show_comparison(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self._compared_ids = []
            self.comparison_view.clear()
            self._show_comparison_state()
            return
        self.comparison_view.show_comparison(comparison)
        self._show_comparison_state()
        if self._reveal_comparison:
            self._reveal_comparison = False
            self.tabs.setCurrentIndex(1)
        self.comparison_shown.emit()

    def _show_comparison_state(self) -> None:
        has = self.comparison_view.comparison is not None
        self.compare_hint.setVisible(not has)
        self.comparison_view.setVisible(has)
        self.ask_button.setEnabled(has)
        self.print_controls.setEnabled(has)

    @Slot(object, object)
    def set_mark(self, which: Field, mark: Mark | None) -> None:
        if not self._compared_ids:
            return
        session, ids = self._session, list(self._compared_ids)
        self._write(lambda: service.set_mark(session, ids, which, mark))

    @Slot()
    def add_questions(self) -> None:
        """Word the questions (reader lane), then let the family choose which to add."""
        if not self._compared_ids:
            return
        session, ids, language = self._session, list(self._compared_ids), ui_language()
        ReadOp(
            self, lambda: service.propose_follow_up_questions(session, ids, language)
        ).on_success(lambda proposed: self._choose_questions(ids, proposed)).on_failure(
            self._on_failed
        ).start()

    def _choose_questions(self, ids: list[int], proposed: list[ProposedQuestion]) -> None:
        if all(question.already_listed for question in proposed):
            self.message_bar.show_message(self.tr("There is no new question to add."))
            return
        dialog = FollowUpDialog(proposed, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_chosen(ids, dialog.chosen_fields()))
        self.follow_up_dialog = dialog
        dialog.open()

    def _add_chosen(self, ids: list[int], fields: list[Field]) -> None:
        self.follow_up_dialog = None
        session, language = self._session, ui_language()
        self._write(
            lambda: service.add_follow_up_questions(session, ids, fields, language),
            self._questions_added,
        )

    def _questions_added(self, result: QuestionsAdded) -> None:
        if result.added:
            text = choose_plural(
                len(result.added),
                self.tr("{count} question was added to your list for the next consultation."),
                self.tr("{count} questions were added to your list for the next consultation."),
            )
        else:
            text = self.tr("There is no new question to add.")
        if result.already_listed:
            text += " " + choose_plural(
                result.already_listed,
                self.tr("{count} was already on the list."),
                self.tr("{count} were already on the list."),
            )
        self.message_bar.show_message(text)

    def _comparison_job(self, language: str) -> Callable[[], bytes]:
        comparison = self.comparison_view.comparison
        if comparison is None:
            raise RuntimeError("the comparison was printed before it was shown")
        session = self._session
        ids = [o.id for o in comparison.opinions if o.id is not None]
        return lambda: comparison_pdf(session, ids, language)

    # Decisions -----------------------------------------------------------------------------

    def open_decision(self, decision: Decision | None) -> DecisionDialog:
        dialog = DecisionDialog(decision, self.opinions, self)
        decision_id = decision.id if decision else None
        dialog.accepted.connect(lambda: self._save_decision(dialog, decision_id))
        dialog.open()
        return dialog

    def _save_decision(self, dialog: DecisionDialog, decision_id: int | None) -> None:
        draft, session = dialog.draft, self._session
        if draft is None:
            return
        self._write(lambda: service.save_decision(session, draft, decision_id))
