"""The editable list view of the timeline: date, event and details, in timeline order.

The rows come from `TimelineEventsModel`, so a change announced by a write repaints them and
the chosen event stays chosen by its id.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from casebook.core.timeline import TimelineEvent
from casebook.ui.common.look import look_as
from casebook.ui.timeline.labels import details_text, event_heading, kind_label, when_text

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `TimelineEvent` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The row's place in the timeline (the service's order: by date, then by kind)."""


class EventColumn(enum.IntEnum):
    WHEN = 0
    WHAT = 1
    EVENT = 2
    DETAILS = 3


class TimelineEventsModel(QAbstractTableModel):
    """One row per event, in timeline order; treatment lines carry their number."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[TimelineEvent] = []
        self._line_numbers: dict[int, int] = {}

    def set_events(self, events: Sequence[TimelineEvent], line_numbers: Mapping[int, int]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._line_numbers = dict(line_numbers)
        self.endResetModel()

    def row_of(self, event_id: int | None) -> int | None:
        return next((r for r, e in enumerate(self._events) if e.id == event_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EventColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(EventColumn):
            return None
        return {
            EventColumn.WHEN: self.tr("When"),
            EventColumn.WHAT: self.tr("What"),
            EventColumn.EVENT: self.tr("Event"),
            EventColumn.DETAILS: self.tr("Details"),
        }[EventColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = EventColumn(index.column())
        if role == ObjectRole:
            return event
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
