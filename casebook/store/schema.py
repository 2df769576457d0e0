"""The binder's schema and its migrations, versioned with `PRAGMA user_version`.

Each migration is a list of statements applied in one transaction; a binder written by a newer
Casebook (higher user_version) is refused rather than guessed at.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.model import SlotKind
from casebook.store.database import transaction


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

# Index i holds the statements that take a binder from user_version i to i + 1.
MIGRATIONS: list[list[str]] = [_V1]
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
    for kind in SlotKind:
        # "Other" is a catch-all nobody asks for: it starts as not needed, never as missing.
        status = "not_applicable" if kind is SlotKind.OTHER else "missing"
        db.execute(
            "INSERT INTO slots(kind, status, updated_at) VALUES (?, ?, ?)",
            [kind.value, status, now],
        )
