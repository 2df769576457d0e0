"""The editable list view of the timeline: date, event and details, in timeline order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from casebook.core.timeline import TimelineEvent
from casebook.ui.timeline.labels import details_text, event_heading, kind_label, when_text


class TimelineListView(QTreeWidget):
    """One row per event; double-click or Enter opens it (`event_activated(id)`)."""

    event_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_list")
        self.setAccessibleName(self.tr("Timeline events, as a list"))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Event"), self.tr("Details")]
        )
        self.setStyleSheet("QTreeWidget::item { padding: 6px 6px; }")
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.itemActivated.connect(self._activated)
        # Rows grow to fit wrapped details when a column changes width.
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def show_events(self, events: Sequence[TimelineEvent], line_numbers: dict[int, int]) -> None:
        selected = self.selected_event_id()
        self.clear()
        for event in events:
            item = QTreeWidgetItem(
                [
                    when_text(event),
                    kind_label(event.kind),
                    event_heading(event, line_numbers.get(event.id)),
                    details_text(event),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            item.setToolTip(2, event.description or event.title)
            item.setToolTip(3, item.text(3))
            self.addTopLevelItem(item)
            if event.id == selected:
                self.setCurrentItem(item)
        self.setColumnWidth(2, 260)

    def selected_event_id(self) -> int | None:
        item = self.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if value is not None:
            self.event_activated.emit(int(value))
