"""The medicine page's lists as models: medicines, allergies, suggestions and one medicine's
history. Each has an object role and a sort role; the medicines are filtered (current only,
or stopped ones too) by `CurrentMedicinesFilter`."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from casebook.core.contacts import Contact
from casebook.core.medicines import (
    Allergy,
    AllergyKind,
    Medicine,
    MedicineVersion,
    Severity,
    changed_fields,
)
from casebook.services.medicines.printing import medicine_name
from casebook.services.medicines.suggestions import MedicineSuggestion
from casebook.ui.common.labels import (
    format_date_text,
    format_partial_date,
    format_timestamp,
    ui_language,
)
from casebook.ui.medicines.words import (
    allergy_kind_label,
    field_label,
    route_label,
    severity_label,
)

ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def display_language() -> tuple[str, ...]:
    """A medicine's generic name is shown in the interface language where the lexicon has it."""
    return ("zh",) if ui_language().startswith("zh") else ("en",)


class _Table(QAbstractTableModel):
    """Rows of one kind of object; subclasses name the columns and say what each shows."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_entries(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def titles(self) -> list[str]:
        raise NotImplementedError

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        return self.text(row, column).casefold()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == SortRole:
            return self.sort_key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(row, index.column()) or None
        return None


class MedicineColumn(enum.IntEnum):
    NAME = 0
    DOSE = 1
    FREQUENCY = 2
    ROUTE = 3
    STARTED = 4
    PURPOSE = 5
    PRESCRIBER = 6
    STATUS = 7


class MedicinesModel(_Table):
    columns = tuple(c.name for c in MedicineColumn)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._contacts: dict[int, Contact] = {}

    def set_medicines(self, medicines: Sequence[Medicine], contacts: Sequence[Contact]) -> None:
        self._contacts = {c.id: c for c in contacts}
        self.set_entries(medicines)

    def row_of(self, medicine_id: int) -> int | None:
        return next((r for r, m in enumerate(self._rows) if m.id == medicine_id), None)

    def titles(self) -> list[str]:
        return [
            self.tr("Medicine"),
            self.tr("Dose"),
            self.tr("How often"),
            self.tr("How taken"),
            self.tr("Since"),
            self.tr("For"),
            self.tr("Prescribed by"),
            self.tr("Status"),
        ]

    def text(self, row: Any, column: int) -> str:
        medicine: Medicine = row
        details = medicine.current
        which = MedicineColumn(column)
        if which == MedicineColumn.NAME:
            return medicine_name(details, medicine.lexicon_key, display_language())
        if which == MedicineColumn.DOSE:
            return details.dose
        if which == MedicineColumn.FREQUENCY:
            return details.frequency
        if which == MedicineColumn.ROUTE:
            return route_label(details.route) if details.route.value else ""
        if which == MedicineColumn.STARTED:
            return format_partial_date(details.started_on)
        if which == MedicineColumn.PURPOSE:
            return details.purpose
        if which == MedicineColumn.PRESCRIBER:
            contact = self._contacts.get(details.prescriber_id or 0)
            return contact.name if contact else ""
        if details.stopped_on is None:
            return self.tr("Current")
        return self.tr("Stopped {date}").format(date=format_partial_date(details.stopped_on))

    def sort_key(self, row: Any, column: int) -> Any:
        medicine: Medicine = row
        if column == MedicineColumn.STARTED:
            started = medicine.current.started_on
            return started.iso() if started else ""
        if column == MedicineColumn.STATUS:
            stopped = medicine.current.stopped_on
            return "" if stopped is None else stopped.iso()
        return super().sort_key(row, column)


class CurrentMedicinesFilter(QSortFilterProxyModel):
    """Current medicines only, unless `show_stopped` is on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._show_stopped = False
        self.setSortRole(SortRole)

    def set_show_stopped(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_stopped = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._show_stopped:
            return True
        model = self.sourceModel()
        medicine = model.data(model.index(source_row, 0, source_parent), ObjectRole)
        return isinstance(medicine, Medicine) and medicine.is_current


class AllergyColumn(enum.IntEnum):
    SUBSTANCE = 0
    KIND = 1
    REACTION = 2
    SEVERITY = 3


class AllergiesModel(_Table):
    columns = tuple(c.name for c in AllergyColumn)

    def titles(self) -> list[str]:
        return [self.tr("To what"), self.tr("Kind"), self.tr("What happened"), self.tr("How bad")]

    def text(self, row: Any, column: int) -> str:
        allergy: Allergy = row
        which = AllergyColumn(column)
        if which == AllergyColumn.SUBSTANCE:
            return allergy.substance
        if which == AllergyColumn.KIND:
            return allergy_kind_label(allergy.kind)
        if which == AllergyColumn.REACTION:
            return allergy.reaction
        if allergy.severity is Severity.NOT_STATED:
            return ""
        return severity_label(allergy.severity)

    def sort_key(self, row: Any, column: int) -> Any:
        allergy: Allergy = row
        if column == AllergyColumn.SEVERITY:
            return list(Severity).index(allergy.severity)
        if column == AllergyColumn.KIND:
            return allergy.kind is AllergyKind.REACTION
        return super().sort_key(row, column)


class SuggestionColumn(enum.IntEnum):
    NAME = 0
    FOUND = 1
    DOCUMENT = 2


class SuggestionsModel(_Table):
    columns = tuple(c.name for c in SuggestionColumn)

    def titles(self) -> list[str]:
        return [self.tr("Medicine"), self.tr("As the document says it"), self.tr("Found in")]

    def text(self, row: Any, column: int) -> str:
        suggestion: MedicineSuggestion = row
        which = SuggestionColumn(column)
        if which == SuggestionColumn.NAME:
            return medicine_name(suggestion.details(), suggestion.key, display_language())
        if which == SuggestionColumn.FOUND:
            return suggestion.mention.line
        found_in = f"{suggestion.document_title} ({format_date_text(suggestion.document_date)})"
        others = len(suggestion.document_ids) - 1
        if others > 0:
            found_in += " " + self.tr("and {count} more").format(count=others)
        return found_in


class HistoryColumn(enum.IntEnum):
    VERSION = 0
    SAVED = 1
    CHANGES = 2


class HistoryModel(_Table):
    """One medicine's versions, newest first, each with what it changed."""

    columns = tuple(c.name for c in HistoryColumn)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._describe: Any = None

    def set_history(self, history: Sequence[MedicineVersion], describe: Any) -> None:
        """`describe(field, details)` words one field's value (the dialog knows contacts)."""
        self._describe = describe
        pairs = []
        for index, version in enumerate(history):
            before = history[index - 1].details if index else None
            # Numbered by place in the history: versions saved on several of the family's
            # computers are numbered in the order each copy received them, but listed (and so
            # numbered here) the same way everywhere.
            pairs.append((replace(version, version=index + 1), before))
        self.set_entries(list(reversed(pairs)))

    def titles(self) -> list[str]:
        return [self.tr("Version"), self.tr("Saved"), self.tr("What changed")]

    def text(self, row: Any, column: int) -> str:
        version, before = row
        which = HistoryColumn(column)
        if which == HistoryColumn.VERSION:
            return str(version.version)
        if which == HistoryColumn.SAVED:
            return format_timestamp(version.saved_at)
        if before is None:
            return self.tr("First written down")
        lines = []
        for name in changed_fields(before, version.details):
            old = self._describe(name, before) if self._describe else ""
            new = self._describe(name, version.details) if self._describe else ""
            lines.append(f"{field_label(name)}: {old or '—'} → {new or '—'}")
        return "\n".join(lines) or self.tr("No change")

    def sort_key(self, row: Any, column: int) -> Any:
        return row[0].version
