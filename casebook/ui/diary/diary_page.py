"""The symptom and side-effect diary: a quick entry form, a chart next to the treatments, the
entries, and a print for the next consultation.

It records what the family noticed in three plain words (mild, moderate, severe); it never
advises, scores or warns. Reads follow the change signal; writes use `WriteOp`. "Today" comes
from an injected clock so tests are not tied to the calendar. Deleting an entry asks nothing:
the page says what went and offers Undo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.diary import DiaryEntry, diary_chart
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.diary import diary as service
from casebook.services.diary.diary import DiaryView
from casebook.services.diary.printing import build_diary_sheet
from casebook.services.undo import undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.message_line import message_line
from casebook.ui.common.object_rows import select_source_row
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.pdf_output import PdfOutput, PrintControls
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.diary.chart_view import DiaryChartView
from casebook.ui.diary.diary_model import DiaryModel, EntryColumn, EntryRole, EntrySortRole
from casebook.ui.diary.entry_form import EntryForm

_SHOWN = (Changed.DIARY, Changed.TIMELINE)
PERIODS = (28, 91, 365)  # days the chart shows


class DiaryPage(QWidget):
    def __init__(
        self,
        session: BinderSession,
        today: Callable[[], date] = clock.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diary_page")
        self._session = session
        self._today = today
        self.view_read: DiaryView | None = None
        self._pending_selection: int | None = None

        heading = QLabel(self.tr("Symptom diary"))
        heading.setProperty("role", "heading")
        hint = QLabel(
            self.tr(
                "A few words a day about how the patient feels and what helped, to show the"
                " doctors at the next consultation. The diary only records: it gives no advice."
                " If something worries you, call the care team."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.setObjectName("diary_undo_bar")
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.form = EntryForm(today())
        self.form.save_requested.connect(self.save_entry)

        chart_heading = QLabel(self.tr("Over time, next to the treatments"))
        chart_heading.setProperty("role", "subheading")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("diary_period_combo")
        self.period_combo.setAccessibleName(self.tr("Period the chart shows"))
        self.period_combo.addItem(self.tr("Last 4 weeks"), PERIODS[0])
        self.period_combo.addItem(self.tr("Last 3 months"), PERIODS[1])
        self.period_combo.addItem(self.tr("Last year"), PERIODS[2])
        self.period_combo.currentIndexChanged.connect(lambda _i: self._draw_chart())
        chart_row = QHBoxLayout()
        chart_row.addWidget(chart_heading)
        chart_row.addStretch(1)
        chart_row.addWidget(self.period_combo)
        self.chart_view = DiaryChartView()

        self.model = DiaryModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(EntrySortRole)
        self.proxy = proxy
        self.table = QTableView()
        self.table.setObjectName("diary_entries_view")
        self.table.setAccessibleName(self.tr("Diary entries"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EntryColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EntryColumn.SYMPTOM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryColumn.HELPED, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_chosen())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setObjectName("diary_edit_button")
        self.edit_button.setAccessibleName(self.tr("Change the chosen entry"))
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("diary_delete_button")
        self.delete_button.setAccessibleName(self.tr("Delete the chosen entry"))
        self.delete_button.clicked.connect(self.delete_chosen)
        self.print_controls = PrintControls(self.tr("the diary"), "diary")
        self.pdf = PdfOutput(
            self, self.error_bar,
            self._diary_pdf,
            self.tr("Symptom diary.pdf"),
            session,
        )  # fmt: skip
        self.pdf.serve(self.print_controls)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("For the next consultation:")))
        actions.addWidget(self.print_controls)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 24, 36, 20)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(message_line(self.error_bar, self.undo_bar))
        layout.addWidget(self.form)
        layout.addSpacing(4)
        layout.addLayout(chart_row)
        layout.addWidget(self.chart_view)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._reader = LatestRead(self, lambda: service.load_diary(session), self.show_diary,
                                  self._failed)  # fmt: skip
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    def period(self) -> int:
        return int(self.period_combo.currentData())

    def _diary_pdf(self, language: str) -> Callable[[], bytes]:
        """The sheet for the period chosen now, built later on a worker."""
        session, today, period = self._session, self._today(), self.period()
        return lambda: build_diary_sheet(session, language, today, period)

    def reload(self) -> None:
        self._reader.start()

    def _failed(self, failure: TaskFailure) -> None:
        if not self._session.closed:
            self.error_bar.show_failure(failure)

    def show_diary(self, view: DiaryView) -> None:
        self.view_read = view
        self.model.set_entries(view.entries)
        pending = self._pending_selection
        if pending is not None and self.select_entry(pending):
            self._pending_selection = None
        self.form.set_today(self._today())
        self._draw_chart()
        self._update_buttons()

    def _draw_chart(self) -> None:
        view = self.view_read
        if view is not None:
            self.chart_view.set_chart(
                diary_chart(view.entries, view.events, self._today(), self.period())
            )

    def chosen(self) -> DiaryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        entry = rows[0].data(EntryRole) if rows else None
        return entry if isinstance(entry, DiaryEntry) else None

    def select_entry(self, entry_id: int) -> bool:
        """Choose the entry in the table; False when the table does not hold it (yet)."""
        return select_source_row(self.table, self.proxy, self.model, self.model.row_of(entry_id))

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def save_entry(self, entry: DiaryEntry) -> None:
        session = self._session
        WriteOp(self, session, lambda: service.save_entry(session, entry)).on_success(
            lambda _id: self.form.clear()
        ).on_failure(self._failed).start()

    def edit_chosen(self) -> None:
        entry = self.chosen()
        if entry is not None:
            self.form.edit(entry)
            self.form.symptom_combo.setFocus()

    def delete_chosen(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        session = self._session
        if self.form.editing is not None and self.form.editing.id == entry.id:
            self.form.clear()
        WriteOp(self, session, lambda: service.delete_entry(session, entry.id)).on_success(
            self.undo_bar.show_deleted
        ).on_failure(self._failed).start()

    def undo_delete(self, snapshot_id: int) -> None:
        """Bring the entry back, and choose it again once the table has it."""
        session = self._session
        WriteOp(self, session, lambda: undo_delete(session, snapshot_id)).on_success(
            self._restored
        ).on_failure(self._failed).start()

    def _restored(self, entry_id: int) -> None:
        self._pending_selection = entry_id
        if self.select_entry(entry_id):
            self._pending_selection = None
