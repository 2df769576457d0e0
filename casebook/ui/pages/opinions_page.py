"""The Opinions page: record each opinion, compare two to four side by side, turn differences
into questions for the next consultation, and keep the family's decision log.

Casebook lines opinions up and suggests where they say the same or differ; the family checks
each row. Nothing on this page judges which opinion is right. Reads run on the reader lane,
writes on the writer lane; the GUI never waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.decisions import Decision
from casebook.core.opinions import MAX_COMPARED, MIN_COMPARED, Comparison, Mark, Opinion
from casebook.core.opinions import OpinionField as Field
from casebook.services import opinions as service
from casebook.services.binder import BinderSession
from casebook.services.comparison_pdf import print_comparison
from casebook.services.opinions import LinkChoices, QuestionsAdded
from casebook.services.undo import Deleted, Undoable, delete_with_undo, undo_delete
from casebook.ui.labels import choose_plural, format_partial_date
from casebook.ui.opinions.comparison_view import ComparisonView
from casebook.ui.opinions.decision_dialog import DecisionDialog
from casebook.ui.opinions.decision_panel import DecisionPanel
from casebook.ui.opinions.labels import source_kind_label
from casebook.ui.opinions.opinion_dialog import OpinionDialog
from casebook.ui.tasks import BackgroundTask, TaskFailure, WorkerLane, reader_pool, writer_pool
from casebook.ui.widgets.message_bar import MessageBar
from casebook.ui.widgets.undo_bar import UndoBar


@dataclass(frozen=True)
class _Loaded:
    opinions: list[Opinion]
    choices: LinkChoices
    decisions: list[Decision]


class OpinionsPage(QWidget):
    """Opinions, their comparison and the decision log. `changed` after every write."""

    changed = Signal()

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinions_page")
        self._session = session
        self._tasks: list[BackgroundTask[Any]] = []
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
        self.message_bar.setObjectName("opinions_message_bar")

        # Tab 1: the opinions ----------------------------------------------------------------
        self.opinion_list = QListWidget()
        self.opinion_list.setObjectName("opinion_list")
        self.opinion_list.setAccessibleName(self.tr("Opinions recorded"))
        self.opinion_list.setStyleSheet("QListWidget::item { padding: 10px 6px; }")
        self.opinion_list.itemChanged.connect(self._update_buttons)
        self.opinion_list.itemSelectionChanged.connect(self._update_buttons)
        self.opinion_list.itemDoubleClicked.connect(lambda *_: self.edit_selected())
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
        self.print_button = QPushButton(self.tr("Print to PDF…"))
        self.print_button.setObjectName("print_comparison_button")
        self.print_button.clicked.connect(self._choose_pdf_target)
        compare_actions = QHBoxLayout()
        compare_actions.setSpacing(12)
        compare_actions.addWidget(self.ask_button)
        compare_actions.addWidget(self.print_button)
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
        self.reload()

    # Running jobs --------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None], lane: WorkerLane) -> None:
        task: BackgroundTask[Any] = BackgroundTask(self, lambda _r, _c: job())
        self._tasks = [t for t in self._tasks if t.is_running] + [task]
        task.on_success(done).on_failure(self._on_failed).start(lane)

    def _write(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def after(result: Any) -> None:
            done(result)
            self.changed.emit()

        self._run(job, after, writer_pool())

    def _on_failed(self, failure: TaskFailure) -> None:
        self.message_bar.show_failure(failure)

    @property
    def busy(self) -> bool:
        return any(t.is_running for t in self._tasks)

    @Slot()
    def stop_work(self) -> None:
        """Ask running jobs to stop; called before the binder is locked."""
        for task in self._tasks:
            task.cancel()

    # Opinions ------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        session = self._session

        def load() -> _Loaded:
            return _Loaded(
                service.list_opinions(session),
                service.list_link_choices(session),
                service.list_decisions(session),
            )

        self._run(load, self._show_loaded, reader_pool())

    def _show_loaded(self, loaded: _Loaded) -> None:
        ticked = set(self.ticked_ids())
        self.opinions, self.choices = loaded.opinions, loaded.choices
        self.opinion_list.blockSignals(True)
        self.opinion_list.clear()
        for opinion in loaded.opinions:
            details = [
                source_kind_label(opinion.source_kind),
                opinion.institution,
                opinion.country,
                format_partial_date(opinion.given_on, self.tr("no date")),
            ]
            item = QListWidgetItem(f"{opinion.label}\n{' · '.join(d for d in details if d)}")
            item.setData(Qt.ItemDataRole.UserRole, opinion.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if opinion.id in ticked else Qt.CheckState.Unchecked
            )
            self.opinion_list.addItem(item)
        self.opinion_list.blockSignals(False)
        self.decision_panel.show_decisions(loaded.decisions)
        self.loaded = True
        self._update_buttons()
        if not loaded.opinions:
            self.message_bar.show_message(
                self.tr("No opinion recorded yet. Press “Add an opinion…” to write one down.")
            )

    def ticked_ids(self) -> list[int]:
        items = (self.opinion_list.item(i) for i in range(self.opinion_list.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def tick(self, opinion_ids: list[int]) -> None:
        for i in range(self.opinion_list.count()):
            item = self.opinion_list.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in opinion_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _selected(self) -> Opinion | None:
        item = self.opinion_list.currentItem()
        if item is None or not item.isSelected():
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((o for o in self.opinions if o.id == wanted), None)

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
        self.reload()
        comparison = self.comparison_view.comparison
        if comparison is not None:
            self.show_comparison_of([o.id for o in comparison.opinions if o.id is not None])

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
            self.comparison_view.comparison = None
            self.comparison_view.table.clear()
            self._show_comparison_state()
        self._write(lambda: delete_with_undo(session, Undoable.OPINION, opinion_id), self._removed)

    def _removed(self, deleted: Deleted) -> None:
        self.undo_bar.show_deleted(deleted)
        self.reload()

    @Slot(int)
    def undo_remove(self, snapshot_id: int) -> None:
        session = self._session
        self._write(lambda: undo_delete(session, snapshot_id), lambda _id: self.reload())

    # Comparison ----------------------------------------------------------------------------

    @Slot()
    def compare_ticked(self) -> None:
        self.show_comparison_of(self.ticked_ids())

    def show_comparison_of(self, opinion_ids: list[int]) -> None:
        session = self._session
        self._run(
            lambda: service.load_comparison(session, opinion_ids),
            self._show_comparison,
            reader_pool(),
        )

    def _show_comparison(self, comparison: Comparison) -> None:
        self.comparison_view.show_comparison(comparison)
        self._show_comparison_state()
        self.tabs.setCurrentIndex(1)

    def _show_comparison_state(self) -> None:
        has = self.comparison_view.comparison is not None
        self.compare_hint.setVisible(not has)
        self.comparison_view.setVisible(has)
        self.ask_button.setEnabled(has)
        self.print_button.setEnabled(has)

    @Slot(object, object)
    def set_mark(self, which: Field, mark: Mark | None) -> None:
        comparison = self.comparison_view.comparison
        if comparison is None:
            return
        session = self._session
        self._write(
            lambda: service.set_mark(session, comparison, which, mark), self._show_comparison
        )

    @Slot()
    def add_questions(self) -> None:
        comparison = self.comparison_view.comparison
        if comparison is None:
            return
        session = self._session
        self._write(
            lambda: service.add_follow_up_questions(session, comparison), self._questions_added
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

    def _choose_pdf_target(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Print the comparison to PDF"), "comparison.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_to(Path(name))

    def print_to(self, target: Path) -> None:
        comparison = self.comparison_view.comparison
        if comparison is None:
            return
        session = self._session
        ids = [o.id for o in comparison.opinions if o.id is not None]
        self._run(
            lambda: print_comparison(session, ids, target),
            lambda path: self.message_bar.show_message(
                self.tr("The comparison was saved as {path}.").format(path=path)
            ),
            reader_pool(),
        )

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
        self._write(
            lambda: service.save_decision(session, draft, decision_id), lambda _: self.reload()
        )
