"""A medicine's history: every saved version, newest first, with what each one changed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.contacts import Contact
from casebook.core.medicines import Medicine, MedicineDetails, Route, StopReason
from casebook.core.model import PartialDate
from casebook.core.timeline import TimelineEvent
from casebook.ui.common.labels import format_partial_date
from casebook.ui.medicines.medicine_models import HistoryColumn, HistoryModel
from casebook.ui.medicines.words import route_label, stop_reason_label


class HistoryDialog(QDialog):
    def __init__(
        self,
        medicine: Medicine,
        name: str,
        contacts: Sequence[Contact],
        treatments: Sequence[TimelineEvent],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("medicine_history_dialog")
        self.setWindowTitle(self.tr("History of {name}").format(name=name))
        self.resize(760, 420)
        by_contact = {c.id: c.name for c in contacts}
        by_event = {e.id: e.title for e in treatments}

        def describe(field: str, details: MedicineDetails) -> str:
            value = getattr(details, field)
            if isinstance(value, PartialDate):
                return format_partial_date(value)
            if isinstance(value, Route):
                return route_label(value) if value.value else ""
            if isinstance(value, StopReason):
                return stop_reason_label(value) if value.value else ""
            if field == "prescriber_id":
                return by_contact.get(value or 0, "")
            if field == "timeline_event_id":
                return by_event.get(value or 0, "")
            return "" if value is None else str(value)

        intro = QLabel(
            self.tr("Each change was saved as a new version; nothing earlier was overwritten.")
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.model = HistoryModel(self)
        self.model.set_history(medicine.history, describe)
        self.view = QTableView()
        self.view.setObjectName("medicine_history_view")
        self.view.setAccessibleName(self.tr("Versions of this medicine"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryColumn.CHANGES, QHeaderView.ResizeMode.Stretch)
        self.view.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
