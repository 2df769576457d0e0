"""Contacts linked where they are named: a request for records (and when to chase it), an
opinion, a consultation, a bundle sent, a prescription, an appointment; a contact's page lists
everything linked to it."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from casebook.bundle.plan import Recipient
from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.changes import Changed
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact, ContactKind, LinkKind
from casebook.core.errors import InvalidInput
from casebook.core.medicines import MedicineDetails
from casebook.core.model import PartialDate, RecordKind, SlotStatement
from casebook.core.opinions import Opinion
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations, contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.services.medicines import medicines
from casebook.services.opinions import opinions
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths

RECORDS_OFFICE = Contact(
    ContactKind.RECORDS_OFFICE, "病案室", "City Hospital", phone="+1 555 0199",
    hours="Mon–Fri 8:00–11:30",
)  # fmt: skip
DOCTOR = Contact(ContactKind.DOCTOR, "Dr. Wang Li", "Example Cancer Centre", "oncologist")


def test_contacts_are_checked_and_kept(session: BinderSession) -> None:
    with pytest.raises(InvalidInput) as no_name:
        contacts.save_contact(session, Contact(ContactKind.DOCTOR, "  "))
    assert no_name.value.field_name == "name"
    with pytest.raises(InvalidInput) as bad_mail:
        contacts.save_contact(session, Contact(ContactKind.DOCTOR, "Dr A", email="a@b"))
    assert bad_mail.value.field_name == "email"
    assert contacts.list_contacts(session) == []
    with session.collecting_changes() as collected:
        office = contacts.save_contact(session, RECORDS_OFFICE)
    assert collected.changes.ids_of(Changed.CONTACTS) is None  # a new one: any may have changed
    contacts.save_contact(session, Contact(**{**RECORDS_OFFICE.__dict__, "id": office,
                                             "phone": " +1 555 0100 "}))  # fmt: skip
    [stored] = contacts.list_contacts(session)
    assert (stored.id, stored.phone, stored.hours) == (office, "+1 555 0100", "Mon–Fri 8:00–11:30")


def test_a_record_request_names_a_contact_and_is_chased_until_it_arrives(
    session: BinderSession, tmp_path: Path
) -> None:
    office = contacts.save_contact(session, RECORDS_OFFICE)
    records.set_slot_statement(
        session, RecordKind.PATHOLOGY, SlotStatement.REQUESTED, PartialDate(2026, 11, 2), "病案室"
    )
    with session.collecting_changes() as collected:
        contacts.set_record_request(session, RecordKind.PATHOLOGY, office, None)
    assert collected.changes.touches(Changed.CONTACTS, Changed.SLOTS)
    [request] = contacts.open_requests(session)
    assert (request.kind, request.contact_id) == (RecordKind.PATHOLOGY, office)
    assert request.contact_label == "病案室 (City Hospital)"
    assert contacts.requests_to_chase(session, date(2026, 11, 15)) == []
    assert contacts.requests_to_chase(session, date(2026, 11, 16)) == [request]
    # The family's own chase date wins.
    contacts.set_record_request(session, RecordKind.PATHOLOGY, office, PartialDate(2026, 12, 1))
    assert contacts.requests_to_chase(session, date(2026, 11, 30)) == []
    view = contacts.load_contact(session, office)
    assert view is not None
    assert [(i.kind, i.ref) for i in view.linked] == [
        (LinkKind.RECORD_REQUEST, RecordKind.PATHOLOGY.value)
    ]
    # A file arrives: the record is received, nothing is left to chase (derived, not stored).
    report = tmp_path / "pathology.txt"
    report.write_text("Surgical pathology report: adenocarcinoma")
    import_paths(session, [report], RecordKind.PATHOLOGY, ignore_progress, NEVER_CANCELLED)
    assert contacts.open_requests(session) == []


def test_a_contact_page_lists_everything_linked_to_it(
    session: BinderSession, tmp_path: Path
) -> None:
    doctor = contacts.save_contact(session, DOCTOR)
    opinion = opinions.save_opinion(
        session,
        Opinion(
            "Dr. Wang Li", institution="Example Cancer Centre", given_on=PartialDate(2026, 11, 5)
        ),
    )
    other_opinion = opinions.save_opinion(session, Opinion("Pancreas tumour board"))
    consultation = consultations.create_consultation(
        session, Consultation(0, "Second opinion visit", "2026-11-20", "Dr Wang Li")
    )
    notes = tmp_path / "labs.txt"
    notes.write_text("Haemoglobin 118 g/L")
    import_paths(session, [notes], None, ignore_progress, NEVER_CANCELLED)
    out = tmp_path / "out"
    out.mkdir()
    export_bundle(
        session,
        ExportRequest(Recipient("Example Cancer Centre", "Thoracic MDT", "Dr. Wang Li")),
        out, "bundle", ignore_progress, NEVER_CANCELLED,
    )  # fmt: skip
    medicine = medicines.add_medicine(
        session, MedicineDetails(generic_name="Osimertinib", prescriber_id=doctor)
    )
    appointment = appointments.save_appointment(
        session,
        Appointment(AppointmentKind.CONSULTATION, "Results", date(2026, 12, 9), time(10, 0),
                    contact_id=doctor),
    )  # fmt: skip

    candidates = contacts.link_candidates(session, doctor)
    by_ref = {(c.kind, c.ref): c for c in candidates}
    assert by_ref[(LinkKind.OPINION, str(opinion))].names_contact
    assert not by_ref[(LinkKind.OPINION, str(other_opinion))].names_contact
    assert by_ref[(LinkKind.CONSULTATION, str(consultation))].names_contact  # "Dr Wang Li"
    [export] = [c for c in candidates if c.kind is LinkKind.EXPORT]
    assert export.names_contact
    assert export.title == "Example Cancer Centre, Thoracic MDT (Dr. Wang Li)"
    # Those that name the contact come first.
    assert [c.names_contact for c in candidates] == sorted(
        (c.names_contact for c in candidates), reverse=True
    )

    with session.collecting_changes() as collected:
        contacts.set_links(
            session,
            doctor,
            [(LinkKind.OPINION, str(opinion), True),
             (LinkKind.CONSULTATION, str(consultation), True),
             (LinkKind.EXPORT, export.ref, True)],
        )  # fmt: skip
    assert collected.changes.ids_of(Changed.CONTACTS) == {doctor}
    with pytest.raises(InvalidInput):
        contacts.set_links(session, doctor, [(LinkKind.MEDICINE, "1", True)])
    view = contacts.load_contact(session, doctor)
    assert view is not None
    linked = {(i.kind, i.ref): i for i in view.linked}
    assert set(linked) == {
        (LinkKind.OPINION, str(opinion)),
        (LinkKind.CONSULTATION, str(consultation)),
        (LinkKind.EXPORT, export.ref),
        (LinkKind.MEDICINE, str(medicine)),
        (LinkKind.APPOINTMENT, str(appointment)),
    }
    assert linked[(LinkKind.OPINION, str(opinion))].on == "2026-11-05"
    assert linked[(LinkKind.APPOINTMENT, str(appointment))].title == "Results"
    assert [
        c.name for c in contacts.contacts_linked_to(session, LinkKind.OPINION, str(opinion))
    ] == ["Dr. Wang Li"]

    # Unlinking, and a linked record that goes, drop from the page; the record keeps its words.
    contacts.set_links(session, doctor, [(LinkKind.OPINION, str(opinion), False)])
    consultations.delete_consultation(session, consultation)
    view = contacts.load_contact(session, doctor)
    assert view is not None
    assert {i.kind for i in view.linked} == {
        LinkKind.EXPORT,
        LinkKind.MEDICINE,
        LinkKind.APPOINTMENT,
    }

    # Deleting the contact keeps the appointment and the medicine (without it).
    with session.collecting_changes() as collected:
        contacts.delete_contact(session, doctor)
    assert collected.changes.touches(Changed.CONTACTS, Changed.APPOINTMENTS, Changed.MEDICINES)
    stored = appointments.get_appointment(session, appointment)
    assert stored is not None
    assert stored.contact_id is None
    assert [m.id for m in medicines.list_medicines(session)] == [medicine]
