"""Adding or changing an appointment: what, when, where, with whom, what to bring, reminder.

The dialog only edits; the page saves and closes it when the save worked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.core.appointments import REMIND_CHOICES, Appointment, AppointmentKind, Bring
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact
from casebook.core.errors import InvalidInput
from casebook.ui.appointments.words import bring_label, kind_label, reminder_label
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout
from casebook.ui.contacts.contact_picker import ContactPicker


class AppointmentDialog(QDialog):
    save_requested = Signal(object)  # Appointment

    def __init__(
        self,
        appointment: Appointment | None,
        contacts: Sequence[Contact],
        consultations: Sequence[Consultation],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointment_dialog")
        self.setWindowTitle(self.tr("Appointment") if appointment else self.tr("New appointment"))
        self._original = appointment
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("appointment_kind_combo")
        for kind in AppointmentKind:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("appointment_title_edit")
        self.title_edit.setPlaceholderText(self.tr("e.g. CT scan of the chest"))
        self.date_edit = PartialDateEdit(whole_day=True)
        self.date_edit.setObjectName("appointment_date_edit")
        self.date_edit.text_edit.setAccessibleName(self.tr("Day"))
        self.date_edit.set_day(today)
        self.time_check = QCheckBox(self.tr("at"))
        self.time_check.setObjectName("appointment_time_check")
        self.time_check.setAccessibleName(self.tr("The time is known"))
        self.time_edit = QTimeEdit(QTime(9, 0))
        self.time_edit.setObjectName("appointment_time_edit")
        self.time_edit.setAccessibleName(self.tr("Time"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        self.time_check.setChecked(True)
        self.duration_spin = QSpinBox()
        self.duration_spin.setObjectName("appointment_duration_spin")
        self.duration_spin.setAccessibleName(self.tr("How long, in minutes"))
        self.duration_spin.setRange(5, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(60)
        self.duration_spin.setSuffix(self.tr(" min"))
        when = QHBoxLayout()  # the day has a row of its own: its line goes under it
        when.addWidget(self.time_check)
        when.addWidget(self.time_edit)
        when.addWidget(self.duration_spin)
        when.addStretch(1)
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("appointment_place_edit")
        self.place_edit.setPlaceholderText(self.tr("e.g. Radiology, building 3"))
        self.contact_picker = ContactPicker(contacts)
        self.contact_picker.setObjectName("appointment_contact_picker")
        self.consultation_combo = QComboBox()
        self.consultation_combo.setObjectName("appointment_consultation_combo")
        self.consultation_combo.addItem(self.tr("— none —"), None)
        for consultation in consultations:
            label = consultation.title
            if consultation.held_on:
                label += f" ({consultation.held_on})"
            self.consultation_combo.addItem(label, consultation.id)
        self.bring_checks: dict[Bring, QCheckBox] = {}
        bring = QGridLayout()
        for index, item in enumerate(Bring):
            check = QCheckBox(bring_label(item))
            check.setObjectName(f"bring_{item.value}_check")
            self.bring_checks[item] = check
            bring.addWidget(check, index // 3, index % 3)
        self.bring_note_edit = QLineEdit()
        self.bring_note_edit.setObjectName("appointment_bring_note_edit")
        self.bring_note_edit.setPlaceholderText(self.tr("anything else to bring"))
        self.bring_note_edit.setAccessibleName(self.tr("Anything else to bring"))
        bring.addWidget(self.bring_note_edit, 2, 0, 1, 3)
        self.reminder_combo = QComboBox()
        self.reminder_combo.setObjectName("appointment_reminder_combo")
        for minutes in REMIND_CHOICES:
            self.reminder_combo.addItem(reminder_label(minutes), minutes)
        self.reminder_combo.setCurrentIndex(self.reminder_combo.findData(24 * 60))
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("appointment_notes_edit")
        self.notes_edit.setPlaceholderText(self.tr("e.g. nothing to eat for 4 hours before"))
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("What"), self.title_edit)
        form.addRow(self.tr("When"), self.date_edit)
        form.addRow("", when)
        form.addRow(self.tr("Where"), self.place_edit)
        form.addRow(self.tr("With whom"), self.contact_picker)
        form.addRow(self.tr("Questions from"), self.consultation_combo)
        form.addRow(self.tr("Bring"), bring)
        form.addRow(self.tr("Remind me"), self.reminder_combo)
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        # A long form scrolls on a small screen; the message and the buttons stay in view.
        layout = QVBoxLayout(self)
        # As wide as its rows need: the things to bring are never cut off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(scrolling_layout(form), 1)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        fit_form_to_screen(self)
        if appointment is not None:
            self.show_appointment(appointment)
        self.kind_combo.setFocus()  # opens on its first field

    def show_appointment(self, appointment: Appointment) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(appointment.kind))
        self.title_edit.setText(appointment.title)
        self.date_edit.set_day(appointment.on_date)
        self.time_check.setChecked(appointment.at_time is not None)
        if appointment.at_time is not None:
            self.time_edit.setTime(QTime(appointment.at_time.hour, appointment.at_time.minute))
        self.duration_spin.setValue(appointment.duration_minutes)
        self.place_edit.setText(appointment.place)
        self.contact_picker.set_contact_id(appointment.contact_id)
        index = self.consultation_combo.findData(appointment.consultation_id)
        self.consultation_combo.setCurrentIndex(max(index, 0))
        for item, check in self.bring_checks.items():
            check.setChecked(item in appointment.bring)
        self.bring_note_edit.setText(appointment.bring_note)
        self.reminder_combo.setCurrentIndex(
            max(self.reminder_combo.findData(appointment.remind_minutes), 0)
        )
        self.notes_edit.setText(appointment.notes)

    def edited(self) -> Appointment:
        """The appointment as typed (raises ValueError while the day is not a day)."""
        day = self.date_edit.day()
        if day is None:
            raise ValueError("no day")
        clock = self.time_edit.time()
        edited = Appointment(
            kind=self.kind_combo.currentData(),
            title=self.title_edit.text().strip(),
            on_date=day,
            at_time=time(clock.hour(), clock.minute()) if self.time_check.isChecked() else None,
            duration_minutes=self.duration_spin.value(),
            place=self.place_edit.text().strip(),
            contact_id=self.contact_picker.contact_id(),
            consultation_id=self.consultation_combo.currentData(),
            bring=tuple(item for item, check in self.bring_checks.items() if check.isChecked()),
            bring_note=self.bring_note_edit.text().strip(),
            remind_minutes=self.reminder_combo.currentData(),
            notes=self.notes_edit.text().strip(),
        )
        original = self._original
        if original is None:
            return edited
        return replace(edited, id=original.id, uid=original.uid, status=original.status)

    def _save(self) -> None:
        unclear = first_date_problem(self.date_edit)
        if unclear is not None:
            self.error_bar.show_error(unclear)
            return
        appointment = self.edited()
        try:
            appointment.validate()
        except InvalidInput as problem:
            self.show_problem(problem)
            return
        self.save_requested.emit(appointment)

    def show_problem(self, problem: InvalidInput) -> None:
        if problem.field_name == "title":
            self.error_bar.show_error(self.tr("Please say what the appointment is for."))
            self.title_edit.setFocus()
        else:
            self.error_bar.show_error(self.tr("This appointment could not be saved."))
