"""The week-to-week part of `casebook list`: medicines (with their history), allergies,
contacts (with what is linked to each), requests to chase, appointments and the diary.

Read through the same services as the pages; keys are stable for scripts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from casebook.core.medicines import Medicine, MedicineDetails
from casebook.core.model import PartialDate
from casebook.services import clock
from casebook.services import contacts as contacts_service
from casebook.services.appointments import appointments as appointments_service
from casebook.services.binder.session import BinderSession
from casebook.services.diary import diary as diary_service
from casebook.services.medicines import medicines as medicines_service

Listing = dict[str, Any]


def _iso(value: PartialDate | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else (value.iso() if value else None)


def _details(details: MedicineDetails) -> dict[str, Any]:
    return {
        "brand_name": details.brand_name,
        "generic_name": details.generic_name,
        "dose": details.dose,
        "frequency": details.frequency,
        "route": details.route.value,
        "started_on": _iso(details.started_on),
        "stopped_on": _iso(details.stopped_on),
        "stop_reason": details.stop_reason.value,
        "stop_note": details.stop_note,
        "prescriber_id": details.prescriber_id,
        "purpose": details.purpose,
        "timeline_event_id": details.timeline_event_id,
        "notes": details.notes,
    }


def _medicine(medicine: Medicine) -> dict[str, Any]:
    return {
        "id": medicine.id,
        "current": medicine.is_current,
        "lexicon_key": medicine.lexicon_key,
        "source_document_id": medicine.source_document_id,
        **_details(medicine.current),
        "history": [
            {"version": v.version, "saved_at": v.saved_at, **_details(v.details)}
            for v in medicine.history
        ],
    }


def daily_listing(session: BinderSession, now: datetime | None = None) -> Listing:
    now = now or clock.local_now()
    contacts = contacts_service.list_contacts(session)
    linked = {}
    for contact in contacts:
        view = contacts_service.load_contact(session, contact.id)
        linked[contact.id] = view.linked if view is not None else ()
    appointments = appointments_service.list_appointments(session)
    return {
        "medicines": [_medicine(m) for m in medicines_service.list_medicines(session)],
        "allergies": [
            {
                "id": a.id,
                "substance": a.substance,
                "kind": a.kind.value,
                "reaction": a.reaction,
                "severity": a.severity.value,
                "noted_on": _iso(a.noted_on),
                "notes": a.notes,
            }
            for a in medicines_service.list_allergies(session)
        ],
        "contacts": [
            {
                "id": c.id,
                "kind": c.kind.value,
                "name": c.name,
                "organisation": c.organisation,
                "role": c.role,
                "phone": c.phone,
                "email": c.email,
                "address": c.address,
                "hours": c.hours,
                "languages": c.languages,
                "notes": c.notes,
                "key_contact": c.key_contact,
                "linked": [
                    {"kind": item.kind.value, "ref": item.ref, "title": item.title, "on": item.on}
                    for item in linked[c.id]
                ],
            }
            for c in contacts
        ],
        "record_requests": [
            {
                "kind": r.kind.value,
                "contact_id": r.contact_id,
                "asked": r.contact_label,
                "requested_on": _iso(r.requested_on),
                "chase_from": _iso(r.chase_from),
                "due": r.due(now.date()),
            }
            for r in contacts_service.open_requests(session)
        ],
        "appointments": [
            {
                "id": a.id,
                "uid": a.uid,
                "kind": a.kind.value,
                "title": a.title,
                "date": a.on_date.isoformat(),
                "time": a.at_time.strftime("%H:%M") if a.at_time else None,
                "duration_minutes": a.duration_minutes,
                "place": a.place,
                "contact_id": a.contact_id,
                "consultation_id": a.consultation_id,
                "bring": [b.value for b in a.bring],
                "bring_note": a.bring_note,
                "remind_minutes": a.remind_minutes,
                "status": a.status.value,
                "upcoming": a.is_upcoming(now),
                "notes": a.notes,
            }
            for a in appointments
        ],
        "diary": [
            {
                "id": e.id,
                "date": e.noted_on.isoformat(),
                "symptom": e.symptom,
                "symptom_key": e.symptom_key,
                "severity": e.severity.value,
                "since": _iso(e.since),
                "helped": e.helped,
                "notes": e.notes,
            }
            for e in diary_service.list_entries(session)
        ],
    }


def format_daily(listing: Listing) -> list[str]:
    """The week-to-week part as plain text lines, in the command line's language."""
    from casebook.app.cli_messages import cli_texts

    t = cli_texts()
    current = sum(m["current"] for m in listing["medicines"])
    lines = ["", t.gettext("Medicines ({count} current):").format(count=current)]
    for medicine in listing["medicines"]:
        name = medicine["generic_name"] or medicine["brand_name"]
        state = (
            t.gettext("current")
            if medicine["current"]
            else t.gettext("stopped {date}").format(date=medicine["stopped_on"])
        )
        version = t.gettext("(version {number})").format(number=len(medicine["history"]))
        lines.append(
            f"  [{medicine['id']}] {name:<28} {medicine['dose']:<10} {medicine['frequency']:<16}"
            f" {state} {version}"
        )
    count = len(listing["allergies"])
    lines += ["", t.gettext("Allergies and serious reactions ({count}):").format(count=count)]
    for allergy in listing["allergies"]:
        lines.append(f"  {allergy['substance']}: {allergy['reaction'] or allergy['kind']}")
    lines += ["", t.gettext("Contacts ({count}):").format(count=len(listing["contacts"]))]
    for contact in listing["contacts"]:
        where = f" ({contact['organisation']})" if contact["organisation"] else ""
        linked = t.gettext("{count} linked").format(count=len(contact["linked"]))
        lines.append(f"  [{contact['id']}] {contact['name']}{where} {contact['phone']}  {linked}")
    due = [r for r in listing["record_requests"] if r["due"]]
    if due:
        lines += ["", t.gettext("Requests to chase:")]
        lines += [
            "  "
            + t.gettext("{kind} (asked {whom})").format(
                kind=r["kind"], whom=r["asked"] or t.gettext("someone")
            )
            for r in due
        ]
    upcoming = [a for a in listing["appointments"] if a["upcoming"]]
    lines += ["", t.gettext("Upcoming appointments ({count}):").format(count=len(upcoming))]
    for appointment in upcoming:
        when = f"{appointment['date']} {appointment['time'] or ''}".strip()
        lines.append(f"  [{appointment['id']}] {when:<16} {appointment['title']}")
    lines += ["", t.gettext("Diary entries ({count})").format(count=len(listing["diary"]))]
    return lines
