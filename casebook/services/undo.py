"""Deletions that can be undone: timeline events, consultations, questions, opinions, and the
week-to-week records (appointments, medicines, allergies, contacts, diary entries).

Deleting takes a snapshot of the row and everything that depends on it (links, answers, note
entries, comparison marks, references from other records) inside the binder, in the same
transaction as the delete; `undo_delete` puts it all back. One mechanism for every kind, so the
pages show "Deleted “…”. [Undo]" instead of asking "Are you sure?".
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from casebook.core.changes import Changed
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store import appointments as appointment_store
from casebook.store import consultations as consultation_store
from casebook.store import contacts as contact_store
from casebook.store import diary as diary_store
from casebook.store import medicines as medicine_store
from casebook.store import opinions as opinion_store
from casebook.store import questions as question_store
from casebook.store import timeline as timeline_store
from casebook.store import undo as store
from casebook.store.undo import Dependent, Link, Shape

__all__ = ["Deleted", "Undoable", "delete_if_there", "delete_with_undo", "undo_delete"]


class Undoable(enum.Enum):
    """The kinds of record whose deletion can be undone."""

    TIMELINE_EVENT = "timeline_event"
    CONSULTATION = "consultation"
    QUESTION = "question"
    OPINION = "opinion"
    APPOINTMENT = "appointment"
    MEDICINE = "medicine"
    ALLERGY = "allergy"
    CONTACT = "contact"
    DIARY_ENTRY = "diary_entry"


_SHAPES: dict[Undoable, Shape] = {
    Undoable.TIMELINE_EVENT: Shape(
        Undoable.TIMELINE_EVENT.value,
        "timeline_events",
        "title",
        (
            Dependent("timeline_links", "event_id"),
            Dependent("opinions", "timeline_event_id", Link.NULLED),
            Dependent("medicines", "timeline_event_id", Link.NULLED),
        ),
    ),
    Undoable.CONSULTATION: Shape(
        Undoable.CONSULTATION.value,
        "consultations",
        "title",
        (
            Dependent("consultation_questions", "consultation_id"),
            Dependent("consultation_entries", "consultation_id"),
            Dependent("timeline_links", "target_id", condition="target_kind = 'consultation'"),
            Dependent("opinions", "consultation_id", Link.NULLED),
            Dependent("appointments", "consultation_id", Link.NULLED),
            Dependent("recordings", "consultation_id", Link.NULLED),
        ),
    ),
    Undoable.QUESTION: Shape(
        Undoable.QUESTION.value,
        "questions",
        "text",
        (
            Dependent("consultation_questions", "question_id"),
            Dependent("consultation_entries", "question_id", Link.NULLED),
        ),
    ),
    Undoable.OPINION: Shape(
        Undoable.OPINION.value,
        "opinions",
        "source_name",
        (Dependent("opinion_marks", "comparison_key", Link.MEMBER),),
    ),
    Undoable.APPOINTMENT: Shape(
        Undoable.APPOINTMENT.value,
        "appointments",
        "title",
        (Dependent("appointment_reminders_seen", "appointment_id"),),
    ),
    Undoable.MEDICINE: Shape(
        Undoable.MEDICINE.value,
        "medicines",
        "generic_name",
        (Dependent("medicine_versions", "medicine_id"),),
    ),
    Undoable.ALLERGY: Shape(Undoable.ALLERGY.value, "allergies", "substance"),
    Undoable.CONTACT: Shape(
        Undoable.CONTACT.value,
        "contacts",
        "name",
        (
            Dependent("contact_links", "contact_id"),
            Dependent("appointments", "contact_id", Link.NULLED),
            Dependent("medicines", "prescriber_id", Link.NULLED),
        ),
    ),
    Undoable.DIARY_ENTRY: Shape(Undoable.DIARY_ENTRY.value, "diary_entries", "symptom"),
}

# What deleting (or bringing back) each kind of record changes, dependents included.
_CHANGES: dict[Undoable, tuple[Changed, ...]] = {
    Undoable.TIMELINE_EVENT: (
        Changed.TIMELINE,
        Changed.CONSULTATIONS,
        Changed.OPINIONS,
        Changed.MEDICINES,
    ),
    Undoable.CONSULTATION: (
        Changed.CONSULTATIONS,
        Changed.QUESTIONS,
        Changed.OPINIONS,
        Changed.APPOINTMENTS,
        Changed.RECORDINGS,
    ),
    Undoable.QUESTION: (Changed.QUESTIONS, Changed.CONSULTATIONS),
    Undoable.OPINION: (Changed.OPINIONS, Changed.DECISIONS),
    Undoable.APPOINTMENT: (Changed.APPOINTMENTS,),
    Undoable.MEDICINE: (Changed.MEDICINES, Changed.SLOTS),
    Undoable.ALLERGY: (Changed.MEDICINES,),
    Undoable.CONTACT: (Changed.CONTACTS, Changed.APPOINTMENTS, Changed.MEDICINES, Changed.SLOTS),
    Undoable.DIARY_ENTRY: (Changed.DIARY,),
}

# The deletes themselves stay in their own store modules, which know what cascades.
_DELETES: dict[Undoable, Callable[[sqlite_utils.Database, int], None]] = {
    Undoable.TIMELINE_EVENT: timeline_store.delete_event,
    Undoable.CONSULTATION: consultation_store.delete_consultation,
    Undoable.QUESTION: question_store.delete_question,
    Undoable.OPINION: opinion_store.delete_opinion,
    Undoable.APPOINTMENT: appointment_store.delete_appointment,
    Undoable.MEDICINE: medicine_store.delete_medicine,
    Undoable.ALLERGY: medicine_store.delete_allergy,
    Undoable.CONTACT: contact_store.delete_contact,
    Undoable.DIARY_ENTRY: diary_store.delete_entry,
}


def _label(shape: Shape, row: dict[str, object]) -> str:
    """What names the deleted record (a medicine known only by its brand name has no generic
    name)."""
    label = str(row.get(shape.label_column) or "")
    if not label and shape.table == "medicines":
        label = str(row.get("brand_name") or "")
    return label


@dataclass(frozen=True)
class Deleted:
    """What a deletion removed: enough for the page to say so and to offer Undo."""

    snapshot_id: int
    kind: Undoable
    label: str


def delete_with_undo(session: BinderSession, kind: Undoable, row_id: int) -> Deleted:
    """Delete the record and keep a snapshot to undo it; KeyError if there is no such record."""
    shape = _SHAPES[kind]
    with session.writing(*_CHANGES[kind], Changed.UNDO) as db:
        payload = store.capture(db, shape, row_id)
        if payload is None:
            raise KeyError(row_id)
        snapshot_id = store.save_snapshot(db, shape, payload, timestamp())
        _DELETES[kind](db, row_id)
    return Deleted(snapshot_id, kind, _label(shape, payload["row"]))


def undo_delete(session: BinderSession, snapshot_id: int) -> int:
    """Bring back what the snapshot holds; returns the record's id (its original one when
    still free). KeyError when the snapshot is gone (already undone, or too old)."""
    with session.writing(Changed.UNDO) as db:
        snapshot = store.take_snapshot(db, snapshot_id)
        if snapshot is None:
            raise KeyError(snapshot_id)
        kind = Undoable(snapshot.kind)
        session.note_changes(*_CHANGES[kind])
        return store.restore(db, _SHAPES[kind], snapshot.payload)


def snapshot_before_remote_delete(
    db: sqlite_utils.Database, table: str, row_id: int
) -> Deleted | None:
    """Another copy deleted this row: keep a snapshot here too, so it can be brought back on
    this computer as well (None for kinds that are not brought back this way)."""
    for kind, shape in _SHAPES.items():
        if shape.table != table:
            continue
        payload = store.capture(db, shape, row_id)
        if payload is None:
            return None
        snapshot_id = store.save_snapshot(db, shape, payload, timestamp())
        return Deleted(snapshot_id, kind, _label(shape, payload["row"]))
    return None


def delete_if_there(session: BinderSession, kind: Undoable, row_id: int) -> Deleted | None:
    """`delete_with_undo`, for a record that may already have gone (deleted on another page,
    or by a family member's exchange): then nothing happens and None is returned."""
    try:
        return delete_with_undo(session, kind, row_id)
    except KeyError:
        return None
