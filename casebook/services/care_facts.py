"""What the week-to-week records add to the case at a glance: current medicines, allergies,
key contacts and the next appointment, read from the binder at the moment of printing or
sealing (derived every time, never stored).

Key contacts are the ones the family marked "show on the case at a glance"; when none is
marked, those the current care names (the next appointment's contact, the prescribers of
current medicines), then doctors.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from casebook.bundle.case_facts import CareAppointment, CareContact, CareFacts, CareMedicine
from casebook.core.appointments import next_appointment
from casebook.core.contacts import Contact, ContactKind
from casebook.services.appointments.appointments import load_appointments_view
from casebook.services.binder.session import BinderSession
from casebook.services.medicines.medicines import load_medicine_list
from casebook.services.medicines.printing import generic_name

MOST_CONTACTS = 6


def key_contacts(contacts: tuple[Contact, ...], named: list[int | None]) -> tuple[CareContact, ...]:
    """The contacts the family marked; else those the current care names, then doctors."""
    chosen = [c for c in contacts if c.key_contact]
    if not chosen:
        by_id = {c.id: c for c in contacts}
        chosen = [by_id[i] for i in dict.fromkeys(named) if i is not None and i in by_id]
        chosen += [c for c in contacts if c.kind is ContactKind.DOCTOR and c not in chosen]
    return tuple(CareContact(c.label, c.role, c.phone) for c in chosen[:MOST_CONTACTS])


def care_facts(session: BinderSession, now: datetime) -> CareFacts:
    """The facts at `now` (local wall-clock time), read in one transaction."""
    with session.reading():
        medicines = load_medicine_list(session)
        appointments = load_appointments_view(session)
    coming = next_appointment(appointments.appointments, now)
    named = [m.current.prescriber_id for m in medicines.current]
    next_visit = None
    if coming is not None:
        named.insert(0, coming.contact_id)
        contact = appointments.contact(coming.contact_id)
        next_visit = CareAppointment(
            coming.kind,
            coming.title,
            coming.on_date,
            coming.at_time,
            coming.place or (contact.address if contact else ""),
            contact.label if contact else "",
        )
    return CareFacts(
        medicines=tuple(
            CareMedicine(
                generic_name(m.current, m.lexicon_key, "en"),
                generic_name(m.current, m.lexicon_key, "zh"),
                m.current.brand_name,
                m.current.dose,
                m.current.frequency,
                m.current.route,
            )
            for m in medicines.current
        ),
        allergies=medicines.allergies,
        key_contacts=key_contacts(medicines.contacts, named),
        next_appointment=next_visit,
        kept=bool(medicines.medicines or medicines.allergies),
    )


def anonymous_care(care: CareFacts) -> CareFacts:
    """The care facts a de-identified bundle may show: medicines and allergies only. The
    family's doctors, hospitals and the date of the next visit would point back to the patient
    (the bundle shifts every other date), so they stay home."""
    return replace(care, key_contacts=(), next_appointment=None)
