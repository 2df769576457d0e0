"""Binders as earlier Casebooks wrote them: before it kept where each slice lies (schema 3), and
before it chose the HMAC on binder.db's pages (SHA-512 throughout). The only way to have one
now is to take a current binder back, so the SQL for that lives here, once."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import sqlite_utils

from casebook.services.binder.session import BinderSession
from casebook.store.binder_folder import BinderFolder
from casebook.store.database import CIPHER_PAGE_SIZE, connect
from casebook.store.key_buffer import KeyBuffer
from casebook.store.page_hmac import PageHmac
from casebook.store.schema import MIGRATIONS
from casebook.store.sharing.tracking import COPY_ID


def set_page_hmac(folder: Path, key: KeyBuffer, page_hmac: PageHmac) -> None:
    """Re-encrypt the closed binder at `folder` with `page_hmac` on its pages, and record it in
    keyslots.json. With SHA-512 it is as every binder made before December 2026 is (nothing
    recorded); with either, a test need not depend on which this computer would choose.

    SQLCipher's own `sqlcipher_export` writes the copy, with the binder's key and page size.
    """
    binder = BinderFolder(folder)
    keyslots = binder.read_keyslots()
    older = folder / "older.db"
    db = connect(binder.database, key, keyslots.page_hmac)
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        with key.sqlcipher_raw_key() as raw_key:
            db.execute("ATTACH DATABASE ? AS older KEY ?", [str(older), raw_key])
        db.execute(f"PRAGMA older.cipher_page_size = {CIPHER_PAGE_SIZE}")
        db.execute(f"PRAGMA older.cipher_hmac_algorithm = {page_hmac.value}")
        db.execute("SELECT sqlcipher_export('older')")
        db.execute(f"PRAGMA older.user_version = {version}")
        db.execute("DETACH DATABASE older")
    finally:
        db.conn.close()
    for suffix in ("-wal", "-shm"):
        binder.database.with_name(binder.database.name + suffix).unlink(missing_ok=True)
    os.replace(older, binder.database)
    binder.write_keyslots(dataclasses.replace(keyslots, page_hmac=page_hmac))


# The columns the placement migration (schema 4) added to imaging_instances.
PLACEMENT_COLUMNS = (
    "image_position",
    "image_orientation",
    "acquired",
    "frame_order",
    "placement_read",
)


def make_schema_3(session: BinderSession) -> None:
    """Drop what schema 4 added; the next unlock migrates the binder forward again."""
    with session.writing() as db:
        _take_back_later_tables(db)
        _take_back_sharing(db)
        for column in PLACEMENT_COLUMNS:
            db.execute(f"ALTER TABLE imaging_instances DROP COLUMN {column}")
        db.execute("PRAGMA user_version = 3")


def _take_back_later_tables(db: sqlite_utils.Database) -> None:
    """Drop the views, tables and columns that migrations after schema 4 created (daily
    records, recordings, recognised text…), newest first; sharing's are left to
    `_take_back_sharing`, and what schema 3 already had (a view rebuilt later) is kept."""
    earlier = " ".join(statement for statements in MIGRATIONS[:4] for statement in statements)
    later = [statement for statements in MIGRATIONS[4:] for statement in statements]
    for statement in reversed(later):
        view = re.match(r"\s*CREATE VIEW (\w+)", statement)
        if view and f"VIEW {view.group(1)} " not in earlier:
            db.execute(f"DROP VIEW IF EXISTS {view.group(1)}")
    for statement in reversed(later):
        table = re.match(r"\s*CREATE TABLE (\w+)", statement)
        column = re.match(r"\s*ALTER TABLE (\w+) ADD COLUMN (\w+)", statement)
        if table and not table.group(1).startswith(("sync_", "family_")):
            db.execute(f"DROP TABLE IF EXISTS {table.group(1)}")
        elif column and column.group(2) != "uid":
            db.execute(f"ALTER TABLE {column.group(1)} DROP COLUMN {column.group(2)}")


def _take_back_sharing(db: sqlite_utils.Database) -> None:
    """Drop what the sharing migration (after schema 4) and its tracking added: the log and
    family tables, the triggers and indexes named `sharing_…`, every `uid` column and the copy
    id. An empty temporary `sync_pending` lets this transaction's own commit find nothing to
    record; it goes with the connection."""
    # Sharing's migration rewrote this trigger to let a uid be set; put the earlier one back.
    [earlier] = [
        statement
        for statements in MIGRATIONS[:3]
        for statement in statements
        if "TRIGGER decision_versions_no_update" in statement
    ]
    db.execute("DROP TRIGGER decision_versions_no_update")
    db.execute(earlier)
    names = db.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'sharing%'")
    for kind, name in names.fetchall():
        if kind in ("trigger", "index"):
            db.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    tables = [
        str(row[0]) for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    for table in tables:
        if table.startswith(("sync_", "family_")):
            db.execute(f"DROP TABLE {table}")
        elif "uid" in {str(c[1]) for c in db.execute(f"PRAGMA table_info({table})")}:
            db.execute(f"ALTER TABLE {table} DROP COLUMN uid")
    db.execute("DELETE FROM meta WHERE key = ?", [COPY_ID])
    db.execute("CREATE TEMP TABLE sync_pending (seq INTEGER)")
