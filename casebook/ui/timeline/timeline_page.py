"""The Timeline: the story of the illness as a picture and as a list, with the gaps an MDT will
ask about, events suggested from the records, and "where are we now".

Reads run on the reader lane, every write on the writer lane; the page reloads after each.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.decision_moment import DecisionMoment
from casebook.core.timeline import TimelineEvent
from casebook.core.timeline_suggestions import TimelineSuggestion
from casebook.services import clock
from casebook.services import timeline as timeline_service
from casebook.services.binder.session import BinderSession
from casebook.services.timeline import TimelineState
from casebook.services.undo import Deleted, Undoable, delete_with_undo, undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.pdf_output import PdfOutput, PrintControls
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.timeline.chart_view import TimelineChartView
from casebook.ui.timeline.event_dialog import EventDialog
from casebook.ui.timeline.event_list import TimelineListView
from casebook.ui.timeline.labels import event_line
from casebook.ui.timeline.layout import ChartData, chart_data
from casebook.ui.timeline.moment_box import DecisionMomentBox
from casebook.ui.timeline.printing import timeline_pdf
from casebook.ui.timeline.side_panels import GapsPanel, SuggestionsPanel

# The events, the decision moment, and the documents and scans whose dates it suggests.
_SHOWN = (Changed.TIMELINE, Changed.CASE, Changed.DOCUMENTS, Changed.IMAGING)


class TimelinePage(QWidget):
    """`TimelinePage(session, parent)`; call `stop_work()` before the session closes."""

    loaded = Signal()
    saved = Signal()

    def __init__(
        self,
        session: BinderSession,
        parent: QWidget | None = None,
        today: Callable[[], date] = clock.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_page")
        self._session = session
        self.state: TimelineState | None = None
        self.chart: ChartData | None = None
        self.event_dialog: EventDialog | None = None

        heading = QLabel(self.tr("Timeline"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "The story of the illness as the MDT will read it. Dates can be just a year, "
                "or a month and a year."
            )
        )
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)

        self.add_button = self._button(self.tr("Add event…"), "primary_button", self.add_event)
        self.edit_button = self._button(self.tr("Edit…"), "edit_event_button", self._edit_current)
        self.delete_button = self._button(self.tr("Delete"), "delete_event_button", self._delete)
        self.zoom_out_button = self._button(self.tr("Zoom out"), "zoom_out_button", self._zoom_out)
        self.zoom_in_button = self._button(self.tr("Zoom in"), "zoom_in_button", self._zoom_in)
        self.fit_button = self._button(self.tr("Fit"), "fit_button", self._fit)
        self.print_controls = PrintControls(self.tr("the timeline"), "timeline", languages=None)
        self.print_button = self.print_controls.print_button
        actions = QHBoxLayout()
        actions.setSpacing(10)
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(self.print_controls)

        self.error_bar = MessageBar()
        self.pdf = PdfOutput(
            self, self.error_bar, self._timeline_pdf_job(today), self.tr("Timeline.pdf"), session
        )
        self.pdf.serve(self.print_controls)
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.chart_view = TimelineChartView()
        self.chart_view.event_activated.connect(self.edit_event)
        self.chart_view.zoom_changed.connect(self._update_buttons)
        self.list_view = TimelineListView()
        self.list_view.event_activated.connect(self.edit_event)
        self.list_view.current_changed.connect(self._update_buttons)
        self.empty_label = QLabel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("timeline_tabs")
        self.tabs.addTab(self.chart_view, self.tr("Picture"))
        self.tabs.addTab(self.list_view, self.tr("List"))
        self.tabs.currentChanged.connect(self._update_buttons)

        self.moment_box = DecisionMomentBox()
        self.moment_box.moment_chosen.connect(self.set_decision_moment)
        self.gaps_panel = GapsPanel()
        self.suggestions_panel = SuggestionsPanel()
        self.suggestions_panel.accept_requested.connect(self.accept_suggestion)
        self.suggestions_panel.dismiss_requested.connect(self.dismiss_suggestion)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 12, 12)
        side_layout.setSpacing(22)
        side_layout.addWidget(self.moment_box)
        side_layout.addWidget(self.gaps_panel)
        side_layout.addWidget(self.suggestions_panel)
        side_layout.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setObjectName("timeline_side")
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(400)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([880, 420])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(actions)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(splitter, 1)
        self._update_buttons()
        self._reader = LatestRead(
            self, lambda: timeline_service.load_timeline(session), self.show_state, self._on_failed
        )
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- running work ----------------------------------------------------------------------

    def stop_work(self) -> None:
        """Close the event dialog (the binder is about to lock)."""
        if self.event_dialog is not None:
            self.event_dialog.reject()

    def _on_failed(self, failure: TaskFailure) -> None:
        self.error_bar.show_failure(failure)

    def _write(self, job: Callable[[], object]) -> None:
        WriteOp(self, self._session, job).on_success(lambda _r: self.saved.emit()).on_failure(
            self._on_failed
        ).start()

    @Slot()
    def reload(self) -> None:
        self._reader.start()

    def show_state(self, state: TimelineState) -> None:
        self.state = state
        self.error_bar.clear()
        events = {event.id: event for event in state.events}
        line_label = self.tr("Line {number} · {title}")
        self.chart = chart_data(
            state.events, state.line_numbers, clock.today(), line_label, QLocale().name()
        )
        self.chart_view.set_data(self.chart)
        self.list_view.show_events(state.events, state.line_numbers)
        self.moment_box.set_moment(state.decision_moment)
        self.gaps_panel.show_gaps(state.gaps, events)
        self.suggestions_panel.show_suggestions(state.suggestions)
        self._update_buttons()
        self.loaded.emit()

    @Slot()
    def _update_buttons(self) -> None:
        on_list = self.tabs.currentWidget() is self.list_view
        selected = self.list_view.selected_event_id() is not None
        self.edit_button.setVisible(on_list)
        self.delete_button.setVisible(on_list)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setVisible(not on_list)
        self.zoom_in_button.setEnabled(self.chart_view.can_zoom_in())
        self.zoom_out_button.setEnabled(self.chart_view.can_zoom_out())
        self.fit_button.setEnabled(self.chart_view.can_zoom_out())
        self.print_controls.setEnabled(self.state is not None)

    # --- events -----------------------------------------------------------------------------

    @Slot()
    def add_event(self) -> None:
        self._open_dialog(None, None)

    @Slot(int)
    def edit_event(self, event_id: int) -> None:
        if self.state is None:
            return
        found = [event for event in self.state.events if event.id == event_id]
        if found:
            self._open_dialog(found[0], None)

    @Slot()
    def _edit_current(self) -> None:
        event_id = self.list_view.selected_event_id()
        if event_id is not None:
            self.edit_event(event_id)

    @Slot(object)
    def accept_suggestion(self, suggestion: TimelineSuggestion) -> None:
        """Open the proposed event in the dialog; saving it adds it to the timeline."""
        self._open_dialog(suggestion.event, suggestion)

    def _open_dialog(
        self, event: TimelineEvent | None, suggestion: TimelineSuggestion | None
    ) -> None:
        if self.state is None or self.event_dialog is not None:
            return
        dialog = EventDialog(self.state, event, self)
        self.event_dialog = dialog
        session = self._session

        def accepted() -> None:
            edited = dialog.edited_event()
            if suggestion is not None:
                self._write(lambda: timeline_service.accept_suggestion(session, suggestion, edited))
            else:
                self._write(lambda: timeline_service.save_event(session, edited))

        def closed() -> None:
            self.event_dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(closed)
        dialog.open()

    @Slot(object)
    def dismiss_suggestion(self, suggestion: TimelineSuggestion) -> None:
        session = self._session
        self._write(lambda: timeline_service.dismiss_suggestion(session, suggestion))

    @Slot()
    def _delete(self) -> None:
        event_id = self.list_view.selected_event_id()
        if event_id is None:
            return
        self.delete_event(event_id)  # no "Are you sure?": the bar offers Undo instead

    def delete_event(self, event_id: int) -> None:
        session = self._session
        kind = Undoable.TIMELINE_EVENT
        WriteOp(self, session, lambda: delete_with_undo(session, kind, event_id)).on_success(
            self._deleted
        ).on_failure(self._on_failed).start()

    def _deleted(self, deleted: Deleted) -> None:
        self.undo_bar.show_deleted(deleted)
        self.saved.emit()

    @Slot(int)
    def undo_delete(self, snapshot_id: int) -> None:
        session = self._session
        self._write(lambda: undo_delete(session, snapshot_id))

    @Slot(object)
    def set_decision_moment(self, moment: DecisionMoment | None) -> None:
        session = self._session
        self._write(lambda: timeline_service.save_decision_moment(session, moment))

    # --- zoom and print ---------------------------------------------------------------------

    @Slot()
    def _zoom_in(self) -> None:
        self.chart_view.zoom_in()

    @Slot()
    def _zoom_out(self) -> None:
        self.chart_view.zoom_out()

    @Slot()
    def _fit(self) -> None:
        self.chart_view.fit()

    def _timeline_pdf_job(self, today: Callable[[], date]) -> Callable[[str], Callable[[], bytes]]:
        """The printout of what the page shows now, in the interface's language (the events
        are in the family's own words)."""

        def job(_language: str) -> Callable[[], bytes]:
            state, chart = self.state, self.chart
            if state is None or chart is None:
                raise RuntimeError("the timeline was printed before it was read")
            numbers = state.line_numbers
            lines = [event_line(event, numbers.get(event.id)) for event in state.events]
            heading, day = self.tr("Timeline"), today()
            return lambda: timeline_pdf(heading, chart, lines, day)

        return job
