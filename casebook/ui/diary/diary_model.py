"""Diary entries as a table (date, what, how bad, since, what helped), newest first, with the
DiaryEntry at `EntryRole` and a sort key at `EntrySortRole`."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import Qt

from casebook.core.diary import DiaryEntry
from casebook.core.model import PartialDate
from casebook.ui.common.labels import format_partial_date
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.diary.words import severity_label, severity_marks, symptom_text

EntryRole = ObjectRole
EntrySortRole = SortRole


class EntryColumn(enum.IntEnum):
    DATE = 0
    SYMPTOM = 1
    SEVERITY = 2
    SINCE = 3
    HELPED = 4


class DiaryModel(ObjectRowsModel[DiaryEntry]):
    def set_entries(self, entries: Sequence[DiaryEntry]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> DiaryEntry:
        return self.object_at(row)

    def column_count(self) -> int:
        return len(EntryColumn)

    def header_text(self, column: int) -> str | None:
        return {
            EntryColumn.DATE: self.tr("Date"),
            EntryColumn.SYMPTOM: self.tr("What"),
            EntryColumn.SEVERITY: self.tr("How bad"),
            EntryColumn.SINCE: self.tr("Since"),
            EntryColumn.HELPED: self.tr("What helped"),
        }[EntryColumn(column)]

    def row_data(self, entry: DiaryEntry, index: AnyIndex, role: int) -> object:
        column = EntryColumn(index.column())
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
