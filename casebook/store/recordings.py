"""Recording rows, the PCM segments of a recording in progress, and note marks.

A ready recording points at a blob like a document does. A recording in progress has no blob
yet: its sound is in `recording_segments`, one committed row per second or so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from casebook.core.recordings import (
    NoteMark,
    PcmFormat,
    Recording,
    RecordingOrigin,
    RecordingState,
)

_COLUMNS = (
    "r.id, r.title, r.consultation_id, r.origin, r.state, r.media_type, r.original_name, "
    "r.size, r.content_sha256, r.duration_ms, r.started_at, r.added_at, r.include_in_bundle, "
    "coalesce(c.title, '')"
)
_FROM = "FROM recordings r LEFT JOIN consultations c ON c.id = r.consultation_id"


def _recording(row: Any) -> Recording:
    (rid, title, cid, origin, state, media_type, name, size, sha, duration, started, added,
     in_bundle, consultation_title) = row  # fmt: skip
    return Recording(
        id=int(rid),
        title=str(title),
        consultation_id=None if cid is None else int(cid),
        origin=RecordingOrigin(origin),
        state=RecordingState(state),
        media_type=str(media_type),
        original_name=str(name),
        size=int(size),
        content_sha256=None if sha is None else str(sha),
        duration_ms=int(duration),
        started_at=str(started),
        added_at=str(added),
        include_in_bundle=bool(in_bundle),
        consultation_title=str(consultation_title),
    )


@dataclass(frozen=True)
class NewRecording:
    """A ready recording an import is about to add (its blob already staged)."""

    title: str
    consultation_id: int | None
    media_type: str
    original_name: str
    size: int
    content_sha256: str
    duration_ms: int


def insert_ready(db: sqlite_utils.Database, new: NewRecording, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO recordings(title, consultation_id, origin, state, media_type,
               original_name, size, content_sha256, duration_ms, started_at, added_at)
           VALUES (?, ?, 'imported', 'ready', ?, ?, ?, ?, ?, ?, ?)""",
        [
            new.title,
            new.consultation_id,
            new.media_type,
            new.original_name,
            new.size,
            new.content_sha256,
            new.duration_ms,
            now,
            now,
        ],
    )
    return int(cursor.lastrowid or 0)


def begin_recording(
    db: sqlite_utils.Database, title: str, consultation_id: int | None, pcm: PcmFormat, now: str
) -> int:
    cursor = db.execute(
        """INSERT INTO recordings(title, consultation_id, origin, state, pcm_rate, pcm_channels,
               started_at, added_at) VALUES (?, ?, 'recorded', 'recording', ?, ?, ?, ?)""",
        [title, consultation_id, pcm.sample_rate, pcm.channels, now, now],
    )
    return int(cursor.lastrowid or 0)


def append_segment(db: sqlite_utils.Database, recording_id: int, seq: int, pcm: bytes) -> None:
    db.execute(
        "INSERT INTO recording_segments(recording_id, seq, pcm) VALUES (?, ?, ?)",
        [recording_id, seq, pcm],
    )


def pcm_format(db: sqlite_utils.Database, recording_id: int) -> PcmFormat | None:
    row = db.execute(
        "SELECT pcm_rate, pcm_channels FROM recordings WHERE id = ?", [recording_id]
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return PcmFormat(int(row[0]), int(row[1]))


def segment_count(db: sqlite_utils.Database, recording_id: int) -> int:
    row = db.execute(
        "SELECT count(*) FROM recording_segments WHERE recording_id = ?", [recording_id]
    ).fetchone()
    return int(row[0])


def segment_bytes(db: sqlite_utils.Database, recording_id: int) -> int:
    row = db.execute(
        "SELECT coalesce(sum(length(pcm)), 0) FROM recording_segments WHERE recording_id = ?",
        [recording_id],
    ).fetchone()
    return int(row[0])


def iter_segments(db: sqlite_utils.Database, recording_id: int) -> Iterator[bytes]:
    """The segments in order, one row in memory at a time."""
    seq = -1
    while True:
        row = db.execute(
            """SELECT seq, pcm FROM recording_segments WHERE recording_id = ? AND seq > ?
               ORDER BY seq LIMIT 1""",
            [recording_id, seq],
        ).fetchone()
        if row is None:
            return
        seq = int(row[0])
        yield bytes(row[1])


def mark_ready(
    db: sqlite_utils.Database,
    recording_id: int,
    media_type: str,
    size: int,
    sha256: str,
    duration_ms: int,
    original_name: str,
) -> None:
    """The recording became one stored file: its segments are no longer needed."""
    db.execute(
        """UPDATE recordings SET state = 'ready', media_type = ?, size = ?, content_sha256 = ?,
               duration_ms = ?, original_name = ? WHERE id = ?""",
        [media_type, size, sha256, duration_ms, original_name, recording_id],
    )
    db.execute("DELETE FROM recording_segments WHERE recording_id = ?", [recording_id])
    # Notes marked while it ran travel with it from now on: touching them lets the change log
    # (which follows the rows a write touches) take them along.
    db.execute(
        "UPDATE recording_marks SET offset_ms = offset_ms WHERE recording_id = ?", [recording_id]
    )


def unfinished_ids(db: sqlite_utils.Database) -> list[int]:
    rows = db.execute(
        "SELECT id FROM recordings WHERE state = 'recording' AND deleted_at IS NULL ORDER BY id"
    ).fetchall()
    return [int(row[0]) for row in rows]


def get_recording(db: sqlite_utils.Database, recording_id: int) -> Recording | None:
    row = db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE r.id = ?",
        [recording_id],
    ).fetchone()
    return None if row is None else _recording(row)


def find_by_content(db: sqlite_utils.Database, sha256: str) -> Recording | None:
    row = db.execute(
        f"""SELECT {_COLUMNS} {_FROM} WHERE r.content_sha256 = ? AND r.deleted_at IS NULL
            ORDER BY r.id LIMIT 1""",
        [sha256],
    ).fetchone()
    return None if row is None else _recording(row)


def list_recordings(
    db: sqlite_utils.Database, consultation_id: int | None = None
) -> list[Recording]:
    """Recordings not in the trash, oldest first; of one consultation when it is given."""
    where = "r.deleted_at IS NULL"
    args: list[object] = []
    if consultation_id is not None:
        where += " AND r.consultation_id = ?"
        args.append(consultation_id)
    rows = db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE {where} ORDER BY r.started_at, r.id",
        args,
    ).fetchall()
    return [_recording(row) for row in rows]


def set_included(db: sqlite_utils.Database, recording_id: int, included: bool) -> None:
    db.execute(
        "UPDATE recordings SET include_in_bundle = ? WHERE id = ?", [int(included), recording_id]
    )


def rename(db: sqlite_utils.Database, recording_id: int, title: str) -> None:
    db.execute("UPDATE recordings SET title = ? WHERE id = ?", [title, recording_id])


def move_to_trash(db: sqlite_utils.Database, recording_id: int, now: str) -> None:
    db.execute("UPDATE recordings SET deleted_at = ? WHERE id = ?", [now, recording_id])


def restore(db: sqlite_utils.Database, recording_id: int) -> None:
    db.execute("UPDATE recordings SET deleted_at = NULL WHERE id = ?", [recording_id])


def set_mark(db: sqlite_utils.Database, entry_id: int, recording_id: int, offset_ms: int) -> None:
    """Remember where in the recording a note entry was begun (the first mark stays)."""
    db.execute(
        """INSERT OR IGNORE INTO recording_marks(entry_id, recording_id, offset_ms)
           VALUES (?, ?, ?)""",
        [entry_id, recording_id, max(0, offset_ms)],
    )


def marks_of(db: sqlite_utils.Database, recording_id: int) -> list[NoteMark]:
    """The notes written while the recording ran, in the order they were begun."""
    rows = db.execute(
        """SELECT m.entry_id, m.recording_id, m.offset_ms, e.text, e.author
           FROM recording_marks m JOIN consultation_entries e ON e.id = m.entry_id
           WHERE m.recording_id = ? AND trim(e.text) != ''
           ORDER BY m.offset_ms, m.entry_id""",
        [recording_id],
    ).fetchall()
    return [NoteMark(int(e), int(r), int(o), str(t), str(a)) for e, r, o, t, a in rows]
