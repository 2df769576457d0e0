"""The family's questions and, per question, the answers recorded across consultations."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from casebook.core.questions import Answer, Priority, Question, QuestionStatus

_COLUMNS = "id, text, topic, source, bank_key, priority, status, notes, created_at"


def question_from_row(row: Any) -> Question:
    """A Question from the columns `id, text, topic, source, bank_key, priority, status,
    notes, created_at` in that order."""
    qid, text, topic, source, bank_key, priority, status, notes, created_at = row
    return Question(
        id=int(qid),
        text=text,
        topic=topic,
        source=source,
        bank_key=bank_key,
        priority=Priority(max(0, min(2, int(priority)))),
        status=QuestionStatus(status),
        notes=notes,
        created_at=created_at,
    )


def list_questions(db: sqlite_utils.Database) -> list[Question]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM questions ORDER BY id").fetchall()  # noqa: S608
    return [question_from_row(row) for row in rows]


def get_question(db: sqlite_utils.Database, question_id: int) -> Question | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM questions WHERE id = ?",  # noqa: S608
        [question_id],
    ).fetchone()
    return None if row is None else question_from_row(row)


def add_question(db: sqlite_utils.Database, question: Question, now: str) -> int:
    """Insert `question` (its id is ignored) and return the new id."""
    cursor = db.execute(
        """INSERT INTO questions(text, topic, source, bank_key, priority, status, notes,
               created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            question.text,
            question.topic,
            question.source,
            question.bank_key,
            int(question.priority),
            question.status.value,
            question.notes,
            now,
        ],
    )
    return int(cursor.lastrowid or 0)


def update_question(db: sqlite_utils.Database, question: Question) -> None:
    db.execute(
        """UPDATE questions SET text = ?, topic = ?, priority = ?, status = ?, notes = ?
           WHERE id = ?""",
        [
            question.text,
            question.topic,
            int(question.priority),
            question.status.value,
            question.notes,
            question.id,
        ],
    )


def set_status(db: sqlite_utils.Database, question_id: int, status: QuestionStatus) -> None:
    db.execute("UPDATE questions SET status = ? WHERE id = ?", [status.value, question_id])


def delete_question(db: sqlite_utils.Database, question_id: int) -> None:
    db.execute("DELETE FROM questions WHERE id = ?", [question_id])


def answers(db: sqlite_utils.Database, question_id: int | None = None) -> list[Answer]:
    """Every consultation each question was taken to, oldest consultation first."""
    where = "" if question_id is None else "WHERE cq.question_id = ?"
    rows = db.execute(
        f"""SELECT cq.question_id, c.id, c.title, c.held_on, c.doctor, c.institution,
                   cq.answer, cq.answered_by, cq.answered_on
            FROM consultation_questions cq JOIN consultations c ON c.id = cq.consultation_id
            {where}
            ORDER BY coalesce(c.held_on, substr(c.created_at, 1, 10)), c.id""",  # noqa: S608
        [] if question_id is None else [question_id],
    ).fetchall()
    return [
        Answer(
            question_id=int(qid),
            consultation_id=int(cid),
            consultation_title=title,
            held_on=held_on,
            doctor=doctor,
            institution=institution,
            answer=answer,
            answered_by=answered_by,
            answered_on=answered_on,
        )
        for qid, cid, title, held_on, doctor, institution, answer, answered_by, answered_on in rows
    ]


def read_decision_moment(db: sqlite_utils.Database) -> str:
    """The caregiver's current decision moment ('' until one is chosen)."""
    row = db.execute("SELECT decision_moment FROM case_info WHERE id = 1").fetchone()
    return "" if row is None else str(row[0])
