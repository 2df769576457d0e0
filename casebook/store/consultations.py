"""Consultations, the questions taken to each, the notes written during them, and their links
to the timeline (rows in `timeline_links` with target_kind "consultation")."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from casebook.core.consultations import Consultation, NoteEntry, NoteTag
from casebook.store.questions import question_from_row

TIMELINE_TARGET = "consultation"

_COLUMNS = "id, title, held_on, doctor, institution, attendees, notes, created_at"


def _consultation(row: Any) -> Consultation:
    cid, title, held_on, doctor, institution, attendees, notes, created_at = row
    return Consultation(
        id=int(cid),
        title=title,
        held_on=held_on,
        doctor=doctor,
        institution=institution,
        attendees=tuple(json.loads(attendees)) if attendees else (),
        notes=notes,
        created_at=created_at,
    )


def add_consultation(db: sqlite_utils.Database, consultation: Consultation, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO consultations(title, held_on, doctor, institution, attendees, notes,
               created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            consultation.title,
            consultation.held_on,
            consultation.doctor,
            consultation.institution,
            json.dumps(list(consultation.attendees), ensure_ascii=False),
            consultation.notes,
            now,
        ],
    )
    return int(cursor.lastrowid or 0)


def update_consultation(db: sqlite_utils.Database, consultation: Consultation) -> None:
    db.execute(
        """UPDATE consultations SET title = ?, held_on = ?, doctor = ?, institution = ?,
               attendees = ?, notes = ? WHERE id = ?""",
        [
            consultation.title,
            consultation.held_on,
            consultation.doctor,
            consultation.institution,
            json.dumps(list(consultation.attendees), ensure_ascii=False),
            consultation.notes,
            consultation.id,
        ],
    )


def delete_consultation(db: sqlite_utils.Database, consultation_id: int) -> None:
    db.execute(
        "DELETE FROM timeline_links WHERE target_kind = ? AND target_id = ?",
        [TIMELINE_TARGET, consultation_id],
    )
    db.execute("DELETE FROM consultations WHERE id = ?", [consultation_id])


def list_consultations(db: sqlite_utils.Database) -> list[Consultation]:
    """Newest first (by date held, undated ones by when they were entered)."""
    rows = db.execute(
        f"""SELECT {_COLUMNS} FROM consultations
            ORDER BY coalesce(held_on, substr(created_at, 1, 10)) DESC, id DESC"""  # noqa: S608
    ).fetchall()
    return [_consultation(row) for row in rows]


def get_consultation(db: sqlite_utils.Database, consultation_id: int) -> Consultation | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM consultations WHERE id = ?",  # noqa: S608
        [consultation_id],
    ).fetchone()
    return None if row is None else _consultation(row)


def attach_questions(
    db: sqlite_utils.Database, consultation_id: int, question_ids: Sequence[int]
) -> None:
    """Add questions to the end of a consultation's list (already listed ones stay put)."""
    row = db.execute(
        "SELECT coalesce(max(position), -1) FROM consultation_questions WHERE consultation_id = ?",
        [consultation_id],
    ).fetchone()
    position = int(row[0]) + 1
    for question_id in question_ids:
        cursor = db.execute(
            """INSERT OR IGNORE INTO consultation_questions(consultation_id, question_id, position)
               VALUES (?, ?, ?)""",
            [consultation_id, question_id, position],
        )
        position += cursor.rowcount


def detach_question(db: sqlite_utils.Database, consultation_id: int, question_id: int) -> None:
    db.execute(
        "DELETE FROM consultation_questions WHERE consultation_id = ? AND question_id = ?",
        [consultation_id, question_id],
    )


def listed_question_rows(db: sqlite_utils.Database, consultation_id: int) -> list[tuple[Any, ...]]:
    """(question, answer, answered_by, answered_on) in the list's order."""
    rows = db.execute(
        """SELECT q.id, q.text, q.topic, q.source, q.bank_key, q.priority, q.status, q.notes,
                  q.created_at, cq.answer, cq.answered_by, cq.answered_on
           FROM consultation_questions cq JOIN questions q ON q.id = cq.question_id
           WHERE cq.consultation_id = ? ORDER BY cq.position, q.id""",
        [consultation_id],
    ).fetchall()
    return [(question_from_row(row[:9]), row[9], row[10], row[11]) for row in rows]


def set_answer(
    db: sqlite_utils.Database,
    consultation_id: int,
    question_id: int,
    answer: str,
    answered_by: str,
    answered_on: str | None,
) -> None:
    db.execute(
        """UPDATE consultation_questions SET answer = ?, answered_by = ?, answered_on = ?
           WHERE consultation_id = ? AND question_id = ?""",
        [answer, answered_by, answered_on, consultation_id, question_id],
    )


def _entry(row: Any) -> NoteEntry:
    eid, cid, author, written_at, text, tags, question_id = row
    return NoteEntry(
        id=int(eid),
        consultation_id=int(cid),
        author=author,
        written_at=written_at,
        text=text,
        tags=tuple(NoteTag(t) for t in json.loads(tags)),
        question_id=None if question_id is None else int(question_id),
    )


_ENTRY_COLUMNS = "id, consultation_id, author, written_at, text, tags, question_id"


def add_entry(db: sqlite_utils.Database, entry: NoteEntry) -> int:
    cursor = db.execute(
        """INSERT INTO consultation_entries(consultation_id, author, written_at, text, tags,
               question_id) VALUES (?, ?, ?, ?, ?, ?)""",
        [
            entry.consultation_id,
            entry.author,
            entry.written_at,
            entry.text,
            json.dumps([t.value for t in entry.tags]),
            entry.question_id,
        ],
    )
    return int(cursor.lastrowid or 0)


def update_entry(db: sqlite_utils.Database, entry: NoteEntry) -> None:
    db.execute(
        """UPDATE consultation_entries SET author = ?, text = ?, tags = ?, question_id = ?
           WHERE id = ?""",
        [
            entry.author,
            entry.text,
            json.dumps([t.value for t in entry.tags]),
            entry.question_id,
            entry.id,
        ],
    )


def delete_entry(db: sqlite_utils.Database, entry_id: int) -> None:
    db.execute("DELETE FROM consultation_entries WHERE id = ?", [entry_id])


def get_entry(db: sqlite_utils.Database, entry_id: int) -> NoteEntry | None:
    row = db.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM consultation_entries WHERE id = ?",  # noqa: S608
        [entry_id],
    ).fetchone()
    return None if row is None else _entry(row)


def list_entries(db: sqlite_utils.Database, consultation_id: int) -> list[NoteEntry]:
    rows = db.execute(
        f"""SELECT {_ENTRY_COLUMNS} FROM consultation_entries WHERE consultation_id = ?
            ORDER BY written_at, id""",  # noqa: S608
        [consultation_id],
    ).fetchall()
    return [_entry(row) for row in rows]


def answer_texts(db: sqlite_utils.Database, consultation_id: int, question_id: int) -> list[str]:
    """The non-empty answer entries for one question in one consultation, in time order."""
    rows = db.execute(
        """SELECT text FROM consultation_entries
           WHERE consultation_id = ? AND question_id = ? AND trim(text) != ''
             AND tags NOT LIKE '%new_question%'
           ORDER BY written_at, id""",
        [consultation_id, question_id],
    ).fetchall()
    return [str(row[0]).strip() for row in rows]


def has_answer_elsewhere(db: sqlite_utils.Database, consultation_id: int, question_id: int) -> bool:
    row = db.execute(
        """SELECT 1 FROM consultation_questions
           WHERE question_id = ? AND consultation_id != ? AND trim(answer) != '' LIMIT 1""",
        [question_id, consultation_id],
    ).fetchone()
    return row is not None


def link_timeline_event(db: sqlite_utils.Database, event_id: int, consultation_id: int) -> None:
    db.execute(
        "INSERT OR IGNORE INTO timeline_links(event_id, target_kind, target_id) VALUES (?, ?, ?)",
        [event_id, TIMELINE_TARGET, consultation_id],
    )


def unlink_timeline_event(db: sqlite_utils.Database, event_id: int, consultation_id: int) -> None:
    db.execute(
        "DELETE FROM timeline_links WHERE event_id = ? AND target_kind = ? AND target_id = ?",
        [event_id, TIMELINE_TARGET, consultation_id],
    )


def linked_timeline_events(
    db: sqlite_utils.Database, consultation_id: int
) -> list[tuple[int, str, str | None]]:
    """(event id, title, start date) of the timeline events linked to a consultation."""
    rows = db.execute(
        """SELECT e.id, e.title, e.start_date FROM timeline_links l
           JOIN timeline_events e ON e.id = l.event_id
           WHERE l.target_kind = ? AND l.target_id = ? ORDER BY e.start_date, e.id""",
        [TIMELINE_TARGET, consultation_id],
    ).fetchall()
    return [(int(i), str(t), d) for i, t, d in rows]


def list_timeline_events(db: sqlite_utils.Database) -> list[tuple[int, str, str | None]]:
    """(id, title, start date) of every timeline event, to offer as links."""
    rows = db.execute(
        "SELECT id, title, start_date FROM timeline_events ORDER BY start_date, id"
    ).fetchall()
    return [(int(i), str(t), d) for i, t, d in rows]


def upcoming_consultation_ids(db: sqlite_utils.Database, today: str) -> list[int]:
    """Consultations not yet held: dated today or later, or not dated at all."""
    rows = db.execute(
        "SELECT id FROM consultations WHERE held_on IS NULL OR held_on >= ? ORDER BY id",
        [today],
    ).fetchall()
    return [int(row[0]) for row in rows]
