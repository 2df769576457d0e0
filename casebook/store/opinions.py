"""Opinion records, the family's agree/differ marks, and the lines an opinion can be filled from.

The structured fields live in `fields_json` as {field: {"text": …, "not_stated": …}}; a field
left empty is simply absent. Marks are keyed by the set of compared opinions and carry the
fingerprint of what the field said when marked (see core.opinions.field_fingerprint).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from casebook.core.model import PartialDate
from casebook.core.opinions import (
    FieldValue,
    Mark,
    MarkOverride,
    Opinion,
    OpinionField,
    SourceKind,
)

_COLUMNS = (
    "id, source_kind, source_name, institution, country, given_on, consultation_id, "
    "report_document_id, timeline_event_id, fields_json"
)


def fields_to_json(fields: dict[OpinionField, FieldValue]) -> str:
    stored = {
        which.value: {"text": value.text, "not_stated": value.not_stated}
        for which, value in fields.items()
        if value.not_stated or value.text.strip()
    }
    return json.dumps(stored, ensure_ascii=False, sort_keys=True)


def fields_from_json(text: str) -> dict[OpinionField, FieldValue]:
    known = {f.value: f for f in OpinionField}
    fields: dict[OpinionField, FieldValue] = {}
    for name, value in json.loads(text or "{}").items():
        if name in known and isinstance(value, dict):
            not_stated = bool(value.get("not_stated", False))
            fields[known[name]] = FieldValue(
                "" if not_stated else str(value.get("text", "")), not_stated
            )
    return fields


def _optional_int(value: object) -> int | None:
    return int(str(value)) if value is not None else None


def _from_row(row: tuple[object, ...]) -> Opinion:
    (op_id, kind, name, institution, country, given_on, consultation_id, report_id,
     event_id, fields_json) = row  # fmt: skip
    return Opinion(
        id=int(str(op_id)),
        source_kind=SourceKind(kind),
        source_name=str(name),
        institution=str(institution),
        country=str(country),
        given_on=PartialDate.parse(str(given_on)) if given_on else None,
        consultation_id=_optional_int(consultation_id),
        report_document_id=_optional_int(report_id),
        timeline_event_id=_optional_int(event_id),
        fields=fields_from_json(str(fields_json)),
    )


def list_opinions(db: sqlite_utils.Database) -> list[Opinion]:
    """Every opinion, the earliest given first (undated ones last, in the order added)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM opinions "  # noqa: S608 (constant column list)
        "ORDER BY given_on IS NULL, given_on, id"
    ).fetchall()
    return [_from_row(row) for row in rows]


def get_opinion(db: sqlite_utils.Database, opinion_id: int) -> Opinion | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM opinions WHERE id = ?",  # noqa: S608 (constant column list)
        [opinion_id],
    ).fetchone()
    return _from_row(row) if row else None


def _values(opinion: Opinion) -> list[object]:
    return [
        opinion.source_kind.value,
        opinion.source_name.strip(),
        opinion.institution.strip(),
        opinion.country.strip(),
        opinion.given_on.iso() if opinion.given_on else None,
        opinion.consultation_id,
        opinion.report_document_id,
        opinion.timeline_event_id,
        fields_to_json(opinion.fields),
    ]


def insert_opinion(db: sqlite_utils.Database, opinion: Opinion, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO opinions(source_kind, source_name, institution, country, given_on,
               consultation_id, report_document_id, timeline_event_id, fields_json,
               created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [*_values(opinion), now, now],
    )
    return int(cursor.lastrowid or 0)


def update_opinion(db: sqlite_utils.Database, opinion: Opinion, now: str) -> None:
    if opinion.id is None:
        raise ValueError("an unsaved opinion cannot be updated")
    db.execute(
        """UPDATE opinions SET source_kind = ?, source_name = ?, institution = ?, country = ?,
               given_on = ?, consultation_id = ?, report_document_id = ?,
               timeline_event_id = ?, fields_json = ?, updated_at = ?
           WHERE id = ?""",
        [*_values(opinion), now, opinion.id],
    )


def delete_opinion(db: sqlite_utils.Database, opinion_id: int) -> None:
    """Removes the opinion and the marks of every comparison it was part of."""
    db.execute("DELETE FROM opinions WHERE id = ?", [opinion_id])
    keys = [str(r[0]) for r in db.execute("SELECT DISTINCT comparison_key FROM opinion_marks")]
    for key in keys:
        if str(opinion_id) in key.split(","):
            db.execute("DELETE FROM opinion_marks WHERE comparison_key = ?", [key])


# Marks ---------------------------------------------------------------------------------------


def load_marks(db: sqlite_utils.Database, key: str) -> dict[OpinionField, MarkOverride]:
    known = {f.value: f for f in OpinionField}
    marks: dict[OpinionField, MarkOverride] = {}
    for name, mark, fingerprint in db.execute(
        "SELECT field, mark, fingerprint FROM opinion_marks WHERE comparison_key = ?", [key]
    ):
        if name in known:
            marks[known[name]] = MarkOverride(known[name], Mark(mark), str(fingerprint))
    return marks


def save_mark(
    db: sqlite_utils.Database,
    key: str,
    override: MarkOverride | None,
    which: OpinionField,
    now: str,
) -> None:
    """Stores the user's mark for one row, or forgets it (back to Casebook's proposal)."""
    if override is None:
        db.execute(
            "DELETE FROM opinion_marks WHERE comparison_key = ? AND field = ?",
            [key, which.value],
        )
        return
    db.execute(
        """INSERT INTO opinion_marks(comparison_key, field, mark, fingerprint, set_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (comparison_key, field) DO UPDATE
           SET mark = excluded.mark, fingerprint = excluded.fingerprint,
               set_at = excluded.set_at""",
        [key, which.value, override.mark.value, override.fingerprint, now],
    )


def last_marked_comparison(db: sqlite_utils.Database) -> str | None:
    """The set of opinions the family marked most recently, e.g. "3,7"."""
    row = db.execute(
        "SELECT comparison_key FROM opinion_marks ORDER BY set_at DESC, rowid DESC LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else None


# What an opinion can link to and be filled from ------------------------------------------------


@dataclass(frozen=True)
class LinkChoice:
    """A consultation, document or timeline event the family can link an opinion to."""

    id: int
    title: str
    date: str = ""


def list_consultations(db: sqlite_utils.Database) -> list[LinkChoice]:
    rows = db.execute("SELECT id, title, held_on FROM consultations ORDER BY held_on, id")
    return [LinkChoice(int(i), str(t), str(d or "")) for i, t, d in rows]


def list_report_documents(db: sqlite_utils.Database) -> list[LinkChoice]:
    rows = db.execute(
        "SELECT id, title, document_date FROM documents WHERE deleted_at IS NULL "
        "ORDER BY document_date, id"
    )
    return [LinkChoice(int(i), str(t), str(d or "")) for i, t, d in rows]


def list_timeline_events(db: sqlite_utils.Database) -> list[LinkChoice]:
    rows = db.execute("SELECT id, title, start_date FROM timeline_events ORDER BY start_date, id")
    return [LinkChoice(int(i), str(t), str(d or "")) for i, t, d in rows]


@dataclass(frozen=True)
class NoteLine:
    """One non-empty line of a consultation note, ready to be picked into a field."""

    entry_id: int
    line_number: int
    text: str
    author: str = ""


def list_note_lines(db: sqlite_utils.Database, consultation_id: int) -> list[NoteLine]:
    """The lines of every note of a consultation, in the order written.

    Read here directly (the consultations module belongs to the notes feature); only the
    `consultation_entries` columns of the shared schema are used.
    """
    lines: list[NoteLine] = []
    rows = db.execute(
        "SELECT id, author, text FROM consultation_entries WHERE consultation_id = ? "
        "ORDER BY written_at, id",
        [consultation_id],
    )
    for entry_id, author, text in rows:
        for number, line in enumerate(str(text).splitlines(), start=1):
            if line.strip():
                lines.append(NoteLine(int(entry_id), number, line.strip(), str(author)))
    return lines
