"""Text read from pictures and scanned pages: one row per document page, with its line and word
boxes, and the document's searchable text (which the family's correction replaces)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

# Pictures phones and scanners make; PDFs are read page by page when they have no text layer.
PICTURE_TYPES = ("image/jpeg", "image/png", "image/heic", "image/tiff")
PDF = "application/pdf"


@dataclass(frozen=True)
class RecognisedPage:
    document_id: int
    page: int
    width: int
    height: int
    lines: list[dict[str, Any]]
    text: str
    problem: str = ""


def waiting_documents(db: sqlite_utils.Database) -> list[tuple[int, str]]:
    """(id, media type) of documents whose text has not been read yet: pictures, and PDFs
    with no text layer that are not locked by a password."""
    marks = ", ".join("?" for _ in PICTURE_TYPES)
    rows = db.execute(
        f"""SELECT d.id, d.media_type FROM documents d
            WHERE d.deleted_at IS NULL
              AND (d.media_type IN ({marks})
                   OR (d.media_type = ? AND trim(d.extracted_text) = ''
                       AND d.password_protected = 0))
              AND NOT EXISTS (SELECT 1 FROM recognised_pages r WHERE r.document_id = d.id)
            ORDER BY d.id""",  # noqa: S608 - placeholders only
        [*PICTURE_TYPES, PDF],
    ).fetchall()
    return [(int(i), str(m)) for i, m in rows]


def save_page(db: sqlite_utils.Database, page: RecognisedPage, engine: str, now: str) -> None:
    db.execute(
        """INSERT OR REPLACE INTO recognised_pages(document_id, page, engine, recognised_at,
               width, height, lines_json, text, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            page.document_id,
            page.page,
            engine,
            now,
            page.width,
            page.height,
            json.dumps(page.lines, ensure_ascii=False),
            page.text,
            page.problem,
        ],
    )


def pages_of(db: sqlite_utils.Database, document_id: int) -> list[RecognisedPage]:
    rows = db.execute(
        """SELECT page, width, height, lines_json, text, problem FROM recognised_pages
           WHERE document_id = ? ORDER BY page""",
        [document_id],
    ).fetchall()
    return [
        RecognisedPage(document_id, int(p), int(w), int(h), json.loads(j), str(t), str(pr))
        for p, w, h, j, t, pr in rows
    ]


def set_searchable_text(db: sqlite_utils.Database, document_id: int, text: str) -> None:
    """What search finds for the document (the search index follows by trigger), unless the
    family has corrected it."""
    db.execute(
        """UPDATE documents SET extracted_text = ? WHERE id = ? AND text_corrected_at IS NULL""",
        [text, document_id],
    )


def correct_text(db: sqlite_utils.Database, document_id: int, text: str, now: str) -> None:
    """The family's own reading replaces the recognised text for search and export."""
    db.execute(
        "UPDATE documents SET extracted_text = ?, text_corrected_at = ? WHERE id = ?",
        [text, now, document_id],
    )


def document_text(db: sqlite_utils.Database, document_id: int) -> tuple[str, bool]:
    """(searchable text, whether the family corrected it)."""
    row = db.execute(
        "SELECT extracted_text, text_corrected_at FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    if row is None:
        return "", False
    return str(row[0]), row[1] is not None
