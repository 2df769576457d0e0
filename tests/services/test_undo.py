"""Deleting a timeline event, consultation, question, opinion or week-to-week record, then
undoing it, brings back exactly what was there: the row, its links, answers, note entries,
marks, versions and references."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

import pytest
from core.opinion_samples import dr_chen, dr_mueller

from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact, ContactKind
from casebook.core.contacts import LinkKind as ContactLink
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.medicines import Allergy, MedicineDetails
from casebook.core.model import PartialDate, RecordKind
from casebook.core.opinions import Mark, OpinionField
from casebook.core.timeline import EventKind, Link, LinkKind, TimelineEvent
from casebook.services import consultations, contacts, timeline
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.opinions import opinions
from casebook.services.questions import questions
from casebook.services.undo import Undoable, delete_with_undo, undo_delete
from casebook.store import search
from casebook.store import undo as undo_store

_TABLES = (
    "timeline_events",
    "timeline_links",
    "questions",
    "consultations",
    "consultation_questions",
    "consultation_entries",
    "opinions",
    "opinion_marks",
)


def dump(session: BinderSession) -> dict[str, list[tuple[Any, ...]]]:
    db = session.database()
    return {
        table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())  # noqa: S608
        for table in _TABLES
    }


def build_case(session: BinderSession) -> dict[str, int]:
    """A question answered at a consultation, an event linked to it, opinions marked."""
    asked = questions.add_own_question(session, "Is surgery still possible?")
    other = questions.add_own_question(session, "What about clinical trials?")
    held = consultations.create_consultation(
        session, Consultation(0, "Visit at Ruijin", "2025-01-10", doctor="Dr Wei Chen")
    )
    consultations.record_answer(session, held, asked, "Mei", "Possibly, after chemotherapy")
    consultations.raise_new_question(session, held, "Mei", "How long between cycles?")
    event = timeline.save_event(
        session,
        TimelineEvent(
            EventKind.CONSULTATION,
            "Surgical consultation",
            PartialDate(2025, 1, 10),
            links=frozenset({Link(LinkKind.CONSULTATION, held)}),
        ),
    )
    chen = opinions.save_opinion(
        session, replace(dr_chen(), consultation_id=held, timeline_event_id=event)
    )
    mueller = opinions.save_opinion(session, dr_mueller())
    opinions.set_mark(session, [chen, mueller], OpinionField.STAGE, Mark.AGREE)
    return {
        "question": asked,
        "other_question": other,
        "consultation": held,
        "event": event,
        "opinion": chen,
    }


@pytest.mark.parametrize(
    ("kind", "key", "gone"),
    [
        (Undoable.TIMELINE_EVENT, "event", "timeline_links"),
        (Undoable.CONSULTATION, "consultation", "consultation_entries"),
        (Undoable.QUESTION, "question", "consultation_questions"),
        (Undoable.OPINION, "opinion", "opinion_marks"),
    ],
)
def test_delete_then_undo_restores_the_row_and_its_dependents(
    session: BinderSession, kind: Undoable, key: str, gone: str
) -> None:
    ids = build_case(session)
    before = dump(session)
    hits_before = len(search.search(session.database(), "Ruijin"))

    deleted = delete_with_undo(session, kind, ids[key])

    after_delete = dump(session)
    assert after_delete != before
    assert len(after_delete[gone]) < len(before[gone])  # its dependents went with it
    assert deleted.kind is kind
    assert deleted.label

    restored_id = undo_delete(session, deleted.snapshot_id)

    assert restored_id == ids[key]
    assert dump(session) == before
    assert len(search.search(session.database(), "Ruijin")) == hits_before
    with pytest.raises(KeyError):
        undo_delete(session, deleted.snapshot_id)  # an undo happens once


def test_labels_say_what_was_deleted(session: BinderSession) -> None:
    ids = build_case(session)
    assert delete_with_undo(session, Undoable.QUESTION, ids["other_question"]).label == (
        "What about clinical trials?"
    )
    assert delete_with_undo(session, Undoable.OPINION, ids["opinion"]).label == "Dr Wei Chen"
    assert delete_with_undo(session, Undoable.CONSULTATION, ids["consultation"]).label == (
        "Visit at Ruijin"
    )
    assert delete_with_undo(session, Undoable.TIMELINE_EVENT, ids["event"]).label == (
        "Surgical consultation"
    )


def test_a_taken_id_gives_the_restored_record_a_new_one_with_its_dependents(
    session: BinderSession,
) -> None:
    ids = build_case(session)
    chen = ids["opinion"]
    mueller = max(o.id for o in opinions.list_opinions(session) if o.id is not None)
    deleted = delete_with_undo(session, Undoable.OPINION, mueller)
    newcomer = opinions.save_opinion(session, replace(dr_chen(), source_name="Dr Newcomer"))
    assert newcomer == mueller  # SQLite hands out the highest id + 1 again

    restored = undo_delete(session, deleted.snapshot_id)

    assert restored not in (mueller, newcomer)
    names = {o.id: o.source_name for o in opinions.list_opinions(session)}
    assert names[restored] == "Dr Anna Müller"
    assert names[newcomer] == "Dr Newcomer"
    keys = {
        row[0] for row in session.database().execute("SELECT comparison_key FROM opinion_marks")
    }
    assert keys == {",".join(str(i) for i in sorted((chen, restored)))}  # the marks followed it


def test_deleting_a_missing_record_is_a_key_error(session: BinderSession) -> None:
    with pytest.raises(KeyError):
        delete_with_undo(session, Undoable.QUESTION, 999)


def test_only_the_newest_snapshots_are_kept(session: BinderSession) -> None:
    first = None
    for number in range(undo_store.KEPT_SNAPSHOTS + 3):
        question_id = questions.add_own_question(session, f"Question {number}")
        deleted = delete_with_undo(session, Undoable.QUESTION, question_id)
        first = first or deleted
    count = session.database().execute("SELECT count(*) FROM undo_snapshots").fetchone()[0]
    assert count == undo_store.KEPT_SNAPSHOTS
    assert first is not None
    with pytest.raises(KeyError):
        undo_delete(session, first.snapshot_id)


# The week-to-week records -------------------------------------------------------------------

_DAILY_TABLES = (
    "contacts",
    "contact_links",
    "record_requests",
    "medicines",
    "medicine_versions",
    "allergies",
    "appointments",
    "appointment_reminders_seen",
    "diary_entries",
)


def daily_dump(session: BinderSession) -> dict[str, list[tuple[Any, ...]]]:
    db = session.database()
    return {
        table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)  # noqa: S608
        for table in _DAILY_TABLES
    }


def build_week(session: BinderSession) -> dict[str, int]:
    """A doctor linked to an opinion, asked for the pathology, who prescribed a medicine that
    was changed once and is seen at an appointment already reminded of; an allergy; a diary
    entry."""
    doctor = contacts.save_contact(
        session, Contact(ContactKind.DOCTOR, "Dr Wei Chen", "Ruijin Hospital", "oncologist")
    )
    opinion = opinions.save_opinion(session, dr_chen())
    contacts.set_links(session, doctor, [(ContactLink.OPINION, str(opinion), True)])
    contacts.set_record_request(session, RecordKind.PATHOLOGY, doctor, PartialDate(2026, 12, 1))
    medicine = medicines.add_medicine(
        session, MedicineDetails(generic_name="Osimertinib", dose="80 mg", prescriber_id=doctor)
    )
    medicines.change_medicine(
        session,
        medicine,
        MedicineDetails(generic_name="Osimertinib", dose="40 mg", prescriber_id=doctor),
    )
    appointment = appointments.save_appointment(
        session,
        Appointment(
            AppointmentKind.CONSULTATION,
            "Results",
            date(2026, 12, 9),
            time(10, 0),
            contact_id=doctor,
        ),
    )
    appointments.mark_reminder_seen(session, appointment, "2026-12-09T10:00")
    allergy = medicines.save_allergy(session, Allergy("Penicillin", reaction="rash"))
    entry = diary.save_entry(
        session, DiaryEntry(date(2026, 12, 2), "Tiredness", Severity.MODERATE, helped="A nap")
    )
    return {
        "contact": doctor,
        "medicine": medicine,
        "appointment": appointment,
        "allergy": allergy,
        "diary_entry": entry,
    }


@pytest.mark.parametrize(
    ("kind", "key", "label"),
    [
        (Undoable.CONTACT, "contact", "Dr Wei Chen"),
        (Undoable.MEDICINE, "medicine", "Osimertinib"),
        (Undoable.APPOINTMENT, "appointment", "Results"),
        (Undoable.ALLERGY, "allergy", "Penicillin"),
        (Undoable.DIARY_ENTRY, "diary_entry", "Tiredness"),
    ],
)
def test_a_week_to_week_record_comes_back_whole(
    session: BinderSession, kind: Undoable, key: str, label: str
) -> None:
    ids = build_week(session)
    before = daily_dump(session)

    deleted = delete_with_undo(session, kind, ids[key])

    assert daily_dump(session) != before
    assert deleted.label == label
    assert undo_delete(session, deleted.snapshot_id) == ids[key]
    assert daily_dump(session) == before


def test_a_contact_brought_back_is_again_who_the_records_were_asked_of(
    session: BinderSession,
) -> None:
    ids = build_week(session)
    doctor = ids["contact"]
    deleted = delete_with_undo(session, Undoable.CONTACT, doctor)
    assert contacts.record_request(session, RecordKind.PATHOLOGY)[0] is None

    undo_delete(session, deleted.snapshot_id)

    assert contacts.record_request(session, RecordKind.PATHOLOGY) == (
        doctor,
        PartialDate(2026, 12, 1),
    )
