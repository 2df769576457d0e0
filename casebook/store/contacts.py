"""Contacts, the links the family made to them, and who each kind of record was requested from.

Links to records of other features (opinions, consultations, the export log) are rows in
`contact_links`; a medicine's prescriber and an appointment's contact are columns of those
records. `linked_items` reads all of them for one contact, dropping links whose record is gone.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from casebook.core.contacts import Contact, ContactKind, LinkedItem, LinkKind
from casebook.core.model import PartialDate, RecordKind

_COLUMNS = (
    "id, kind, name, organisation, role, phone, email, address, hours, languages, notes, "
    "key_contact"
)


def _contact(row: Any) -> Contact:
    cid, kind, name, organisation, role, phone, email, address, hours, languages, notes, key = row
    try:
        contact_kind = ContactKind(kind)
    except ValueError:
        contact_kind = ContactKind.OTHER  # written by a newer Casebook
    return Contact(
        contact_kind, name, organisation, role, phone, email, address, hours, languages, notes,
        bool(key), int(cid),
    )  # fmt: skip


def _values(contact: Contact) -> list[object]:
    return [
        contact.kind.value,
        contact.name,
        contact.organisation,
        contact.role,
        contact.phone,
        contact.email,
        contact.address,
        contact.hours,
        contact.languages,
        contact.notes,
        int(contact.key_contact),
    ]


def add_contact(db: sqlite_utils.Database, contact: Contact, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO contacts(kind, name, organisation, role, phone, email, address, hours,
               languages, notes, key_contact, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [*_values(contact), now, now],
    )
    return int(cursor.lastrowid or 0)


def update_contact(db: sqlite_utils.Database, contact: Contact, now: str) -> bool:
    cursor = db.execute(
        """UPDATE contacts SET kind = ?, name = ?, organisation = ?, role = ?, phone = ?,
               email = ?, address = ?, hours = ?, languages = ?, notes = ?, key_contact = ?,
               updated_at = ?
           WHERE id = ?""",
        [*_values(contact), now, contact.id],
    )
    return cursor.rowcount > 0


def delete_contact(db: sqlite_utils.Database, contact_id: int) -> None:
    db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])


def list_contacts(db: sqlite_utils.Database) -> list[Contact]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM contacts ORDER BY name COLLATE NOCASE, id"  # noqa: S608
    ).fetchall()
    return [_contact(row) for row in rows]


def get_contact(db: sqlite_utils.Database, contact_id: int) -> Contact | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM contacts WHERE id = ?",  # noqa: S608
        [contact_id],
    ).fetchone()
    return None if row is None else _contact(row)


# --- Links the family makes ----------------------------------------------------------------


def set_link(
    db: sqlite_utils.Database, contact_id: int, kind: LinkKind, ref: str, linked: bool
) -> None:
    if linked:
        db.execute(
            """INSERT OR IGNORE INTO contact_links(contact_id, target_kind, target_ref)
               VALUES (?, ?, ?)""",
            [contact_id, kind.value, ref],
        )
    else:
        db.execute(
            "DELETE FROM contact_links WHERE contact_id = ? AND target_kind = ? AND target_ref = ?",
            [contact_id, kind.value, ref],
        )


def linked_refs(db: sqlite_utils.Database, contact_id: int) -> set[tuple[LinkKind, str]]:
    rows = db.execute(
        "SELECT target_kind, target_ref FROM contact_links WHERE contact_id = ?", [contact_id]
    ).fetchall()
    return {(LinkKind(kind), str(ref)) for kind, ref in rows}


def contacts_linked_to(db: sqlite_utils.Database, kind: LinkKind, ref: str) -> list[Contact]:
    rows = db.execute(
        f"""SELECT {", ".join("c." + c.strip() for c in _COLUMNS.split(","))}
            FROM contact_links l JOIN contacts c ON c.id = l.contact_id
            WHERE l.target_kind = ? AND l.target_ref = ?
            ORDER BY c.name COLLATE NOCASE""",  # noqa: S608
        [kind.value, ref],
    ).fetchall()
    return [_contact(row) for row in rows]


# What each linkable kind of record is called, and when it happened. Constants only.
_TARGETS = {
    LinkKind.OPINION: (
        "SELECT id, source_name, given_on, institution FROM opinions",
        "opinions",
    ),
    LinkKind.CONSULTATION: (
        "SELECT id, title, held_on, doctor || ' ' || institution || ' ' || attendees "
        "FROM consultations",
        "consultations",
    ),
    LinkKind.EXPORT: (
        "SELECT id, recipient, substr(exported_at, 1, 10), destination FROM export_log",
        "export_log",
    ),
}


def link_targets(
    db: sqlite_utils.Database, kind: LinkKind
) -> list[tuple[str, str, str | None, str]]:
    """(ref, title, date, other words) of every record of `kind` a contact can be linked to."""
    query, _table = _TARGETS[kind]
    found = []
    for ref, title, on, other in db.execute(query).fetchall():
        text = str(title or "")
        if kind is LinkKind.EXPORT:
            text = _recipient(text)
        found.append((str(ref), text, str(on) if on else None, str(other or "")))
    return found


def _recipient(stored: str) -> str:
    """The export log keeps its recipient as JSON: "Institution, department (contact)"."""
    try:
        recipient = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(recipient, dict):
        return stored
    parts = [str(recipient.get(k) or "") for k in ("institution", "department")]
    text = ", ".join(part for part in parts if part)
    contact = str(recipient.get("contact") or "")
    return f"{text} ({contact})" if contact and text else (text or contact)


def linked_items(db: sqlite_utils.Database, contact_id: int) -> list[LinkedItem]:
    """Everything linked to the contact: what the family linked, and what names it."""
    refs = linked_refs(db, contact_id)
    items: list[LinkedItem] = []
    for kind in _TARGETS:
        wanted = {ref for linked_kind, ref in refs if linked_kind is kind}
        if not wanted:
            continue
        for ref, title, on, _other in link_targets(db, kind):
            if ref in wanted:
                items.append(LinkedItem(kind, ref, title, on))
    for slot_kind, requested_on in db.execute(
        """SELECT r.slot_kind, s.requested_on FROM record_requests r
           JOIN slots s ON s.kind = r.slot_kind
           WHERE r.contact_id = ? AND s.statement = 'requested'""",
        [contact_id],
    ).fetchall():
        items.append(
            LinkedItem(LinkKind.RECORD_REQUEST, str(slot_kind), str(slot_kind), requested_on)
        )
    for medicine_id, brand, generic, started in db.execute(
        """SELECT medicine_id, brand_name, generic_name, started_on
           FROM current_medicine_versions WHERE prescriber_id = ?""",
        [contact_id],
    ).fetchall():
        title = " / ".join(part for part in (generic, brand) if part)
        items.append(LinkedItem(LinkKind.MEDICINE, str(medicine_id), title, started))
    for appointment_id, title, on_date in db.execute(
        "SELECT id, title, on_date FROM appointments WHERE contact_id = ?", [contact_id]
    ).fetchall():
        items.append(LinkedItem(LinkKind.APPOINTMENT, str(appointment_id), title, on_date))
    return sorted(items, key=lambda item: (item.on or "", item.kind.value, item.ref), reverse=True)


# --- Record requests -----------------------------------------------------------------------


def _partial(text: object) -> PartialDate | None:
    try:
        return PartialDate.parse(str(text)) if text else None
    except ValueError:
        return None


def set_request(
    db: sqlite_utils.Database,
    kind: RecordKind,
    contact_id: int | None,
    chase_on: PartialDate | None,
) -> None:
    db.execute(
        """INSERT INTO record_requests(slot_kind, contact_id, chase_on) VALUES (?, ?, ?)
           ON CONFLICT(slot_kind) DO UPDATE SET contact_id = excluded.contact_id,
               chase_on = excluded.chase_on""",
        [kind.value, contact_id, chase_on.iso() if chase_on else None],
    )


def request_rows(
    db: sqlite_utils.Database,
) -> dict[RecordKind, tuple[int | None, PartialDate | None, str]]:
    """Who each kind of record was asked from (contact id and label) and the chase date the
    family gave, by kind; whether the request is still open is for the slot's status to say."""
    rows = db.execute(
        """SELECT r.slot_kind, r.contact_id, r.chase_on, c.name, c.organisation
           FROM record_requests r LEFT JOIN contacts c ON c.id = r.contact_id"""
    ).fetchall()
    found: dict[RecordKind, tuple[int | None, PartialDate | None, str]] = {}
    for kind, contact_id, chase_on, name, organisation in rows:
        try:
            slot_kind = RecordKind(kind)
        except ValueError:
            continue
        label = Contact(ContactKind.OTHER, name, organisation or "").label if name else ""
        found[slot_kind] = (
            int(contact_id) if contact_id is not None else None,
            _partial(chase_on),
            label,
        )
    return found


def request_of(
    db: sqlite_utils.Database, kind: RecordKind
) -> tuple[int | None, PartialDate | None]:
    """(contact id, chase date) the family gave for the request of `kind`."""
    row = db.execute(
        "SELECT contact_id, chase_on FROM record_requests WHERE slot_kind = ?", [kind.value]
    ).fetchone()
    if row is None:
        return None, None
    return (int(row[0]) if row[0] is not None else None), _partial(row[1])
