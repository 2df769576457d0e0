"""The consultations as a Qt list: date · title · doctor, newest first as the service orders.

A model so that a change announced by a write (a consultation renamed, one deleted, one
undone) repaints the list, and the page keeps the chosen consultation by its id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from casebook.core.consultations import Consultation
from casebook.ui.common.labels import format_date_text
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["ConsultationsModel", "ObjectRole", "SortRole"]


class ConsultationsModel(ObjectRowsModel[Consultation]):
    """One row per consultation. ObjectRole: the `Consultation`; SortRole: when it was held
    (undated last), then its title."""

    def set_consultations(self, consultations: Sequence[Consultation]) -> None:
        self.set_rows(consultations)

    def row_data(self, consultation: Consultation, index: AnyIndex, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [format_date_text(consultation.held_on, self.tr("no date")), consultation.title]
            if consultation.doctor:
                parts.append(consultation.doctor)
            return " · ".join(parts)
        if role == SortRole:
            return f"{consultation.held_on or '~'} {consultation.title.casefold()}"
        return None
