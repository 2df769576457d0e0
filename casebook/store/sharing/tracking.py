"""The tables of the change log, and the triggers that make every write reach it.

`SHARING_MIGRATION` creates the log and the family's tables. `install_tracking` (run each time
a binder opens, right after the numbered migrations) follows the registry: it gives every shared
table a `uid` column and three triggers. The triggers only note *which* rows were touched, in
`sync_pending`; the session turns those notes into field changes before its transaction commits
(`capture`). So no service can forget to record a change, and a table added to the registry
needs no new migration.
"""

from __future__ import annotations

import secrets

import sqlite_utils

from casebook.store.meta import get_meta, set_meta
from casebook.store.sharing.registry import SHARED

COPY_ID = "sync_copy_id"
"""Meta key: this copy's random id (it names the copy in every change it makes)."""

SHARING_MIGRATION = [
    # Every change of every shared field, made here or read from another copy; never edited
    # once another copy may have seen it. `value` and `replaces` are JSON.
    """CREATE TABLE sync_changes (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        counter INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_uid TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        replaces TEXT NOT NULL DEFAULT '[]',
        UNIQUE (origin, counter)
    )""",
    "CREATE INDEX sync_changes_row ON sync_changes(tbl, row_uid)",
    # The rows a change's value points at, so a row that appears or goes can find its referrers.
    """CREATE TABLE sync_refs (
        change_id INTEGER NOT NULL REFERENCES sync_changes(id) ON DELETE CASCADE,
        uid TEXT NOT NULL
    )""",
    "CREATE INDEX sync_refs_uid ON sync_refs(uid)",
    "CREATE INDEX sync_refs_change ON sync_refs(change_id)",
    # Rows touched by the current transaction (written by triggers, emptied at commit).
    """CREATE TABLE sync_pending (
        seq INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        gone_uid TEXT
    )""",
    # What each other copy has told us it holds (origin -> highest contiguous counter).
    """CREATE TABLE sync_peers (
        member TEXT NOT NULL,
        origin TEXT NOT NULL,
        counter INTEGER NOT NULL,
        PRIMARY KEY (member, origin)
    )""",
    # Exchange files already read: a file is read once; an older one from the same sender is
    # refused as a replay.
    """CREATE TABLE sync_files_read (
        file_id TEXT PRIMARY KEY,
        sender TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        read_at TEXT NOT NULL
    )""",
    # The family's keys by generation (a removal starts a new one); kept inside the binder.
    """CREATE TABLE family_keys (
        generation INTEGER PRIMARY KEY,
        key BLOB NOT NULL,
        key_id TEXT NOT NULL,
        proof TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    # This copy's own key pairs (X25519) for receiving new family keys; newest is current.
    """CREATE TABLE family_own_keys (
        public_key TEXT PRIMARY KEY,
        private_key BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    # Shared through the log like the case itself: who is in the family, on which computer.
    """CREATE TABLE family_members (
        id INTEGER PRIMARY KEY,
        uid TEXT UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        computer TEXT NOT NULL DEFAULT '',
        public_key TEXT NOT NULL DEFAULT '',
        invitation TEXT NOT NULL DEFAULT '',
        joined_at TEXT NOT NULL DEFAULT '',
        removed_at TEXT,
        removed_by TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE family_invitations (
        id INTEGER PRIMARY KEY,
        uid TEXT UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        invited_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        expires_at TEXT NOT NULL DEFAULT '',
        seen_json TEXT NOT NULL DEFAULT '{}',
        cancelled_at TEXT
    )""",
    # Decision history stays append-only, except that a version may be given its uid once.
    "DROP TRIGGER decision_versions_no_update",
    """CREATE TRIGGER decision_versions_no_update BEFORE UPDATE ON decision_versions
        WHEN old.uid IS NOT NULL OR new.uid IS NULL
        BEGIN SELECT RAISE(ABORT, 'decision history is append-only'); END""",
]
"""Needs the `uid` column of decision_versions, which `_UID_COLUMNS` adds first."""


def _columns(db: sqlite_utils.Database, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


def migration_statements() -> list[str]:
    """The migration: uid columns of the tables shared when it was written, then the log."""
    tables = [
        "case_info",
        "slots",
        "documents",
        "imaging_studies",
        "imaging_series",
        "imaging_instances",
        "timeline_events",
        "questions",
        "consultations",
        "timeline_links",
        "consultation_questions",
        "consultation_entries",
        "opinions",
        "opinion_marks",
        "decisions",
        "decision_versions",
    ]
    uid_columns = [f"ALTER TABLE {table} ADD COLUMN uid TEXT" for table in tables]
    return [*uid_columns, *SHARING_MIGRATION]


def _triggers(table: str) -> list[str]:
    name = f"sharing_{table}"
    note = f"INSERT INTO sync_pending(tbl, row_id) VALUES ('{table}', new.rowid);"  # noqa: S608
    gone = (
        "INSERT INTO sync_pending(tbl, row_id, gone_uid) "  # noqa: S608
        f"VALUES ('{table}', old.rowid, old.uid);"
    )
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name}_insert AFTER INSERT ON {table} BEGIN {note} END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_update AFTER UPDATE ON {table} BEGIN {note} END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_delete AFTER DELETE ON {table} BEGIN {gone} END",
    ]


def install_tracking(db: sqlite_utils.Database) -> bool:
    """Make every shared table tracked (idempotent); returns True when anything was added.

    A table tracked for the first time has all its rows noted as pending, so the next capture
    records them as created by this copy. Call inside a transaction.
    """
    added = False
    if get_meta(db, COPY_ID) is None:
        set_meta(db, COPY_ID, secrets.token_hex(16))
        added = True
    existing = {str(row[0]) for row in db.execute("SELECT name FROM sqlite_master")}
    for shared in SHARED:
        table = shared.table
        if "uid" not in _columns(db, table):
            db.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        index = f"sharing_{table}_uid"
        if index not in existing:
            db.execute(f"CREATE UNIQUE INDEX {index} ON {table}(uid)")
        if f"sharing_{table}_insert" not in existing:
            for statement in _triggers(table):
                db.execute(statement)
            db.execute(
                f"INSERT INTO sync_pending(tbl, row_id) SELECT '{table}', rowid FROM {table}"  # noqa: S608
            )
            added = True
    return added


def copy_id(db: sqlite_utils.Database) -> str:
    value = get_meta(db, COPY_ID)
    if value is None:
        raise RuntimeError("change tracking is not installed")
    return value
