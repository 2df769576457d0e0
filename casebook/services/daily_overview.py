"""What the Overview shows of the week-to-week records: the next appointment, requests to
chase, current medicines and allergies. Read in one transaction, derived every time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casebook.core.appointments import Appointment, next_appointment
from casebook.services import contacts as contacts_service
from casebook.services.appointments.appointments import load_appointments_view
from casebook.services.binder.session import BinderSession
from casebook.services.medicines.medicines import load_medicine_list
from casebook.services.medicines.printing import medicine_name


@dataclass(frozen=True)
class DailyOverview:
    next_appointment: Appointment | None
    next_with: str  # the contact's name, if the appointment names one
    requests_to_chase: int
    medicines: tuple[str, ...]  # current ones, named in `language`
    allergies: tuple[str, ...]


def load_daily_overview(session: BinderSession, now: datetime, language: str) -> DailyOverview:
    """`now` is local wall-clock time; `language` ("en" or "zh") names the medicines."""
    with session.reading():
        appointments = load_appointments_view(session)
        medicines = load_medicine_list(session)
        chase = contacts_service.requests_to_chase(session, now.date())
    coming = next_appointment(appointments.appointments, now)
    contact = appointments.contact(coming.contact_id) if coming is not None else None
    return DailyOverview(
        coming,
        contact.name if contact is not None else "",
        len(chase),
        tuple(medicine_name(m.current, m.lexicon_key, (language,)) for m in medicines.current),
        tuple(a.substance for a in medicines.allergies),
    )
