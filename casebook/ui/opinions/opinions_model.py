"""The recorded opinions as a Qt list the family ticks (two to four, to compare).

A model rather than a filled-in list so that a change announced elsewhere (an opinion edited,
one removed) repaints the rows and keeps the ticks, which belong to opinions, not to rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Qt, Signal

from casebook.core.opinions import Opinion
from casebook.ui.common.labels import format_partial_date
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.opinions.labels import source_kind_label

__all__ = ["ObjectRole", "OpinionsModel", "SortRole"]


class OpinionsModel(ObjectRowsModel[Opinion]):
    """One checkable row per opinion: its name, then where and when it was given. ObjectRole:
    the `Opinion`; SortRole: when it was given (undated last), then its name."""

    ticks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticked: set[int] = set()

    def set_opinions(self, opinions: Sequence[Opinion]) -> None:
        """Show these opinions; ticks stay on the opinions still there."""
        present = {o.id for o in opinions if o.id is not None}
        dropped = self._ticked - present
        self._ticked &= present
        self.set_rows(opinions)
        if dropped:
            self.ticks_changed.emit()

    def ticked_ids(self) -> list[int]:
        """The ticked opinions' ids, in the order of the list."""
        return [o.id for o in self._rows if o.id is not None and o.id in self._ticked]

    def tick(self, opinion_ids: Iterable[int]) -> None:
        """Tick exactly these opinions."""
        self._ticked = {o.id for o in self._rows if o.id is not None} & set(opinion_ids)
        if self._rows:
            last = self.index(len(self._rows) - 1)
            self.dataChanged.emit(self.index(0), last, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    # Qt model API --------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def row_data(self, opinion: Opinion, index: AnyIndex, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            details = [
                source_kind_label(opinion.source_kind),
                opinion.institution,
                opinion.country,
                format_partial_date(opinion.given_on, self.tr("no date")),
            ]
            return f"{opinion.label}\n{' · '.join(d for d in details if d)}"
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = opinion.id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == SortRole:
            given = opinion.given_on.iso() if opinion.given_on else "~"
            return f"{given} {opinion.label.casefold()}"
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        opinion_id = self._rows[index.row()].id
        if opinion_id is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self._ticked.add(opinion_id)
        else:
            self._ticked.discard(opinion_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True
