"""The editable list view of the timeline: date, event and details, in timeline order.

The rows come from `TimelineEventsModel`, so a change announced by a write repaints them and
the chosen event stays chosen by its id.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from casebook.core.timeline import TimelineEvent
from casebook.ui.common.look import look_as
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.timeline.labels import details_text, event_heading, kind_label, when_text

__all__ = ["EventColumn", "ObjectRole", "SortRole", "TimelineEventsModel", "TimelineListView"]


class EventColumn(enum.IntEnum):
    WHEN = 0
    WHAT = 1
    EVENT = 2
    DETAILS = 3


class TimelineEventsModel(ObjectRowsModel[TimelineEvent]):
    """One row per event, in timeline order; treatment lines carry their number.

    ObjectRole: the `TimelineEvent`; SortRole: the row's place in the timeline (the service's
    order: by date, then by kind)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._line_numbers: dict[int, int] = {}

    def set_events(self, events: Sequence[TimelineEvent], line_numbers: Mapping[int, int]) -> None:
        self._line_numbers = dict(line_numbers)
        self.set_rows(events)

    def column_count(self) -> int:
        return len(EventColumn)

    def header_text(self, column: int) -> str | None:
        return {
            EventColumn.WHEN: self.tr("When"),
            EventColumn.WHAT: self.tr("What"),
            EventColumn.EVENT: self.tr("Event"),
            EventColumn.DETAILS: self.tr("Details"),
        }[EventColumn(column)]

    def row_data(self, event: TimelineEvent, index: AnyIndex, role: int) -> object:
        column = EventColumn(index.column())
        if role == SortRole:
            return index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(event, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is EventColumn.EVENT:
            return event.description or event.title
        if role == Qt.ItemDataRole.ToolTipRole and column is EventColumn.DETAILS:
            return details_text(event)
        return None

    def _text(self, event: TimelineEvent, column: EventColumn) -> str:
        if column is EventColumn.WHEN:
            return when_text(event)
        if column is EventColumn.WHAT:
            return kind_label(event.kind)
        if column is EventColumn.EVENT:
            return event_heading(event, self._line_numbers.get(event.id))
        return details_text(event)


class TimelineListView(QTreeView):
    """One row per event; double-click or Enter opens it (`event_activated(id)`);
    `current_changed` when another event is chosen."""

    event_activated = Signal(int)
    current_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_list")
        self.setAccessibleName(self.tr("Timeline events, as a list"))
        self.events_model = TimelineEventsModel(self)
        self.setModel(self.events_model)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        look_as(self, rows="spaced")
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(EventColumn.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EventColumn.WHAT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EventColumn.EVENT, QHeaderView.ResizeMode.Interactive)
        self.activated.connect(self._activated)
        self.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit())
        # Rows grow to fit wrapped details when a column changes width.
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def show_events(self, events: Sequence[TimelineEvent], line_numbers: dict[int, int]) -> None:
        selected = self.selected_event_id()
        self.events_model.set_events(events, line_numbers)
        row = self.events_model.row_of(selected)
        if row is not None:
            self.select_row(row)
        self.setColumnWidth(EventColumn.EVENT, 260)
        self.current_changed.emit()

    def select_row(self, row: int) -> None:
        """Choose the event in `row` (as a click would)."""
        self.setCurrentIndex(self.events_model.index(row, EventColumn.WHEN))

    def selected_event_id(self) -> int | None:
        event = self.currentIndex().data(ObjectRole)
        return event.id if isinstance(event, TimelineEvent) else None

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        event = index.data(ObjectRole)
        if isinstance(event, TimelineEvent):
            self.event_activated.emit(event.id)
