"""The medicine list and the allergies beside it: reading, adding, changing, stopping.

A change is saved as a new version of the medicine and stopping is a version with its date, so
the history is never rewritten. Whether "Current medicines" counts as received is derived from
the list by the slots query; a write that can change it announces SLOTS as well. Casebook
records what the doctors prescribed; it never checks doses or interactions.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from casebook.core.changes import Changed
from casebook.core.contacts import Contact
from casebook.core.errors import InvalidInput
from casebook.core.medicine_mentions import LexiconEntry, MentionFinder
from casebook.core.medicines import Allergy, Medicine, MedicineDetails, StopReason, stopped
from casebook.core.model import PartialDate, RecordKind
from casebook.core.timeline import SPAN_KINDS, TimelineEvent
from casebook.resources import resource_path
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.undo import Deleted, Undoable
from casebook.services.undo import delete_if_there as _delete
from casebook.store import contacts as contact_store
from casebook.store import medicines as store
from casebook.store import timeline as timeline_store

_SLOT = [RecordKind.MEDICATIONS.value]


@functools.cache
def load_lexicon() -> tuple[LexiconEntry, ...]:
    """The shipped bilingual list of medicine names (resources/medicines/lexicon.json)."""
    raw = json.loads(resource_path("medicines", "lexicon.json").read_text(encoding="utf-8"))
    return tuple(
        LexiconEntry(item["key"], item["en"], item["zh_CN"], tuple(item["other_names"]))
        for item in raw["medicines"]
    )


@functools.cache
def lexicon_finder() -> MentionFinder:
    """The shipped lexicon's names, compiled once per process (see `MentionFinder`)."""
    return MentionFinder(load_lexicon())


def lexicon_entry(key: str) -> LexiconEntry | None:
    return next((entry for entry in load_lexicon() if entry.key == key), None)


def match_lexicon(name: str) -> str:
    """The lexicon key of a medicine name typed by the family ("" when it is not listed)."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return ""
    for entry in load_lexicon():
        if any(" ".join(known.split()).casefold() == wanted for known in entry.names):
            return entry.key
    return ""


def _key_for(details: MedicineDetails, given: str) -> str:
    return given or match_lexicon(details.generic_name) or match_lexicon(details.brand_name)


@dataclass(frozen=True)
class MedicineList:
    """What the Medicines page shows, read in one transaction."""

    medicines: tuple[Medicine, ...]
    allergies: tuple[Allergy, ...]
    contacts: tuple[Contact, ...]  # to name prescribers and to choose one
    therapy_lines: tuple[TimelineEvent, ...]  # timeline treatments a medicine can belong to

    @property
    def current(self) -> tuple[Medicine, ...]:
        return tuple(m for m in self.medicines if m.is_current)

    def contact(self, contact_id: int | None) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def therapy(self, event_id: int | None) -> TimelineEvent | None:
        return next((e for e in self.therapy_lines if e.id == event_id), None)


def load_medicine_list(session: BinderSession) -> MedicineList:
    with session.reading() as db:
        events = [e for e in timeline_store.list_events(db) if e.kind in SPAN_KINDS]
        return MedicineList(
            tuple(store.list_medicines(db)),
            tuple(store.list_allergies(db)),
            tuple(contact_store.list_contacts(db)),
            tuple(events),
        )


def list_medicines(session: BinderSession) -> list[Medicine]:
    with session.reading() as db:
        return store.list_medicines(db)


def current_medicines(session: BinderSession) -> list[Medicine]:
    return [m for m in list_medicines(session) if m.is_current]


def get_medicine(session: BinderSession, medicine_id: int) -> Medicine | None:
    with session.reading() as db:
        return store.get_medicine(db, medicine_id)


def add_medicine(
    session: BinderSession,
    details: MedicineDetails,
    lexicon_key: str = "",
    source_document_id: int | None = None,
) -> int:
    """Add a medicine (from a prescription, or a confirmed suggestion); returns its id."""
    details = details.cleaned()
    details.validate()
    with session.writing(Changed.MEDICINES) as db:
        medicine_id = store.add_medicine(
            db, details, timestamp(), _key_for(details, lexicon_key), source_document_id
        )
        session.note_changes(Changed.SLOTS, ids=_SLOT)
    return medicine_id


def change_medicine(session: BinderSession, medicine_id: int, details: MedicineDetails) -> bool:
    """Save a change as a new version (nothing is saved when nothing changed)."""
    details = details.cleaned()
    details.validate()
    with session.writing(Changed.MEDICINES, ids=[medicine_id]) as db:
        if store.get_medicine(db, medicine_id) is None:
            raise InvalidInput("medicine", "no longer in the binder")
        saved = store.revise_medicine(db, medicine_id, details, timestamp()) is not None
        if saved:
            session.note_changes(Changed.SLOTS, ids=_SLOT)
    return saved


def stop_medicine(
    session: BinderSession,
    medicine_id: int,
    on: PartialDate,
    reason: StopReason,
    note: str = "",
) -> None:
    """Record that the medicine stopped on `on` and why (a new version)."""
    with session.writing(Changed.MEDICINES, ids=[medicine_id]) as db:
        medicine = store.get_medicine(db, medicine_id)
        if medicine is None:
            raise InvalidInput("medicine", "no longer in the binder")
        details = stopped(medicine.current, on, reason, note)
        details.validate()
        store.revise_medicine(db, medicine_id, details, timestamp())
        session.note_changes(Changed.SLOTS, ids=_SLOT)


def delete_medicine(session: BinderSession, medicine_id: int) -> Deleted | None:
    """Remove a medicine entered by mistake, with its history (stopping keeps it); a snapshot
    is kept so it can be brought back (None when it was gone)."""
    return _delete(session, Undoable.MEDICINE, medicine_id)


def list_allergies(session: BinderSession) -> list[Allergy]:
    with session.reading() as db:
        return store.list_allergies(db)


def save_allergy(session: BinderSession, allergy: Allergy) -> int:
    allergy.validate()
    with session.writing(Changed.MEDICINES, ids=[allergy.id] if allergy.id else None) as db:
        if allergy.id == 0:
            return store.add_allergy(db, allergy, timestamp())
        if not store.update_allergy(db, allergy, timestamp()):
            raise InvalidInput("allergy", "no longer in the binder")
        return allergy.id


def delete_allergy(session: BinderSession, allergy_id: int) -> Deleted | None:
    """Delete it, keeping a snapshot so it can be brought back (None when it was gone)."""
    return _delete(session, Undoable.ALLERGY, allergy_id)
