"""Appointments: what is coming, what to bring, reminders, the phone's calendar, and the
requests for records that are due to be chased.

The page owns the reminder watcher (it lives as long as the binder is unlocked) and shows due
reminders in a small window that does not block the app. Times come from an injected clock,
so tests move time instead of waiting. Reads follow the change signal; writes use `WriteOp`.
Deleting asks nothing: the page says what went and offers Undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.appointments import Appointment, AppointmentStatus
from casebook.core.changes import Changed
from casebook.core.contacts import RecordRequest
from casebook.core.errors import InvalidInput
from casebook.services import contacts as contacts_service
from casebook.services.appointments import appointments as service
from casebook.services.appointments.appointments import AppointmentsView
from casebook.services.binder.session import BinderSession
from casebook.services.undo import undo_delete
from casebook.ui.appointments.appointment_dialog import AppointmentDialog
from casebook.ui.appointments.appointments_model import (
    AppointmentColumn,
    AppointmentRole,
    AppointmentsModel,
    UpcomingFilter,
)
from casebook.ui.appointments.reminders import (
    Clock,
    ReminderBox,
    ReminderWatcher,
    local_now,
    mark_seen,
)
from casebook.ui.appointments.requests_panel import RequestsPanel
from casebook.ui.common import file_dialogs
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.message_line import message_line
from casebook.ui.common.object_rows import select_source_row
from casebook.ui.common.ops import LatestRead, ReadOp, WriteOp
from casebook.ui.common.pdf_output import PRINT_LANGUAGES, default_print_language
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar

_SHOWN = (
    Changed.APPOINTMENTS,
    Changed.CONTACTS,
    Changed.CONSULTATIONS,
    Changed.SLOTS,
    Changed.DOCUMENTS,
    Changed.IMAGING,
)


@dataclass(frozen=True)
class _Read:
    view: AppointmentsView
    requests: tuple[RecordRequest, ...]


def _button(text: str, name: str, accessible: str, slot: Callable[[], Any]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.clicked.connect(slot)
    return button


class AppointmentsPage(QWidget):
    open_requested = Signal()  # a reminder asks for this page

    def __init__(
        self, session: BinderSession, clock: Clock = local_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointments_page")
        self._session = session
        self._clock = clock
        self.view_read: AppointmentsView | None = None
        self.dialog: AppointmentDialog | None = None
        self.calendar_saved: Path | None = None
        self._pending_selection: int | None = None

        heading = QLabel(self.tr("Appointments"))
        heading.setProperty("role", "heading")
        hint = QLabel(
            self.tr(
                "Consultations, scans, treatments and record pick-ups still to come, with what"
                " to bring. Casebook reminds you while it is open, and can put them in your"
                " phone's calendar."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.setObjectName("appointments_undo_bar")
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.new_button = _button(
            self.tr("New appointment…"), "primary_button", self.tr("Add an appointment"),
            lambda: self.open_editor(None),
        )  # fmt: skip
        self.edit_button = _button(
            self.tr("Edit…"), "edit_appointment_button", self.tr("Edit the appointment"),
            self._edit_chosen,
        )  # fmt: skip
        self.done_button = _button(
            self.tr("Done"), "appointment_done_button", self.tr("Mark the appointment as done"),
            lambda: self._set_status(AppointmentStatus.DONE),
        )  # fmt: skip
        self.cancel_button = _button(
            self.tr("Cancelled"), "appointment_cancel_button",
            self.tr("Mark the appointment as cancelled"),
            lambda: self._set_status(AppointmentStatus.CANCELLED),
        )  # fmt: skip
        self.delete_button = _button(
            self.tr("Delete"), "delete_appointment_button", self.tr("Delete the appointment"),
            self.delete_chosen,
        )  # fmt: skip
        self.show_all = QCheckBox(self.tr("Show past and cancelled"))
        self.show_all.setObjectName("show_all_appointments_check")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.done_button,
                       self.cancel_button, self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_all)

        self.model = AppointmentsModel(self)
        self.filter = UpcomingFilter(self)
        self.filter.setSourceModel(self.model)
        self.show_all.toggled.connect(self.filter.set_show_all)
        self.table = QTableView()
        self.table.setObjectName("appointments_view")
        self.table.setAccessibleName(self.tr("Appointments"))
        self.table.setModel(self.filter)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AppointmentColumn.WHEN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AppointmentColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AppointmentColumn.WHERE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._edit_chosen())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty_label = QLabel(self.tr("No appointments to come. Add one with New appointment…"))
        self.empty_label.setProperty("role", "hint")

        calendar_label = QLabel(self.tr("Phone calendar (.ics):"))
        self.calendar_language = QComboBox()
        self.calendar_language.setObjectName("calendar_language_combo")
        self.calendar_language.setAccessibleName(self.tr("Language of the calendar file"))
        for code, name in PRINT_LANGUAGES:
            self.calendar_language.addItem(name, code)
        self.calendar_language.setCurrentIndex(default_print_language())
        self.one_calendar_button = _button(
            self.tr("This appointment…"), "calendar_one_button",
            self.tr("Save the chosen appointment as a calendar file"),
            lambda: self.save_calendar(chosen_only=True),
        )  # fmt: skip
        self.all_calendar_button = _button(
            self.tr("All upcoming…"), "calendar_all_button",
            self.tr("Save every upcoming appointment as a calendar file"),
            lambda: self.save_calendar(chosen_only=False),
        )  # fmt: skip
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(calendar_label)
        calendar_row.addWidget(self.calendar_language)
        calendar_row.addWidget(self.one_calendar_button)
        calendar_row.addWidget(self.all_calendar_button)
        calendar_row.addStretch(1)

        self.requests = RequestsPanel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 20)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(message_line(self.error_bar, self.undo_bar))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(calendar_row)
        layout.addSpacing(6)
        layout.addWidget(self.requests)

        self._reader = LatestRead(self, self._read, self.show_read, self._failed)
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reminder_box: ReminderBox | None = None
        self.watcher = ReminderWatcher(session, clock, self)
        self.watcher.due.connect(self.show_reminders)
        self.watcher.check_now()
        self.reload()

    # Reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._reader.start()

    def _read(self) -> _Read:
        return _Read(
            service.load_appointments_view(self._session),
            tuple(contacts_service.open_requests(self._session)),
        )

    def _failed(self, failure: TaskFailure) -> None:
        if not self._session.closed:
            self.error_bar.show_failure(failure)

    def show_read(self, read: _Read) -> None:
        chosen = self.chosen()
        now = self._clock()
        self.view_read = read.view
        self.filter.set_now(now)
        self.model.set_entries(read.view.appointments, read.view.contacts)
        self.empty_label.setVisible(self.filter.rowCount() == 0)
        self.requests.show_requests(read.requests, now.date())
        pending = self._pending_selection
        wanted = pending or (chosen.id if chosen is not None else None)
        if wanted is not None and self.model.row_of(wanted) is not None:
            self._pending_selection = None
            self.select_appointment(wanted, reveal=pending is not None)
        self._update_buttons()

    def select_appointment(self, appointment_id: int, reveal: bool = False) -> None:
        """Choose the appointment; `reveal` shows past and cancelled ones when it is one."""
        widen = (lambda: self.show_all.setChecked(True)) if reveal else None
        row = self.model.row_of(appointment_id)
        select_source_row(self.table, self.filter, self.model, row, widen)

    def chosen(self) -> Appointment | None:
        rows = self.table.selectionModel().selectedRows()
        appointment = rows[0].data(AppointmentRole) if rows else None
        return appointment if isinstance(appointment, Appointment) else None

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        for button in (self.edit_button, self.done_button, self.cancel_button,
                       self.delete_button, self.one_calendar_button):  # fmt: skip
            button.setEnabled(chosen is not None)

    # Writing --------------------------------------------------------------------------------

    def open_editor(self, appointment: Appointment | None) -> AppointmentDialog:
        view = self.view_read
        dialog = AppointmentDialog(
            appointment,
            view.contacts if view else (),
            view.consultations if view else (),
            self._clock().date(),
            self,
        )
        dialog.save_requested.connect(self._save)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edit_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_editor(chosen)

    def _save(self, appointment: Appointment) -> None:
        session, dialog = self._session, self.dialog

        def failed(failure: TaskFailure) -> None:
            if dialog is not None and isinstance(failure.error, InvalidInput):
                dialog.show_problem(failure.error)
            else:
                self._failed(failure)

        WriteOp(self, session, lambda: service.save_appointment(session, appointment)).on_success(
            lambda _id: dialog.accept() if dialog is not None else None
        ).on_failure(failed).start()

    def _set_status(self, status: AppointmentStatus) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        session = self._session
        WriteOp(self, session, lambda: service.set_status(session, chosen.id, status)).on_failure(
            self._failed
        ).start()

    def delete_chosen(self) -> None:
        """Delete at once (to keep it in the list, mark it Done or Cancelled); Undo brings it
        back."""
        chosen = self.chosen()
        if chosen is not None:
            self.delete_appointment(chosen.id)

    def delete_appointment(self, appointment_id: int) -> None:
        session = self._session
        WriteOp(
            self, session, lambda: service.delete_appointment(session, appointment_id)
        ).on_success(self.undo_bar.show_deleted).on_failure(self._failed).start()

    def undo_delete(self, snapshot_id: int) -> None:
        """Bring the appointment back, and choose it again once the list has it."""
        session = self._session
        WriteOp(self, session, lambda: undo_delete(session, snapshot_id)).on_success(
            self._restored
        ).on_failure(self._failed).start()

    def _restored(self, appointment_id: int) -> None:
        self._pending_selection = appointment_id
        if self.model.row_of(appointment_id) is not None:
            self._pending_selection = None
            self.select_appointment(appointment_id, reveal=True)

    # Calendar -------------------------------------------------------------------------------

    def save_calendar(self, chosen_only: bool, target: Path | None = None) -> None:
        """Save one appointment (the chosen one) or all upcoming ones as an .ics file."""
        chosen = self.chosen() if chosen_only else None
        if chosen_only and chosen is None:
            return
        if target is None:
            name = chosen.title if chosen is not None else self.tr("Appointments")
            file_name, _filter = file_dialogs.get_save_file_name(
                self,
                self.tr("Save for the phone's calendar"),
                str(Path.home() / f"{name}.ics"),
                self.tr("Calendar files (*.ics)"),
            )
            if not file_name:
                return
            target = Path(file_name)
        session, language, now = self._session, self.calendar_language.currentData(), self._clock()
        appointment_id = chosen.id if chosen is not None else None
        path = target

        def write() -> int:
            # Loaded here, off the GUI thread: icalendar took 70 ms of the page's first show.
            from casebook.services.appointments.calendar import export_calendar

            data, count = export_calendar(session, language, now, appointment_id)
            path.write_bytes(data)
            return count

        ReadOp(self, write).on_success(lambda count: self._calendar_saved(path, count)).on_failure(
            self._failed
        ).start()

    def _calendar_saved(self, path: Path, count: int) -> None:
        self.calendar_saved = path
        one, many = (
            self.tr(
                "Saved {name} ({count} appointment). Open it on the phone, or send it to"
                " yourself by e-mail, to add it to the calendar."
            ),
            self.tr(
                "Saved {name} ({count} appointments). Open it on the phone, or send it to"
                " yourself by e-mail, to add it to the calendar."
            ),
        )
        saved = one if count == 1 else many
        self.error_bar.show_message(saved.format(name=path.name, count=count))

    # Reminders ------------------------------------------------------------------------------

    def show_reminders(self, appointments: Sequence[Appointment]) -> ReminderBox:
        box = self.reminder_box
        if box is None:
            # A window of its own, owned by the page: locking the binder destroys the page and
            # with it any reminder still on screen.
            box = ReminderBox(self)
            box.open_requested.connect(self.open_requested)
            box.seen.connect(lambda seen: mark_seen(self, self._session, seen))
            self.reminder_box = box
        box.show_reminders(appointments)
        return box
