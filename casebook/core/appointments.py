"""Appointments: consultations, scans, treatments, tests and record pick-ups still to come.

Each has a day (and a time, when known), a place and a contact, what to bring, and when to be
reminded. Times are the family's local wall-clock times. Which appointment is next and which
reminders are due are computed from the list and the current time, which the caller passes
in (so tests use a fixed clock). Plain data and rules; no I/O.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from casebook.core.errors import InvalidInput

ALL_DAY_REMINDER_HOUR = time(8, 0)
"""An appointment without a time is treated as starting at 8:00 for its reminder."""

REMIND_CHOICES = (None, 60, 180, 24 * 60, 2 * 24 * 60, 7 * 24 * 60)
"""Minutes before the start; None is no reminder."""


class AppointmentKind(enum.Enum):
    """Values are stable identifiers stored in the binder."""

    CONSULTATION = "consultation"
    SCAN = "scan"
    TREATMENT = "treatment"
    TESTS = "tests"  # blood tests and other tests
    RECORD_PICKUP = "record_pickup"  # collecting copies of records, a CD of the scans
    OTHER = "other"


class Bring(enum.Enum):
    """What to take along; the first three are what Casebook can print or point to."""

    QUESTIONS = "questions"  # the questions list
    DOCUMENTS = "documents"
    IMAGING_CD = "imaging_cd"
    MEDICINES = "medicines"  # the current medicine list
    ID = "id"  # identity and insurance cards


class AppointmentStatus(enum.Enum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Appointment:
    """One appointment. `id` is 0 and `uid` empty until the binder stores it."""

    kind: AppointmentKind
    title: str
    on_date: date
    at_time: time | None = None  # None: the time is not known (or it lasts the day)
    duration_minutes: int = 60
    place: str = ""
    contact_id: int | None = None
    consultation_id: int | None = None  # the consultation whose questions to bring
    bring: tuple[Bring, ...] = ()
    bring_note: str = ""
    remind_minutes: int | None = 24 * 60
    status: AppointmentStatus = AppointmentStatus.PLANNED
    notes: str = ""
    id: int = 0
    uid: str = ""  # stays the same for the appointment's life: calendars update, not duplicate

    @property
    def starts_at(self) -> datetime:
        """Local wall-clock start (8:00 when there is no time, for reminders and ordering)."""
        return datetime.combine(self.on_date, self.at_time or ALL_DAY_REMINDER_HOUR)

    @property
    def ends_at(self) -> datetime:
        """When it is over: its start plus its length, or the end of the day without a time."""
        if self.at_time is None:
            return datetime.combine(self.on_date + timedelta(days=1), time(0, 0))
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def start_key(self) -> str:
        """The start as text, to remember which start a reminder was seen for."""
        return self.starts_at.isoformat(timespec="minutes")

    @property
    def reminder_at(self) -> datetime | None:
        if self.remind_minutes is None:
            return None
        return self.starts_at - timedelta(minutes=self.remind_minutes)

    def validate(self) -> None:
        if not self.title.strip():
            raise InvalidInput("title", "empty")
        if self.duration_minutes <= 0:
            raise InvalidInput("duration_minutes", "not positive")
        if self.remind_minutes is not None and self.remind_minutes < 0:
            raise InvalidInput("remind_minutes", "negative")

    def is_upcoming(self, now: datetime) -> bool:
        return self.status is AppointmentStatus.PLANNED and self.ends_at > now


def upcoming(appointments: Iterable[Appointment], now: datetime) -> list[Appointment]:
    """Planned appointments not over yet, soonest first."""
    return sorted(
        (a for a in appointments if a.is_upcoming(now)), key=lambda a: (a.starts_at, a.id)
    )


def next_appointment(appointments: Iterable[Appointment], now: datetime) -> Appointment | None:
    coming = upcoming(appointments, now)
    return coming[0] if coming else None


def due_reminders(
    appointments: Sequence[Appointment], now: datetime, seen: set[tuple[int, str]]
) -> list[Appointment]:
    """Appointments whose reminder time has come, that are not over, and whose reminder the
    family has not yet seen for this start (moving an appointment reminds again)."""
    due = []
    for appointment in upcoming(appointments, now):
        remind = appointment.reminder_at
        if remind is None or remind > now:
            continue
        if (appointment.id, appointment.start_key) in seen:
            continue
        due.append(appointment)
    return due


def next_reminder_after(appointments: Sequence[Appointment], now: datetime) -> datetime | None:
    """When the next reminder falls due (so a watcher can wait for exactly that moment)."""
    times = [
        a.reminder_at
        for a in upcoming(appointments, now)
        if a.reminder_at is not None and a.reminder_at > now
    ]
    return min(times, default=None)
