"""A `Comparison` as a Qt table: one row per topic, one column per opinion, and a last column
for the family's mark (filled by `MarkDelegate`'s editor in the view).

A model so that saving a mark, or an opinion edited elsewhere, repaints the cells in place:
the same opinions and topics keep their rows, their mark editors and the scroll position.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from casebook.core.opinions import (
    Comparison,
    ComparisonRow,
    FieldValue,
    Mark,
    Opinion,
    OpinionField,
    SourceKind,
    TreatmentIntent,
)
from casebook.ui.common.labels import format_partial_date
from casebook.ui.common.look import current_colours, qcolor
from casebook.ui.opinions.labels import field_label, intent_label, mark_label, not_stated_label

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `ComparisonRow` of a row (every column)."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The topic's place in the opinion form: the comparison keeps the form's order."""

HEADER_WRAP = 30
"""Characters per line of an opinion's institution in the column header."""
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_FIELD_ORDER = {which: position for position, which in enumerate(OpinionField)}


class ComparisonModel(QAbstractTableModel):
    """Topic, one column per opinion, then "Same or different?"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show `comparison`; the same opinions and topics are updated in place."""
        before = self._comparison
        same_shape = (
            before is not None
            and comparison is not None
            and [o.id for o in before.opinions] == [o.id for o in comparison.opinions]
            and [r.field for r in before.rows] == [r.field for r in comparison.rows]
        )
        if not same_shape:
            self.beginResetModel()
            self._comparison = comparison
            self.endResetModel()
            return
        self._comparison = comparison
        if self.rowCount() > 0:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    @property
    def mark_column(self) -> int:
        return self.columnCount() - 1

    def row_of(self, which: OpinionField) -> int | None:
        rows = self._comparison.rows if self._comparison is not None else ()
        return next((n for n, row in enumerate(rows) if row.field is which), None)

    # Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.opinions) + 2

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid() or self._comparison is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        row = self._comparison.rows[index.row()]
        if index.column() == self.mark_column and row.mark is not Mark.NONE_SAY:
            flags |= Qt.ItemFlag.ItemIsEditable  # the family's mark, in the delegate's editor
        return flags

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        comparison = self._comparison
        if orientation != Qt.Orientation.Horizontal or comparison is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Topic")
        if section == self.mark_column:
            return self.tr("Same or different?")
        return self._header_text(comparison.opinions[section - 1])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        comparison = self._comparison
        if comparison is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(comparison.rows):
            return None
        row = comparison.rows[index.row()]
        column = index.column()
        if role == ObjectRole:
            return row
        if role == SortRole:
            return _FIELD_ORDER[row.field]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        if column == 0:
            return self._topic_data(row, role)
        if column == self.mark_column:
            return self._mark_data(row, role)
        return self._value_data(row, row.values[column - 1], role)

    # Cells ---------------------------------------------------------------------------------

    def _topic_data(self, row: ComparisonRow, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return field_label(row.field)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return self._tint(row, role)

    def _mark_data(self, row: ComparisonRow, role: int) -> object:
        if row.mark is Mark.NONE_SAY:
            if role == Qt.ItemDataRole.DisplayRole:
                return mark_label(Mark.NONE_SAY)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(qcolor(current_colours().hint))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return mark_label(row.mark)
        return None

    def _value_data(self, row: ComparisonRow, value: FieldValue, role: int) -> object:
        text = self._value_text(row.field, value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text or "—"
        if role == Qt.ItemDataRole.FontRole and value.not_stated:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (value.not_stated or not text):
            return QBrush(qcolor(current_colours().hint))
        return self._tint(row, role)

    @staticmethod
    def _tint(row: ComparisonRow, role: int) -> object:
        """Rows that differ are tinted; the tint only repeats what the mark column says."""
        if row.mark is not Mark.DIFFER:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(qcolor(current_colours().differ_tint))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(qcolor(current_colours().differ_text))  # readable in the dark scheme too
        return None

    @staticmethod
    def _value_text(which: OpinionField, value: FieldValue) -> str:
        if value.not_stated:
            return not_stated_label()
        text = value.text.strip()
        if which is OpinionField.TREATMENT_INTENT and text:
            known = {i.value: i for i in TreatmentIntent}
            return intent_label(known[text]) if text in known else text
        return text

    def _header_text(self, opinion: Opinion) -> str:
        """Name, then institution (wrapped: headers do not wrap by themselves), then the rest."""
        lines = [opinion.label]
        if opinion.source_kind is SourceKind.MDT:
            lines.append(self.tr("Team (MDT)"))
        if opinion.institution:
            lines += textwrap.wrap(opinion.institution, HEADER_WRAP) or [opinion.institution]
        rest = [opinion.country, format_partial_date(opinion.given_on)]
        if any(rest):
            lines.append(" · ".join(x for x in rest if x))
        return "\n".join(lines)
