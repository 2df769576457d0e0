"""The binder's schema and its migrations, versioned with `PRAGMA user_version`.

Each migration is a list of statements applied in one transaction; a binder written by a newer
Casebook (higher user_version) is refused rather than guessed at.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.model import RecordKind
from casebook.store.daily_schema import DAILY_TABLES
from casebook.store.database import transaction
from casebook.store.sharing.tracking import migration_statements


def _joined(*columns: str) -> str:
    """SQL that concatenates the NEW row's text columns for the search body."""
    return " || ' ' || ".join(f"coalesce(new.{column}, '')" for column in columns)


# table: (kind, title column, body expression). Only constants: no user input reaches here.
_SEARCHABLE_SOURCES = {
    "documents": ("document", "title", _joined("notes", "extracted_text", "institution", "author")),
    "timeline_events": ("timeline_event", "title", _joined("description")),
    "questions": ("question", "text", _joined("notes")),
    "consultations": ("consultation", "title", _joined("notes", "doctor", "institution")),
    "opinions": ("opinion", "source_name", _joined("institution", "fields_json")),
    "consultation_entries": ("consultation_note", "author", _joined("text", "tags")),
    "decisions": ("decision", "option_chosen", _joined("reasons", "revisit_if")),
}


def _search_triggers() -> list[str]:
    """Keep `search_index` in step with every searchable table."""
    statements: list[str] = []
    for table, (kind, title, body) in _SEARCHABLE_SOURCES.items():
        insert = (
            "INSERT INTO search_index(kind, ref_id, title, body) "  # noqa: S608
            f"VALUES ('{kind}', new.id, new.{title}, {body});"
        )
        delete = f"DELETE FROM search_index WHERE kind = '{kind}' AND ref_id = old.id;"  # noqa: S608
        prefix = f"CREATE TRIGGER {table}_search"
        statements += [
            f"{prefix}_insert AFTER INSERT ON {table} BEGIN {insert} END",
            f"{prefix}_update AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
            f"{prefix}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        ]
    return statements


_V1 = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE case_info (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        patient_name TEXT NOT NULL,
        date_of_birth TEXT,
        diagnosis_summary TEXT NOT NULL DEFAULT '',
        ui_language TEXT NOT NULL DEFAULT '',
        summary_languages TEXT NOT NULL DEFAULT '["en"]',
        decision_moment TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE slots (
        kind TEXT PRIMARY KEY,
        status TEXT NOT NULL DEFAULT 'missing',
        requested_on TEXT,
        requested_from TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE blobs (
        id INTEGER PRIMARY KEY,
        sha256 TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('staging', 'ready')),
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX blobs_ready_sha256 ON blobs(sha256) WHERE state = 'ready'",
    "CREATE INDEX blobs_size ON blobs(size) WHERE state = 'ready'",
    # A rowid table: 1 MiB values in a WITHOUT ROWID table were measured 2.4x slower to write.
    """CREATE TABLE blob_chunks (
        blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        UNIQUE (blob_id, seq)
    )""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        slot TEXT NOT NULL REFERENCES slots(kind),
        original_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        document_date TEXT,
        institution TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        translation_of INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        extracted_text TEXT NOT NULL DEFAULT '',
        needs_review INTEGER NOT NULL DEFAULT 0,
        password_protected INTEGER NOT NULL DEFAULT 0,
        deleted_at TEXT
    )""",
    "CREATE INDEX documents_slot ON documents(slot)",
    "CREATE INDEX documents_sha256 ON documents(content_sha256)",
    """CREATE TABLE imaging_studies (
        id INTEGER PRIMARY KEY,
        study_uid TEXT NOT NULL UNIQUE,
        study_date TEXT,
        description TEXT NOT NULL DEFAULT '',
        modalities TEXT NOT NULL DEFAULT '',
        institution TEXT NOT NULL DEFAULT '',
        accession_number TEXT NOT NULL DEFAULT '',
        patient_name TEXT NOT NULL DEFAULT '',
        patient_id TEXT NOT NULL DEFAULT '',
        patient_birth_date TEXT,
        report_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE imaging_series (
        id INTEGER PRIMARY KEY,
        study_id INTEGER NOT NULL REFERENCES imaging_studies(id) ON DELETE CASCADE,
        series_uid TEXT NOT NULL UNIQUE,
        series_number INTEGER,
        modality TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX imaging_series_study ON imaging_series(study_id)",
    """CREATE TABLE imaging_instances (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES imaging_series(id) ON DELETE CASCADE,
        sop_instance_uid TEXT NOT NULL UNIQUE,
        sop_class_uid TEXT NOT NULL DEFAULT '',
        instance_number INTEGER,
        transfer_syntax_uid TEXT NOT NULL DEFAULT '',
        rows INTEGER,
        columns INTEGER,
        frames INTEGER NOT NULL DEFAULT 1,
        original_name TEXT NOT NULL DEFAULT '',
        content_sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        is_key_image INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX imaging_instances_series ON imaging_instances(series_id)",
    """CREATE TABLE timeline_events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        description TEXT NOT NULL DEFAULT '',
        details_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE timeline_links (
        event_id INTEGER NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
        target_kind TEXT NOT NULL,
        target_id INTEGER NOT NULL,
        PRIMARY KEY (event_id, target_kind, target_id)
    )""",
    """CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'family',
        bank_key TEXT,
        priority INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE consultations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        held_on TEXT,
        doctor TEXT NOT NULL DEFAULT '',
        institution TEXT NOT NULL DEFAULT '',
        attendees TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE consultation_questions (
        consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
        question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        answer TEXT NOT NULL DEFAULT '',
        answered_by TEXT NOT NULL DEFAULT '',
        answered_on TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (consultation_id, question_id)
    )""",
    """CREATE TABLE opinions (
        id INTEGER PRIMARY KEY,
        source_kind TEXT NOT NULL DEFAULT 'doctor' CHECK (source_kind IN ('doctor', 'mdt')),
        source_name TEXT NOT NULL,
        institution TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        given_on TEXT,
        consultation_id INTEGER REFERENCES consultations(id) ON DELETE SET NULL,
        report_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        timeline_event_id INTEGER REFERENCES timeline_events(id) ON DELETE SET NULL,
        fields_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT ''
    )""",
    # The family's agree/differ marks for one set of compared opinions ("3,7"); `fingerprint`
    # is what the field said when marked, so a mark lapses when that field is edited.
    """CREATE TABLE opinion_marks (
        comparison_key TEXT NOT NULL,
        field TEXT NOT NULL,
        mark TEXT NOT NULL CHECK (mark IN ('agree', 'differ', 'only_one')),
        fingerprint TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (comparison_key, field)
    )""",
    """CREATE TABLE consultation_entries (
        id INTEGER PRIMARY KEY,
        consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
        author TEXT NOT NULL DEFAULT '',
        written_at TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL
    )""",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        decided_on TEXT,
        option_chosen TEXT NOT NULL,
        reasons TEXT NOT NULL DEFAULT '',
        participants TEXT NOT NULL DEFAULT '',
        revisit_if TEXT NOT NULL DEFAULT '',
        opinion_ids_json TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT ''
    )""",
    # Every saved version of a decision (the current one included); append-only.
    """CREATE TABLE decision_versions (
        decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
        version INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        decided_on TEXT,
        option_chosen TEXT NOT NULL,
        reasons TEXT NOT NULL DEFAULT '',
        participants TEXT NOT NULL DEFAULT '',
        revisit_if TEXT NOT NULL DEFAULT '',
        opinion_ids_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (decision_id, version)
    )""",
    """CREATE TRIGGER decision_versions_no_update BEFORE UPDATE ON decision_versions
        BEGIN SELECT RAISE(ABORT, 'decision history is append-only'); END""",
    """CREATE TRIGGER decision_versions_no_delete BEFORE DELETE ON decision_versions
        BEGIN SELECT RAISE(ABORT, 'decision history is append-only'); END""",
    """CREATE TABLE thumbnails (
        content_sha256 TEXT NOT NULL,
        variant TEXT NOT NULL,
        image BLOB,
        problem TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (content_sha256, variant)
    )""",
    """CREATE TABLE export_log (
        id INTEGER PRIMARY KEY,
        exported_at TEXT NOT NULL,
        recipient TEXT NOT NULL DEFAULT '',
        destination TEXT NOT NULL DEFAULT '',
        parts_json TEXT NOT NULL DEFAULT '[]',
        items_json TEXT NOT NULL DEFAULT '[]'
    )""",
    # What a recent deletion removed (the row and its dependents as JSON), so it can be undone.
    """CREATE TABLE undo_snapshots (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        payload_json TEXT NOT NULL,
        taken_at TEXT NOT NULL
    )""",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'trigram'
    )""",
    *_search_triggers(),
]

# Truth (issue 11): a slot keeps only what the family said ("received" is counted from its
# files); studies, series and images can be moved to the trash; "live" views say, in one place,
# which imaging is not in the trash.
_V2_TRUTH = [
    "ALTER TABLE slots RENAME COLUMN status TO statement",
    """UPDATE slots SET statement = CASE WHEN kind = 'other' THEN 'not_applicable'
                                        ELSE 'missing' END
       WHERE statement = 'received'""",
    "ALTER TABLE imaging_studies ADD COLUMN deleted_at TEXT",
    "ALTER TABLE imaging_series ADD COLUMN deleted_at TEXT",
    "ALTER TABLE imaging_instances ADD COLUMN deleted_at TEXT",
    # How many images the disc held for the series when it was imported (a cancelled or
    # failed import leaves fewer stored than this).
    "ALTER TABLE imaging_series ADD COLUMN images_on_media INTEGER",
    """CREATE VIEW live_imaging_instances AS
       SELECT i.* FROM imaging_instances i
       JOIN imaging_series se ON se.id = i.series_id
       JOIN imaging_studies st ON st.id = se.study_id
       WHERE i.deleted_at IS NULL AND se.deleted_at IS NULL AND st.deleted_at IS NULL""",
    """CREATE VIEW live_imaging_series AS
       SELECT se.* FROM imaging_series se
       WHERE EXISTS (SELECT 1 FROM live_imaging_instances i WHERE i.series_id = se.id)""",
    """CREATE VIEW live_imaging_studies AS
       SELECT st.* FROM imaging_studies st
       WHERE EXISTS (SELECT 1 FROM live_imaging_series se WHERE se.study_id = st.id)""",
]

# Who receives it (issue 18): the family's redacted copy of a document (a new file; the
# original stays untouched), documents the family confirmed show no identity, what identifies
# the patient beyond the case's name and birth date (ID numbers, phones, addresses: redaction
# proposals and the de-identified check look for them), and the profile each export used.
_V3_RECIPIENTS = [
    """CREATE TABLE redactions (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        boxes_json TEXT NOT NULL DEFAULT '[]',
        content_sha256 TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        made_at TEXT NOT NULL
    )""",
    """CREATE TABLE identity_confirmations (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        confirmed_at TEXT NOT NULL
    )""",
    """CREATE TABLE identity_facts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('id_number', 'phone', 'address')),
        value TEXT NOT NULL,
        UNIQUE (kind, value)
    )""",
    "ALTER TABLE export_log ADD COLUMN profile TEXT NOT NULL DEFAULT ''",
]

# The order of slices (issue 14): where each image lies, from its header, so the viewer can put
# a series in order along the slice normal (`core.slice_order`). Images filed before this have
# `placement_read` 0: the viewer reads their headers again, in the worker, the first time it
# shows their series, and keeps the answer (until then they are in instance-number order).
_V4_SLICE_ORDER = [
    "ALTER TABLE imaging_instances ADD COLUMN image_position TEXT",  # mm, as in DICOM
    "ALTER TABLE imaging_instances ADD COLUMN image_orientation TEXT",  # six cosines
    "ALTER TABLE imaging_instances ADD COLUMN acquired TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE imaging_instances ADD COLUMN frame_order TEXT",  # JSON list, NULL: as stored
    "ALTER TABLE imaging_instances ADD COLUMN placement_read INTEGER NOT NULL DEFAULT 0",
]

# A binder that grows for years (issue 15): with 50,000 images and 2,000 documents, counting
# what is not in the trash read every image row (and every document's text, since
# `deleted_at` is stored after it). Covering indexes answer the counts per series and per kind
# of record from the index alone, and the live-images view walks studies, then series, then
# that index, instead of every image row with two look-ups each (115 ms to 2 ms for the count).
_V5_SPEED = [
    # IF [NOT] EXISTS: tests turn a binder back into an older one by its user_version alone.
    """CREATE INDEX IF NOT EXISTS imaging_instances_live
       ON imaging_instances(series_id, deleted_at, size, instance_number)""",
    "CREATE INDEX IF NOT EXISTS documents_live ON documents(deleted_at, slot, added_at, size)",
    "DROP VIEW IF EXISTS live_imaging_instances",
    # CROSS JOIN fixes the order: few studies, few series, then the covering index.
    """CREATE VIEW live_imaging_instances AS
       SELECT i.* FROM imaging_studies st
       CROSS JOIN imaging_series se ON se.study_id = st.id
       CROSS JOIN imaging_instances i ON i.series_id = se.id
       WHERE i.deleted_at IS NULL AND se.deleted_at IS NULL AND st.deleted_at IS NULL""",
]

# Sharing (issue 20): a uid on every shared row, the change log, the family's tables.
SHARING = migration_statements()

# Paper and voices (issue 17). Recordings of consultations: a recording is a ready blob
# (imported, or made from its segments when recording stopped) or, while it is being recorded,
# raw PCM segments that reach the binder second by second, so a crash loses only the last
# moment. A note entry written while a recording ran remembers how far into it it was begun.
# Text read from pictures: one row per document and page, with every line and word box (JSON);
# the text itself is searched through documents.extracted_text, which a family's correction
# replaces.
_V8_PAPER_AND_VOICES = [
    """CREATE TABLE recordings (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        consultation_id INTEGER REFERENCES consultations(id) ON DELETE SET NULL,
        origin TEXT NOT NULL CHECK (origin IN ('imported', 'recorded')),
        state TEXT NOT NULL CHECK (state IN ('recording', 'ready')),
        media_type TEXT NOT NULL DEFAULT '',
        original_name TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        content_sha256 TEXT,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        pcm_rate INTEGER,
        pcm_channels INTEGER,
        started_at TEXT NOT NULL,
        added_at TEXT NOT NULL,
        include_in_bundle INTEGER NOT NULL DEFAULT 0,
        deleted_at TEXT
    )""",
    "CREATE INDEX recordings_consultation ON recordings(consultation_id)",
    "CREATE INDEX recordings_sha256 ON recordings(content_sha256)",
    """CREATE TABLE recording_segments (
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        pcm BLOB NOT NULL,
        PRIMARY KEY (recording_id, seq)
    )""",
    """CREATE TABLE recording_marks (
        entry_id INTEGER PRIMARY KEY REFERENCES consultation_entries(id) ON DELETE CASCADE,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        offset_ms INTEGER NOT NULL
    )""",
    "CREATE INDEX recording_marks_recording ON recording_marks(recording_id)",
    """CREATE TABLE recognised_pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER NOT NULL DEFAULT 0,
        engine TEXT NOT NULL,
        recognised_at TEXT NOT NULL,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        lines_json TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL DEFAULT '',
        problem TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (document_id, page)
    )""",
    # Set when the family corrected the recognised text (then documents.extracted_text is theirs).
    "ALTER TABLE documents ADD COLUMN text_corrected_at TEXT",
]

# The patient's own goals and priorities beside each decision (and each of its versions): when
# opinions differ, they come first. Added as columns, so older decisions simply have none.
_V9_DECISION_GOALS = [
    "ALTER TABLE decisions ADD COLUMN goals TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE decision_versions ADD COLUMN goals TEXT NOT NULL DEFAULT ''",
]

_MEDICINE_TEXTS = (
    "brand_name, generic_name, dose, frequency, route, started_on, stopped_on, stop_reason, "
    "stop_note, purpose, notes"
)
_MEDICINE_DETAILS = f"{_MEDICINE_TEXTS}, prescriber_id, timeline_event_id"

# Issue 20: the week-to-week tables, recordings and the text read from paper travel between the
# family's copies. Written so it does not depend on any migration but the ones before 9.
_V10_SHARED_DAILY = [
    # A medicine's fields as they stand now, on its own row: each is a field the family's
    # copies merge one by one (two members changing the dose at once keep both doses until one
    # is chosen), while `medicine_versions` keeps every version anyone saved.
    "ALTER TABLE medicines ADD COLUMN brand_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN generic_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN dose TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN frequency TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN route TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN started_on TEXT",
    "ALTER TABLE medicines ADD COLUMN stopped_on TEXT",
    "ALTER TABLE medicines ADD COLUMN stop_reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN stop_note TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN prescriber_id INTEGER "
    "REFERENCES contacts(id) ON DELETE SET NULL",
    "ALTER TABLE medicines ADD COLUMN purpose TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE medicines ADD COLUMN timeline_event_id INTEGER "
    "REFERENCES timeline_events(id) ON DELETE SET NULL",
    "ALTER TABLE medicines ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
    f"""UPDATE medicines SET ({_MEDICINE_TEXTS}) = (
            SELECT {_MEDICINE_TEXTS} FROM medicine_versions v WHERE v.medicine_id = medicines.id
            ORDER BY v.version DESC LIMIT 1)
        WHERE EXISTS (SELECT 1 FROM medicine_versions v WHERE v.medicine_id = medicines.id)""",  # noqa: S608
    # History keeps ids of contacts and events deleted since; the row takes only those still
    # there (its references are foreign keys).
    *(
        f"""UPDATE medicines SET {column} = (
                SELECT v.{column} FROM medicine_versions v WHERE v.medicine_id = medicines.id
                ORDER BY v.version DESC LIMIT 1)
            WHERE (SELECT v.{column} FROM medicine_versions v WHERE v.medicine_id = medicines.id
                   ORDER BY v.version DESC LIMIT 1) IN (SELECT id FROM {table})"""  # noqa: S608
        for column, table in (
            ("prescriber_id", "contacts"),
            ("timeline_event_id", "timeline_events"),
        )
    ),
    # "The medicine now" is its own row; the newest version says when it was last saved.
    "DROP VIEW current_medicine_versions",
    f"""CREATE VIEW current_medicine_versions AS
       SELECT m.id AS medicine_id, v.version AS version, v.saved_at AS saved_at,
              {", ".join("m." + c.strip() for c in _MEDICINE_DETAILS.split(","))}
       FROM medicines m JOIN medicine_versions v ON v.medicine_id = m.id
       WHERE v.version = (SELECT max(version) FROM medicine_versions
                          WHERE medicine_id = m.id)""",  # noqa: S608
    # History stays append-only: a version may be given its uid once, be renumbered where it
    # arrives, and have its references re-pointed when a contact or event is brought back under
    # another id; what it says never changes.
    "ALTER TABLE medicine_versions ADD COLUMN uid TEXT",
    "DROP TRIGGER medicine_versions_no_update",
    """CREATE TRIGGER medicine_versions_no_update BEFORE UPDATE ON medicine_versions
        WHEN (old.uid IS NOT NULL AND new.uid IS NOT old.uid)
          OR new.medicine_id IS NOT old.medicine_id OR new.saved_at IS NOT old.saved_at
          OR new.brand_name IS NOT old.brand_name OR new.generic_name IS NOT old.generic_name
          OR new.dose IS NOT old.dose OR new.frequency IS NOT old.frequency
          OR new.route IS NOT old.route OR new.started_on IS NOT old.started_on
          OR new.stopped_on IS NOT old.stopped_on OR new.stop_reason IS NOT old.stop_reason
          OR new.stop_note IS NOT old.stop_note OR new.purpose IS NOT old.purpose
          OR new.notes IS NOT old.notes
        BEGIN SELECT RAISE(ABORT, 'medicine history is append-only'); END""",
]

# Index i holds the statements that take a binder from user_version i to i + 1.
MIGRATIONS: list[list[str]] = [
    _V1,
    _V2_TRUTH,
    _V3_RECIPIENTS,
    _V4_SLICE_ORDER,
    _V5_SPEED,
    SHARING,
    DAILY_TABLES,
    _V8_PAPER_AND_VOICES,
    _V9_DECISION_GOALS,
    _V10_SHARED_DAILY,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, path: Path, now: str) -> None:
    """Bring the schema up to SCHEMA_VERSION; refuse a binder from a newer Casebook."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise BinderUnavailable(path, UnavailableReason.TOO_NEW)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with transaction(db):
            for statement in MIGRATIONS[target - 1]:
                db.execute(statement)
            if target == 1:
                _seed_slots(db, now)
            db.execute(f"PRAGMA user_version = {target}")


def _seed_slots(db: sqlite_utils.Database, now: str) -> None:
    for kind in RecordKind:
        # "Other" is a catch-all nobody asks for: it starts as not needed, never as missing.
        status = "not_applicable" if kind is RecordKind.OTHER else "missing"
        db.execute(
            "INSERT INTO slots(kind, status, updated_at) VALUES (?, ?, ?)",
            [kind.value, status, now],
        )
