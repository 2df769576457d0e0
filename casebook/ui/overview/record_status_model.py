"""Each kind of record with its status and how many files it holds, as a Qt table for the
Overview. Missing and requested records are in bold and carry a symbol, never colour alone.

Refilled in place: while the kinds are the same, a new read repaints the rows instead of
rebuilding them, so what is selected and scrolled stays.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from casebook.core.model import RecordKind, SlotStatus
from casebook.services.overview import SlotSummary
from casebook.ui.common.labels import slot_kind_label, slot_status_label, slot_status_symbol

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `SlotSummary` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""Kinds in catalogue order, statuses missing first, counts as numbers."""

_OPEN = (SlotStatus.MISSING, SlotStatus.REQUESTED)
_KIND_ORDER = {kind: position for position, kind in enumerate(RecordKind)}
_STATUS_ORDER = {status: position for position, status in enumerate(SlotStatus)}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class StatusColumn(enum.IntEnum):
    RECORD = 0
    STATUS = 1
    FILES = 2


class RecordStatusModel(QAbstractTableModel):
    """One row per kind of record, in the order the Overview read them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[SlotSummary] = []

    def set_entries(self, summaries: Sequence[SlotSummary]) -> None:
        """Show these; rows that only changed their status or count are repainted in place."""
        summaries = list(summaries)
        if [entry.kind for entry in summaries] != [entry.kind for entry in self._entries]:
            self.beginResetModel()
            self._entries = summaries
            self.endResetModel()
            return
        for row, summary in enumerate(summaries):
            if summary != self._entries[row]:
                self._entries[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, StatusColumn.FILES))

    def entries(self) -> list[SlotSummary]:
        return list(self._entries)

    def row_of(self, kind: RecordKind) -> int | None:
        for row, summary in enumerate(self._entries):
            if summary.kind is kind:
                return row
        return None

    # Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StatusColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(StatusColumn):
            return None
        column = StatusColumn(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is StatusColumn.FILES:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            StatusColumn.RECORD: self.tr("Record"),
            StatusColumn.STATUS: self.tr("Status"),
            StatusColumn.FILES: self.tr("Files"),
        }[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Asked thousands of times while the Overview is laid out (its columns fit their
        # contents): only what the role and column ask for is worked out.
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        summary = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == StatusColumn.RECORD:
                return slot_kind_label(summary.kind)
            if column == StatusColumn.STATUS:
                return f"{slot_status_symbol(summary.status)}  {slot_status_label(summary.status)}"
            return str(summary.document_count)
        if role == ObjectRole:
            return summary
        if role == SortRole:
            if column == StatusColumn.RECORD:
                return _KIND_ORDER[summary.kind]
            if column == StatusColumn.STATUS:
                return _STATUS_ORDER[summary.status]
            return summary.document_count
        if role == Qt.ItemDataRole.TextAlignmentRole and column == StatusColumn.FILES:
            return _RIGHT
        if (
            role == Qt.ItemDataRole.FontRole
            and column == StatusColumn.STATUS
            and summary.status in _OPEN
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None
