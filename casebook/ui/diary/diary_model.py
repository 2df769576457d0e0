"""Diary entries as a table (date, what, how bad, since, what helped), newest first, with the
DiaryEntry at `EntryRole` and a sort key at `EntrySortRole`."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casebook.core.diary import DiaryEntry
from casebook.core.model import PartialDate
from casebook.ui.common.labels import format_partial_date
from casebook.ui.diary.words import severity_label, severity_marks, symptom_text

EntryRole = Qt.ItemDataRole.UserRole + 1
EntrySortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class EntryColumn(enum.IntEnum):
    DATE = 0
    SYMPTOM = 1
    SEVERITY = 2
    SINCE = 3
    HELPED = 4


class DiaryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[DiaryEntry] = []

    def set_entries(self, entries: Sequence[DiaryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> DiaryEntry:
        return self._entries[row]

    def row_of(self, entry_id: int) -> int | None:
        return next((r for r, e in enumerate(self._entries) if e.id == entry_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EntryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(EntryColumn):
            return None
        return {
            EntryColumn.DATE: self.tr("Date"),
            EntryColumn.SYMPTOM: self.tr("What"),
            EntryColumn.SEVERITY: self.tr("How bad"),
            EntryColumn.SINCE: self.tr("Since"),
            EntryColumn.HELPED: self.tr("What helped"),
        }[EntryColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = EntryColumn(index.column())
        if role == EntryRole:
            return entry
        if role == EntrySortRole:
            if column == EntryColumn.DATE:
                return f"{entry.noted_on.isoformat()} {entry.id:09d}"
            if column == EntryColumn.SEVERITY:
                return entry.severity.rank
            if column == EntryColumn.SINCE:
                return entry.since.iso() if entry.since else ""
            return self._text(entry, column).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == EntryColumn.SYMPTOM and entry.notes:
            return entry.notes
        return None

    def _text(self, entry: DiaryEntry, column: EntryColumn) -> str:
        if column == EntryColumn.DATE:
            day = entry.noted_on
            return format_partial_date(PartialDate(day.year, day.month, day.day))
        if column == EntryColumn.SYMPTOM:
            text = symptom_text(entry.symptom_key, entry.symptom)
            return f"{text} — {entry.notes}" if entry.notes else text
        if column == EntryColumn.SEVERITY:
            return f"{severity_marks(entry.severity)}  {severity_label(entry.severity)}"
        if column == EntryColumn.SINCE:
            return format_partial_date(entry.since)
        return entry.helped
