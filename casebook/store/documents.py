"""Document records: what the family knows about each file, pointing at its content blob."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from casebook.core.model import Document, PartialDate, RecordKind

_COLUMNS = (
    "id, title, slot, original_name, media_type, size, content_sha256, added_at, "
    "document_date, institution, author, language, notes, translation_of, needs_review, "
    "password_protected"
)


@dataclass(frozen=True)
class NewDocument:
    """What an import knows about a file before it gets an id."""

    title: str
    slot: RecordKind
    original_name: str
    media_type: str
    size: int
    content_sha256: str
    document_date: PartialDate | None = None
    extracted_text: str = ""
    needs_review: bool = False
    password_protected: bool = False


def _from_row(row: tuple[object, ...]) -> Document:
    (doc_id, title, slot, original_name, media_type, size, sha, added_at,
     document_date, institution, author, language, notes, translation_of, review,
     locked) = row  # fmt: skip
    return Document(
        id=int(str(doc_id)),
        title=str(title),
        slot=RecordKind(slot),
        original_name=str(original_name),
        media_type=str(media_type),
        size=int(str(size)),
        content_sha256=str(sha),
        added_at=str(added_at),
        document_date=PartialDate.parse(str(document_date)) if document_date else None,
        institution=str(institution),
        author=str(author),
        language=str(language),
        notes=str(notes),
        translation_of=int(str(translation_of)) if translation_of is not None else None,
        needs_review=bool(review),
        password_protected=bool(locked),
    )


def insert_document(db: sqlite_utils.Database, new: NewDocument, now: str) -> Document:
    cursor = db.execute(
        """INSERT INTO documents(title, slot, original_name, media_type, size, content_sha256,
               added_at, document_date, extracted_text, needs_review, password_protected)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            new.title,
            new.slot.value,
            new.original_name,
            new.media_type,
            new.size,
            new.content_sha256,
            now,
            new.document_date.iso() if new.document_date else None,
            new.extracted_text,
            int(new.needs_review),
            int(new.password_protected),
        ],
    )
    document = get_document(db, int(cursor.lastrowid or 0))
    assert document is not None
    return document


def get_document(db: sqlite_utils.Database, document_id: int) -> Document | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", [document_id]).fetchone()  # noqa: S608
    return None if row is None else _from_row(tuple(row))


def find_document_by_content(db: sqlite_utils.Database, sha256: str) -> Document | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM documents WHERE content_sha256 = ? ORDER BY id LIMIT 1",  # noqa: S608
        [sha256],
    ).fetchone()
    return None if row is None else _from_row(tuple(row))


def list_documents(db: sqlite_utils.Database, *, in_trash: bool = False) -> list[Document]:
    """Documents in date order; trashed ones only when `in_trash`."""
    condition = "deleted_at IS NOT NULL" if in_trash else "deleted_at IS NULL"
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM documents WHERE {condition} "  # noqa: S608
        "ORDER BY coalesce(document_date, added_at), id"
    ).fetchall()
    return [_from_row(tuple(row)) for row in rows]


def move_to_trash(db: sqlite_utils.Database, document_id: int, now: str) -> None:
    db.execute("UPDATE documents SET deleted_at = ? WHERE id = ?", [now, document_id])


def restore_from_trash(db: sqlite_utils.Database, document_id: int) -> None:
    db.execute("UPDATE documents SET deleted_at = NULL WHERE id = ?", [document_id])


def trashed_document_ids(db: sqlite_utils.Database) -> set[int]:
    rows = db.execute("SELECT id FROM documents WHERE deleted_at IS NOT NULL").fetchall()
    return {int(row[0]) for row in rows}


def update_document(db: sqlite_utils.Database, document: Document) -> None:
    db.execute(
        """UPDATE documents SET title = ?, slot = ?, document_date = ?, institution = ?,
               author = ?, language = ?, notes = ?, translation_of = ?, needs_review = ?
           WHERE id = ?""",
        [
            document.title,
            document.slot.value,
            document.document_date.iso() if document.document_date else None,
            document.institution,
            document.author,
            document.language,
            document.notes,
            document.translation_of,
            int(document.needs_review),
            document.id,
        ],
    )


def count_documents_by_slot(db: sqlite_utils.Database) -> dict[RecordKind, int]:
    rows = db.execute(
        "SELECT slot, count(*) FROM documents WHERE deleted_at IS NULL GROUP BY slot"
    ).fetchall()
    return {RecordKind(slot): int(count) for slot, count in rows}


def content_bytes(db: sqlite_utils.Database) -> int:
    row = db.execute("SELECT coalesce(sum(size), 0) FROM blobs WHERE state = 'ready'").fetchone()
    return int(row[0])


def delete_trashed(db: sqlite_utils.Database) -> int:
    cursor = db.execute("DELETE FROM documents WHERE deleted_at IS NOT NULL")
    return int(cursor.rowcount)
