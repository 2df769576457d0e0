"""Appointments and the reminders the family has seen."""

from __future__ import annotations

import json
import uuid
from datetime import date, time
from typing import Any

import sqlite_utils

from casebook.core.appointments import Appointment, AppointmentKind, AppointmentStatus, Bring

_COLUMNS = (
    "id, uid, kind, title, on_date, at_time, duration_minutes, place, contact_id, "
    "consultation_id, bring_json, bring_note, remind_minutes, status, notes"
)


def _bring(text: str) -> tuple[Bring, ...]:
    known = {b.value: b for b in Bring}
    try:
        values = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(known[v] for v in values if isinstance(v, str) and v in known)


def _appointment(row: Any) -> Appointment:
    (aid, uid, kind, title, on_date, at_time, duration, place, contact_id, consultation_id,
     bring, bring_note, remind, status, notes) = row  # fmt: skip
    try:
        appointment_kind = AppointmentKind(kind)
    except ValueError:
        appointment_kind = AppointmentKind.OTHER
    try:
        appointment_status = AppointmentStatus(status)
    except ValueError:
        appointment_status = AppointmentStatus.PLANNED
    return Appointment(
        kind=appointment_kind,
        title=title,
        on_date=date.fromisoformat(on_date),
        at_time=time.fromisoformat(at_time) if at_time else None,
        duration_minutes=int(duration),
        place=place,
        contact_id=int(contact_id) if contact_id is not None else None,
        consultation_id=int(consultation_id) if consultation_id is not None else None,
        bring=_bring(bring),
        bring_note=bring_note,
        remind_minutes=int(remind) if remind is not None else None,
        status=appointment_status,
        notes=notes,
        id=int(aid),
        uid=uid,
    )


def _values(appointment: Appointment) -> list[object]:
    return [
        appointment.kind.value,
        appointment.title.strip(),
        appointment.on_date.isoformat(),
        appointment.at_time.strftime("%H:%M") if appointment.at_time else None,
        appointment.duration_minutes,
        appointment.place.strip(),
        appointment.contact_id,
        appointment.consultation_id,
        json.dumps([b.value for b in appointment.bring]),
        appointment.bring_note.strip(),
        appointment.remind_minutes,
        appointment.status.value,
        appointment.notes.strip(),
    ]


def add_appointment(db: sqlite_utils.Database, appointment: Appointment, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO appointments(kind, title, on_date, at_time, duration_minutes, place,
               contact_id, consultation_id, bring_json, bring_note, remind_minutes, status,
               notes, uid, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [*_values(appointment), appointment.uid or str(uuid.uuid4()), now, now],
    )
    return int(cursor.lastrowid or 0)


def update_appointment(db: sqlite_utils.Database, appointment: Appointment, now: str) -> bool:
    cursor = db.execute(
        """UPDATE appointments SET kind = ?, title = ?, on_date = ?, at_time = ?,
               duration_minutes = ?, place = ?, contact_id = ?, consultation_id = ?,
               bring_json = ?, bring_note = ?, remind_minutes = ?, status = ?, notes = ?,
               updated_at = ?
           WHERE id = ?""",
        [*_values(appointment), now, appointment.id],
    )
    return cursor.rowcount > 0


def delete_appointment(db: sqlite_utils.Database, appointment_id: int) -> None:
    db.execute("DELETE FROM appointments WHERE id = ?", [appointment_id])


def list_appointments(db: sqlite_utils.Database) -> list[Appointment]:
    rows = db.execute(
        f"""SELECT {_COLUMNS} FROM appointments
            ORDER BY on_date, coalesce(at_time, '08:00'), id"""  # noqa: S608
    ).fetchall()
    return [_appointment(row) for row in rows]


def get_appointment(db: sqlite_utils.Database, appointment_id: int) -> Appointment | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM appointments WHERE id = ?",  # noqa: S608
        [appointment_id],
    ).fetchone()
    return None if row is None else _appointment(row)


def reminders_seen(db: sqlite_utils.Database) -> set[tuple[int, str]]:
    rows = db.execute("SELECT appointment_id, for_start FROM appointment_reminders_seen").fetchall()
    return {(int(aid), str(start)) for aid, start in rows}


def mark_reminder_seen(
    db: sqlite_utils.Database, appointment_id: int, for_start: str, now: str
) -> None:
    db.execute(
        """INSERT OR IGNORE INTO appointment_reminders_seen(appointment_id, for_start, seen_at)
           VALUES (?, ?, ?)""",
        [appointment_id, for_start, now],
    )
