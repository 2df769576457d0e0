"""Contacts: keeping them, linking them where they are named, and the requests to chase.

Reads use `session.reading()`, writes `session.writing(Changed.CONTACTS, …)`. A request for a
kind of record is open while the record's derived status is "requested" (nothing has arrived);
it is due to be chased from the family's chase date, or two weeks after the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from casebook.core.changes import Changed
from casebook.core.contacts import (
    LINKABLE,
    Contact,
    LinkCandidate,
    LinkedItem,
    LinkKind,
    RecordRequest,
    names,
)
from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate, RecordKind, SlotStatus
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.undo import Deleted, Undoable
from casebook.services.undo import delete_if_there as _delete
from casebook.store import contacts as store
from casebook.store import slots as slot_store


def list_contacts(session: BinderSession) -> list[Contact]:
    with session.reading() as db:
        return store.list_contacts(db)


def save_contact(session: BinderSession, contact: Contact) -> int:
    """Add the contact (id 0) or change it; returns its id."""
    contact = contact.cleaned()
    contact.validate()
    with session.writing(Changed.CONTACTS, ids=[contact.id] if contact.id else None) as db:
        if contact.id == 0:
            return store.add_contact(db, contact, timestamp())
        if not store.update_contact(db, contact, timestamp()):
            raise InvalidInput("contact", "no longer in the binder")
        return contact.id


def delete_contact(session: BinderSession, contact_id: int) -> Deleted | None:
    """Remove the contact and its links; what named it keeps its own words. Appointments and
    medicines lose it (the foreign key sets it to null) until it is brought back from the
    snapshot kept (None when it was gone)."""
    return _delete(session, Undoable.CONTACT, contact_id)


@dataclass(frozen=True)
class ContactView:
    """A contact's page: the contact and everything linked to it, newest first."""

    contact: Contact
    linked: tuple[LinkedItem, ...]


def load_contact(session: BinderSession, contact_id: int) -> ContactView | None:
    with session.reading() as db:
        contact = store.get_contact(db, contact_id)
        if contact is None:
            return None
        return ContactView(contact, tuple(store.linked_items(db, contact_id)))


def link_candidates(session: BinderSession, contact_id: int) -> list[LinkCandidate]:
    """Opinions, consultations and bundles sent, those naming the contact first."""
    with session.reading() as db:
        contact = store.get_contact(db, contact_id)
        if contact is None:
            return []
        linked = store.linked_refs(db, contact_id)
        found = []
        for kind in LINKABLE:
            for ref, title, on, other in store.link_targets(db, kind):
                found.append(
                    LinkCandidate(
                        kind,
                        ref,
                        title,
                        on,
                        names(contact, f"{title} {other}"),
                        (kind, ref) in linked,
                    )
                )
    return sorted(found, key=lambda c: (not c.names_contact, c.kind.value, c.on or "", c.ref))


def set_links(
    session: BinderSession, contact_id: int, links: list[tuple[LinkKind, str, bool]]
) -> None:
    """Link or unlink the contact: each (kind, ref, linked)."""
    for kind, _ref, _linked in links:
        if kind not in LINKABLE:
            raise InvalidInput("link", kind.value)
    with session.writing(Changed.CONTACTS, ids=[contact_id]) as db:
        if store.get_contact(db, contact_id) is None:
            raise InvalidInput("contact", "no longer in the binder")
        for kind, ref, linked in links:
            store.set_link(db, contact_id, kind, ref, linked)


def contacts_linked_to(session: BinderSession, kind: LinkKind, ref: str) -> list[Contact]:
    with session.reading() as db:
        return store.contacts_linked_to(db, kind, ref)


# --- Requests for records -------------------------------------------------------------------


def set_record_request(
    session: BinderSession, kind: RecordKind, contact_id: int | None, chase_on: PartialDate | None
) -> None:
    """Who the record was requested from (a contact, or nobody chosen) and when to chase it."""
    with session.writing(Changed.CONTACTS) as db:
        if contact_id is not None and store.get_contact(db, contact_id) is None:
            raise InvalidInput("contact", "no longer in the binder")
        store.set_request(db, kind, contact_id, chase_on)
        session.note_changes(Changed.SLOTS, ids=[kind.value])


def record_request(
    session: BinderSession, kind: RecordKind
) -> tuple[int | None, PartialDate | None]:
    """The contact and chase date the family gave for the request of `kind`."""
    with session.reading() as db:
        return store.request_of(db, kind)


def open_requests(session: BinderSession) -> list[RecordRequest]:
    """Kinds of record requested and not yet received, with who and when to chase."""
    with session.reading() as db:
        slots = slot_store.list_slots(db)
        stored = store.request_rows(db)
    found = []
    for slot in slots:
        if slot.status is not SlotStatus.REQUESTED:
            continue
        contact_id, chase_on, label = stored.get(slot.kind, (None, None, ""))
        found.append(
            RecordRequest(
                slot.kind, contact_id, slot.requested_on, chase_on, label or slot.requested_from
            )
        )
    return found


def requests_to_chase(session: BinderSession, today: date) -> list[RecordRequest]:
    return [request for request in open_requests(session) if request.due(today)]
