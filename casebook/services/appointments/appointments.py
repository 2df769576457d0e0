"""Appointments: keeping them, what is next, and which reminders are due now.

"Now" is always passed in by the caller (the app's clock, or a fixed one in tests), so that
reminders can be tested without waiting. A reminder the family has seen is remembered inside
the binder for that start time; moving the appointment reminds again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from casebook.core.appointments import (
    Appointment,
    AppointmentStatus,
    due_reminders,
    next_reminder_after,
    upcoming,
)
from casebook.core.changes import Changed
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact
from casebook.core.errors import InvalidInput
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.undo import Deleted, Undoable
from casebook.services.undo import delete_if_there as _delete
from casebook.store import appointments as store
from casebook.store import consultations as consultation_store
from casebook.store import contacts as contact_store


def list_appointments(session: BinderSession) -> list[Appointment]:
    with session.reading() as db:
        return store.list_appointments(db)


def get_appointment(session: BinderSession, appointment_id: int) -> Appointment | None:
    with session.reading() as db:
        return store.get_appointment(db, appointment_id)


def save_appointment(session: BinderSession, appointment: Appointment) -> int:
    """Add the appointment (id 0) or change it; returns its id."""
    appointment.validate()
    ids = [appointment.id] if appointment.id else None
    with session.writing(Changed.APPOINTMENTS, ids=ids) as db:
        if appointment.contact_id is not None and (
            contact_store.get_contact(db, appointment.contact_id) is None
        ):
            raise InvalidInput("contact", "no longer in the binder")
        if appointment.id == 0:
            return store.add_appointment(db, appointment, timestamp())
        if not store.update_appointment(db, appointment, timestamp()):
            raise InvalidInput("appointment", "no longer in the binder")
        return appointment.id


def set_status(session: BinderSession, appointment_id: int, status: AppointmentStatus) -> None:
    """Mark an appointment done or cancelled (or planned again), re-read inside the write."""
    with session.writing(Changed.APPOINTMENTS, ids=[appointment_id]) as db:
        appointment = store.get_appointment(db, appointment_id)
        if appointment is None:
            raise InvalidInput("appointment", "no longer in the binder")
        store.update_appointment(db, replace(appointment, status=status), timestamp())


def delete_appointment(session: BinderSession, appointment_id: int) -> Deleted | None:
    """Delete it, keeping a snapshot so it can be brought back (None when it was gone)."""
    return _delete(session, Undoable.APPOINTMENT, appointment_id)


def upcoming_appointments(session: BinderSession, now: datetime) -> list[Appointment]:
    return upcoming(list_appointments(session), now)


@dataclass(frozen=True)
class Reminders:
    """The reminders due at `now`, and when the next one falls due (None: none planned)."""

    due: tuple[Appointment, ...]
    next_at: datetime | None


def reminders(session: BinderSession, now: datetime) -> Reminders:
    with session.reading() as db:
        appointments = store.list_appointments(db)
        seen = store.reminders_seen(db)
    return Reminders(
        tuple(due_reminders(appointments, now, seen)), next_reminder_after(appointments, now)
    )


def mark_reminder_seen(session: BinderSession, appointment_id: int, for_start: str) -> None:
    with session.writing(Changed.APPOINTMENTS, ids=[appointment_id]) as db:
        if store.get_appointment(db, appointment_id) is not None:
            store.mark_reminder_seen(db, appointment_id, for_start, timestamp())


@dataclass(frozen=True)
class AppointmentsView:
    """What the Appointments page shows: every appointment and what it can be linked to."""

    appointments: tuple[Appointment, ...]
    contacts: tuple[Contact, ...]
    consultations: tuple[Consultation, ...]

    def contact(self, contact_id: int | None) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def consultation(self, consultation_id: int | None) -> Consultation | None:
        return next((c for c in self.consultations if c.id == consultation_id), None)


def load_appointments_view(session: BinderSession) -> AppointmentsView:
    with session.reading() as db:
        return AppointmentsView(
            tuple(store.list_appointments(db)),
            tuple(contact_store.list_contacts(db)),
            tuple(consultation_store.list_consultations(db)),
        )
