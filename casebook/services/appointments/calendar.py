"""Appointments as an iCalendar file (RFC 5545) for the phone's calendar, made with `icalendar`.

One appointment or all upcoming ones, in English, Chinese or both. Each event keeps the
appointment's own UID, so importing a newer file updates the phone's copy instead of adding a
second one. Timed appointments are written in UTC (converted from the family's local time on
that day), so every calendar shows them at the right moment; appointments without a time are
whole-day events. A reminder becomes an alarm. The patient's name is not written: the file is
for a phone, and says only where to be, when, and what to bring.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from casebook import __version__
from casebook.bundle.printed_words import languages_of, word, words
from casebook.core.appointments import Appointment, AppointmentStatus
from casebook.core.contacts import Contact
from casebook.services import clock
from casebook.services.appointments.appointments import (
    get_appointment,
    load_appointments_view,
)
from casebook.services.binder.session import BinderSession

PRODID = f"-//Casebook//Casebook {__version__}//EN"
UID_DOMAIN = "casebook.invalid"  # a UID needs a domain-like right part; this one is reserved


def _separator(languages: Sequence[str]) -> str:
    return word("item_separator", languages[0])


def bring_text(appointment: Appointment, languages: Sequence[str]) -> str:
    """ "Bring: the questions list, the imaging CD" in each language, one per line."""
    lines = []
    for code in languages:
        items = [word(f"bring_{item.value}", code) for item in appointment.bring]
        if appointment.bring_note:
            items.append(appointment.bring_note)
        if items:
            lines.append(word("bring", code).format(items=word("item_separator", code).join(items)))
    return "\n".join(lines)


def description(appointment: Appointment, contact: Contact | None, languages: Sequence[str]) -> str:
    lines = []
    bring = bring_text(appointment, languages)
    if bring:
        lines.append(bring)
    if contact is not None:
        lines += [word("with", code).format(who=contact.label) for code in languages[:1]]
        if contact.phone:
            lines.append(word("phone", languages[0]).format(phone=contact.phone))
    if appointment.notes:
        lines.append(appointment.notes)
    return "\n".join(lines)


def event_for(
    appointment: Appointment, contact: Contact | None, languages: Sequence[str], stamp: datetime
) -> Event:
    event = Event()
    event.add("uid", f"{appointment.uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    kind = words(f"kind_{appointment.kind.value}", languages)
    event.add("summary", appointment.title.strip() or kind)
    event.add("categories", [kind])
    if appointment.at_time is None:
        event.add("dtstart", appointment.on_date)
        event.add("dtend", appointment.on_date + timedelta(days=1))
    else:
        # A naive datetime is local time: astimezone() applies the rules of that very day.
        event.add("dtstart", appointment.starts_at.astimezone(UTC))
        event.add("dtend", appointment.ends_at.astimezone(UTC))
    place = appointment.place or (contact.address if contact is not None else "")
    if place:
        event.add("location", place)
    text = description(appointment, contact, languages)
    if text:
        event.add("description", text)
    cancelled = appointment.status is AppointmentStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if appointment.remind_minutes is not None and not cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(minutes=-appointment.remind_minutes))
        alarm.add(
            "description",
            word("reminder", languages[0]).format(title=appointment.title.strip() or kind),
        )
        event.add_component(alarm)
    return event


def calendar_bytes(
    appointments: Sequence[Appointment],
    contacts: Sequence[Contact],
    language: str,
    stamp: datetime | None = None,
) -> bytes:
    """An RFC 5545 VCALENDAR holding one VEVENT per appointment."""
    languages = languages_of(language)
    stamp = (stamp or clock.utc_now()).astimezone(UTC).replace(microsecond=0)
    by_id = {c.id: c for c in contacts}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for appointment in appointments:
        contact = by_id.get(appointment.contact_id) if appointment.contact_id else None
        calendar.add_component(event_for(appointment, contact, languages, stamp))
    return bytes(calendar.to_ical())


def export_calendar(
    session: BinderSession,
    language: str,
    now: datetime,
    appointment_id: int | None = None,
) -> tuple[bytes, int]:
    """One appointment (`appointment_id`) or every upcoming one, as .ics bytes, and how many
    events it holds. `now` is local wall-clock time (naive)."""
    view = load_appointments_view(session)
    if appointment_id is not None:
        chosen = get_appointment(session, appointment_id)
        appointments = [chosen] if chosen is not None else []
    else:
        appointments = [a for a in view.appointments if a.is_upcoming(now)]
    return calendar_bytes(appointments, view.contacts, language), len(appointments)
