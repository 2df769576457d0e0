"""Appointments as a table (when, what, kind, where and with whom, what to bring), with the
Appointment at `AppointmentRole`, a sort key at `AppointmentSortRole`, and a filter that shows
the upcoming ones or all of them; and the requests for records still to chase."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from casebook.core.appointments import Appointment, AppointmentStatus
from casebook.core.contacts import Contact, RecordRequest
from casebook.core.model import PartialDate
from casebook.services import clock
from casebook.ui.appointments.words import bring_label, kind_label, list_separator, status_label
from casebook.ui.common.labels import format_partial_date, slot_kind_label

AppointmentRole = Qt.ItemDataRole.UserRole + 1
AppointmentSortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def when_text(appointment: Appointment) -> str:
    """ "5 Dec 2026, 10:30" in the interface locale (the day alone without a time)."""
    day = appointment.on_date
    text = format_partial_date(PartialDate(day.year, day.month, day.day))
    if appointment.at_time is not None:
        text += ", " + appointment.at_time.strftime("%H:%M")
    return text


class AppointmentColumn(enum.IntEnum):
    WHEN = 0
    TITLE = 1
    KIND = 2
    WHERE = 3
    BRING = 4


class AppointmentsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._appointments: list[Appointment] = []
        self._contacts: dict[int, Contact] = {}

    def set_entries(self, appointments: Sequence[Appointment], contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._appointments = list(appointments)
        self._contacts = {c.id: c for c in contacts}
        self.endResetModel()

    def appointment(self, row: int) -> Appointment:
        return self._appointments[row]

    def row_of(self, appointment_id: int) -> int | None:
        return next((r for r, a in enumerate(self._appointments) if a.id == appointment_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._appointments)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AppointmentColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(AppointmentColumn):
            return None
        return {
            AppointmentColumn.WHEN: self.tr("When"),
            AppointmentColumn.TITLE: self.tr("What"),
            AppointmentColumn.KIND: self.tr("Kind"),
            AppointmentColumn.WHERE: self.tr("Where and with whom"),
            AppointmentColumn.BRING: self.tr("Bring"),
        }[AppointmentColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._appointments):
            return None
        appointment = self._appointments[index.row()]
        column = AppointmentColumn(index.column())
        if role == AppointmentRole:
            return appointment
        if role == AppointmentSortRole:
            if column == AppointmentColumn.WHEN:
                return appointment.starts_at.isoformat()
            return self._text(appointment, column).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(appointment, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(appointment, column) or None
        if role == Qt.ItemDataRole.FontRole and appointment.status is AppointmentStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _text(self, appointment: Appointment, column: AppointmentColumn) -> str:
        if column == AppointmentColumn.WHEN:
            return when_text(appointment)
        if column == AppointmentColumn.TITLE:
            if appointment.status is AppointmentStatus.PLANNED:
                return appointment.title
            return f"{appointment.title} ({status_label(appointment.status)})"
        if column == AppointmentColumn.KIND:
            return kind_label(appointment.kind)
        if column == AppointmentColumn.WHERE:
            contact = self._contacts.get(appointment.contact_id or 0)
            parts = [appointment.place, contact.name if contact else ""]
            return " · ".join(part for part in parts if part)
        items = [bring_label(item) for item in appointment.bring]
        if appointment.bring_note:
            items.append(appointment.bring_note)
        return list_separator().join(items)


class UpcomingFilter(QSortFilterProxyModel):
    """Planned appointments not over at `now`, unless `show_all` is on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._now = clock.local_now()
        self._show_all = False
        self.setSortRole(AppointmentSortRole)

    def set_now(self, now: datetime) -> None:
        self.beginFilterChange()
        self._now = now
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_all(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_all = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._show_all:
            return True
        model = self.sourceModel()
        appointment = model.data(model.index(source_row, 0, source_parent), AppointmentRole)
        return isinstance(appointment, Appointment) and appointment.is_upcoming(self._now)


class RequestColumn(enum.IntEnum):
    RECORD = 0
    ASKED = 1
    CHASE = 2


class RequestsModel(QAbstractTableModel):
    """Records asked for and not yet received: from whom, and when to chase them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._requests: list[RecordRequest] = []
        self._today = clock.today()

    def set_entries(self, requests: Sequence[RecordRequest], today: date) -> None:
        self.beginResetModel()
        self._requests = list(requests)
        self._today = today
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._requests)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RequestColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(RequestColumn):
            return None
        return {
            RequestColumn.RECORD: self.tr("Record asked for"),
            RequestColumn.ASKED: self.tr("Asked whom"),
            RequestColumn.CHASE: self.tr("Chase"),
        }[RequestColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._requests):
            return None
        request = self._requests[index.row()]
        column = RequestColumn(index.column())
        if role == AppointmentRole:
            return request
        if role == AppointmentSortRole:
            chase = request.chase_from
            return (
                chase.isoformat()
                if column == RequestColumn.CHASE and chase
                else (self.data(index).casefold())
            )
        if role == Qt.ItemDataRole.FontRole and request.due(self._today):
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == RequestColumn.RECORD:
            return slot_kind_label(request.kind)
        if column == RequestColumn.ASKED:
            return request.contact_label or "—"
        chase = request.chase_from
        if chase is None:
            return self.tr("no date set")
        if request.due(self._today):
            return self.tr("Now (since {date})").format(
                date=format_partial_date(PartialDate(chase.year, chase.month, chase.day))
            )
        return self.tr("from {date}").format(
            date=format_partial_date(PartialDate(chase.year, chase.month, chase.day))
        )
