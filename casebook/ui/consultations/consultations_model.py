"""The consultations as a Qt list: date · title · doctor, newest first as the service orders.

A model so that a change announced by a write (a consultation renamed, one deleted, one
undone) repaints the list, and the page keeps the chosen consultation by its id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from casebook.core.consultations import Consultation
from casebook.ui.common.labels import format_date_text

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `Consultation` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""When it was held (undated last), then its title."""


class ConsultationsModel(QAbstractListModel):
    """One row per consultation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._consultations: list[Consultation] = []

    def set_consultations(self, consultations: Sequence[Consultation]) -> None:
        self.beginResetModel()
        self._consultations = list(consultations)
        self.endResetModel()

    def consultation_at(self, row: int) -> Consultation:
        return self._consultations[row]

    def row_of(self, consultation_id: int | None) -> int | None:
        return next((r for r, c in enumerate(self._consultations) if c.id == consultation_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._consultations)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._consultations):
            return None
        consultation = self._consultations[index.row()]
        if role == ObjectRole:
            return consultation
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [format_date_text(consultation.held_on, self.tr("no date")), consultation.title]
            if consultation.doctor:
                parts.append(consultation.doctor)
            return " · ".join(parts)
        if role == SortRole:
            return f"{consultation.held_on or '~'} {consultation.title.casefold()}"
        return None
