"""The tables of the week-to-week features (issue 19): contacts, medicines and allergies,
appointments and the symptom diary. One migration, kept apart so it can be renumbered.

What is stored is only what the family alone can say. Whether a medicine is current, whether a
request is due to be chased, whether a reminder is due: all read from these rows each time.
"""

from __future__ import annotations

DAILY_TABLES = [
    # Doctors, nurses, hospitals, departments, medical-records offices (病案室), pharmacies.
    # AUTOINCREMENT: a deleted contact's id is never given to another (history refers to it).
    """CREATE TABLE contacts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        hours TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        key_contact INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    # Where a contact is named in records kept by other features: an opinion, a consultation,
    # a bundle sent (export_log). `target_ref` is that record's id as text. Rows whose target
    # is gone (a deleted consultation) are simply not listed; an undo brings them back.
    """CREATE TABLE contact_links (
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        target_kind TEXT NOT NULL,
        target_ref TEXT NOT NULL,
        PRIMARY KEY (contact_id, target_kind, target_ref)
    )""",
    "CREATE INDEX contact_links_target ON contact_links(target_kind, target_ref)",
    # Who a kind of record was requested from, and when the family means to chase it. Shown
    # only while the family's statement about the record is "requested".
    """CREATE TABLE record_requests (
        slot_kind TEXT PRIMARY KEY REFERENCES slots(kind) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        chase_on TEXT
    )""",
    # A medicine's identity; what it is lives in its versions (a change adds one).
    """CREATE TABLE medicines (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        lexicon_key TEXT NOT NULL DEFAULT '',
        source_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
    )""",
    # Every version of every medicine, append-only. Contacts and timeline events are referred to
    # without a foreign key: deleting one must not rewrite history (it is read as "not known").
    """CREATE TABLE medicine_versions (
        medicine_id INTEGER NOT NULL REFERENCES medicines(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        brand_name TEXT NOT NULL DEFAULT '',
        generic_name TEXT NOT NULL DEFAULT '',
        dose TEXT NOT NULL DEFAULT '',
        frequency TEXT NOT NULL DEFAULT '',
        route TEXT NOT NULL DEFAULT '',
        started_on TEXT,
        stopped_on TEXT,
        stop_reason TEXT NOT NULL DEFAULT '',
        stop_note TEXT NOT NULL DEFAULT '',
        prescriber_id INTEGER,
        purpose TEXT NOT NULL DEFAULT '',
        timeline_event_id INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (medicine_id, version)
    )""",
    """CREATE TRIGGER medicine_versions_no_update BEFORE UPDATE ON medicine_versions
        BEGIN SELECT RAISE(ABORT, 'medicine history is append-only'); END""",
    # The newest version of each medicine, in one place (the slot status reads it too).
    """CREATE VIEW current_medicine_versions AS
       SELECT v.* FROM medicine_versions v
       WHERE v.version = (SELECT max(version) FROM medicine_versions
                          WHERE medicine_id = v.medicine_id)""",
    """CREATE TABLE allergies (
        id INTEGER PRIMARY KEY,
        substance TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'allergy',
        reaction TEXT NOT NULL DEFAULT '',
        severity TEXT NOT NULL DEFAULT '',
        noted_on TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    # A suggestion the family said no to, so it is not offered again for that document.
    """CREATE TABLE medicine_suggestions_dismissed (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        lexicon_key TEXT NOT NULL,
        PRIMARY KEY (document_id, lexicon_key)
    )""",
    """CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        on_date TEXT NOT NULL,
        at_time TEXT,
        duration_minutes INTEGER NOT NULL DEFAULT 60,
        place TEXT NOT NULL DEFAULT '',
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        consultation_id INTEGER REFERENCES consultations(id) ON DELETE SET NULL,
        bring_json TEXT NOT NULL DEFAULT '[]',
        bring_note TEXT NOT NULL DEFAULT '',
        remind_minutes INTEGER,
        status TEXT NOT NULL DEFAULT 'planned',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX appointments_on_date ON appointments(on_date)",
    # A reminder the family has seen, for the start it reminded of (a new time reminds again).
    """CREATE TABLE appointment_reminders_seen (
        appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
        for_start TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (appointment_id, for_start)
    )""",
    """CREATE TABLE diary_entries (
        id INTEGER PRIMARY KEY,
        noted_on TEXT NOT NULL,
        symptom TEXT NOT NULL,
        symptom_key TEXT NOT NULL DEFAULT '',
        severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
        since TEXT,
        helped TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX diary_entries_noted_on ON diary_entries(noted_on)",
]
