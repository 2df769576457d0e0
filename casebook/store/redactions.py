"""Redacted copies, "shows no identity" confirmations and the facts that identify the patient.

A redacted copy is a new file (its bytes a blob like any document's) kept beside the original,
which is never changed; `boxes_json` keeps the hidden areas so the copy can be edited again.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

IDENTITY_FACT_KINDS = ("id_number", "phone", "address")


@dataclass(frozen=True)
class RedactedCopy:
    document_id: int
    boxes_json: str
    content_sha256: str
    media_type: str
    size: int
    made_at: str


def save_redaction(db: sqlite_utils.Database, copy: RedactedCopy) -> None:
    db.execute(
        """INSERT INTO redactions(document_id, boxes_json, content_sha256, media_type, size,
               made_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(document_id) DO UPDATE SET boxes_json = excluded.boxes_json,
               content_sha256 = excluded.content_sha256, media_type = excluded.media_type,
               size = excluded.size, made_at = excluded.made_at""",
        [copy.document_id, copy.boxes_json, copy.content_sha256, copy.media_type, copy.size,
         copy.made_at],
    )  # fmt: skip


def remove_redaction(db: sqlite_utils.Database, document_id: int) -> None:
    db.execute("DELETE FROM redactions WHERE document_id = ?", [document_id])


def redactions(db: sqlite_utils.Database) -> dict[int, RedactedCopy]:
    """Every redacted copy, by the id of its original."""
    rows = db.execute(
        "SELECT document_id, boxes_json, content_sha256, media_type, size, made_at FROM redactions"
    ).fetchall()
    return {
        int(row[0]): RedactedCopy(int(row[0]), str(row[1]), str(row[2]), str(row[3]),
                                  int(row[4]), str(row[5]))
        for row in rows
    }  # fmt: skip


def confirm_no_identity(db: sqlite_utils.Database, document_id: int, now: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO identity_confirmations(document_id, confirmed_at) VALUES (?, ?)",
        [document_id, now],
    )


def withdraw_confirmation(db: sqlite_utils.Database, document_id: int) -> None:
    db.execute("DELETE FROM identity_confirmations WHERE document_id = ?", [document_id])


def confirmed_documents(db: sqlite_utils.Database) -> set[int]:
    return {int(r[0]) for r in db.execute("SELECT document_id FROM identity_confirmations")}


def identity_facts(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(kind, value) pairs the family entered: ID numbers, phone numbers, addresses."""
    rows = db.execute("SELECT kind, value FROM identity_facts ORDER BY kind, id").fetchall()
    return [(str(kind), str(value)) for kind, value in rows]


def set_identity_facts(db: sqlite_utils.Database, facts: list[tuple[str, str]]) -> None:
    """Replace the list (kinds outside IDENTITY_FACT_KINDS are refused by the table)."""
    db.execute("DELETE FROM identity_facts")
    for kind, value in facts:
        if value.strip():
            db.execute(
                "INSERT OR IGNORE INTO identity_facts(kind, value) VALUES (?, ?)",
                [kind, value.strip()],
            )


def extracted_texts(db: sqlite_utils.Database) -> dict[int, str]:
    """The text Casebook read from each live document at import (empty for photos)."""
    rows = db.execute("SELECT id, extracted_text FROM documents WHERE deleted_at IS NULL")
    return {int(row[0]): str(row[1] or "") for row in rows}


def imaging_patient_ids(db: sqlite_utils.Database) -> set[str]:
    """The patient IDs the hospitals wrote into the stored imaging."""
    rows = db.execute("SELECT DISTINCT patient_id FROM live_imaging_studies WHERE patient_id != ''")
    return {str(row[0]).strip() for row in rows if str(row[0]).strip()}
