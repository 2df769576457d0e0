"""Timeline records: events with their links, dismissed suggestions, the decision moment.

Therapy fields live in `details_json`; links to documents, imaging studies and consultations in
`timeline_links`. Title and description reach the search index through the schema's triggers.
Callers wrap writes in a transaction (an event and its links change together).
"""

from __future__ import annotations

import json

import sqlite_utils

from casebook.core.decision_moment import DecisionMoment, parse_decision_moment
from casebook.core.model import PartialDate
from casebook.core.timeline import EventKind, Link, LinkKind, TherapyDetails, TimelineEvent
from casebook.store.meta import get_meta, set_meta

DISMISSED_SUGGESTIONS = "timeline_dismissed_suggestions"
"""Meta key: JSON list of suggestion keys the caregiver dismissed."""

_COLUMNS = "id, kind, title, start_date, end_date, description, details_json, created_at"

# A link whose target was deleted for good is not shown (the target tables are not ours to
# cascade from); documents in the trash still exist and keep their links.
_LIVE_LINKS = """
    SELECT event_id, target_kind, target_id FROM timeline_links l
    WHERE (target_kind = 'document' AND EXISTS (SELECT 1 FROM documents d WHERE d.id = l.target_id))
       OR (target_kind = 'imaging_study'
           AND EXISTS (SELECT 1 FROM imaging_studies s WHERE s.id = l.target_id))
       OR (target_kind = 'consultation'
           AND EXISTS (SELECT 1 FROM consultations c WHERE c.id = l.target_id))
"""


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _parse(value: object) -> PartialDate | None:
    return PartialDate.parse(str(value)) if value else None


def _details(event: TimelineEvent) -> str:
    return json.dumps(event.therapy.to_json(), ensure_ascii=False, sort_keys=True)


def _event_from_row(row: tuple[object, ...], links: frozenset[Link]) -> TimelineEvent:
    event_id, kind, title, start, end, description, details, created_at = row
    try:
        event_kind = EventKind(kind)
    except ValueError:
        event_kind = EventKind.OTHER  # written by a newer Casebook: still shown
    data = json.loads(str(details) or "{}")
    return TimelineEvent(
        kind=event_kind,
        title=str(title),
        start=_parse(start),
        end=_parse(end),
        description=str(description),
        therapy=TherapyDetails.from_json(data if isinstance(data, dict) else {}),
        links=links,
        id=int(str(event_id)),
        created_at=str(created_at),
    )


def _links_by_event(db: sqlite_utils.Database) -> dict[int, set[Link]]:
    links: dict[int, set[Link]] = {}
    for event_id, target_kind, target_id in db.execute(_LIVE_LINKS).fetchall():
        links.setdefault(int(event_id), set()).add(Link(LinkKind(target_kind), int(target_id)))
    return links


def list_events(db: sqlite_utils.Database) -> list[TimelineEvent]:
    """Every event, in order of entry (core.timeline.ordered puts them in date order)."""
    links = _links_by_event(db)
    rows = db.execute(f"SELECT {_COLUMNS} FROM timeline_events ORDER BY id").fetchall()  # noqa: S608
    return [_event_from_row(tuple(row), frozenset(links.get(int(row[0]), ()))) for row in rows]


def get_event(db: sqlite_utils.Database, event_id: int) -> TimelineEvent | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM timeline_events WHERE id = ?",  # noqa: S608
        [event_id],
    ).fetchone()
    if row is None:
        return None
    return _event_from_row(tuple(row), frozenset(_links_by_event(db).get(event_id, ())))


def _replace_links(db: sqlite_utils.Database, event_id: int, links: frozenset[Link]) -> None:
    db.execute("DELETE FROM timeline_links WHERE event_id = ?", [event_id])
    for link in sorted(links, key=lambda each: (each.kind.value, each.target_id)):
        db.execute(
            "INSERT INTO timeline_links(event_id, target_kind, target_id) VALUES (?, ?, ?)",
            [event_id, link.kind.value, link.target_id],
        )


def insert_event(db: sqlite_utils.Database, event: TimelineEvent, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO timeline_events(kind, title, start_date, end_date, description,
               details_json, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            event.kind.value,
            event.title,
            _iso(event.start),
            _iso(event.end),
            event.description,
            _details(event),
            now,
        ],
    )
    event_id = int(cursor.lastrowid or 0)
    _replace_links(db, event_id, event.links)
    return event_id


def update_event(db: sqlite_utils.Database, event: TimelineEvent) -> bool:
    """Rewrite an event and its links; False if it no longer exists."""
    cursor = db.execute(
        """UPDATE timeline_events SET kind = ?, title = ?, start_date = ?, end_date = ?,
               description = ?, details_json = ?
           WHERE id = ?""",
        [
            event.kind.value,
            event.title,
            _iso(event.start),
            _iso(event.end),
            event.description,
            _details(event),
            event.id,
        ],
    )
    if cursor.rowcount == 0:
        return False
    _replace_links(db, event.id, event.links)
    return True


def delete_event(db: sqlite_utils.Database, event_id: int) -> None:
    db.execute("DELETE FROM timeline_events WHERE id = ?", [event_id])  # links cascade


def dismissed_suggestions(db: sqlite_utils.Database) -> set[str]:
    stored = get_meta(db, DISMISSED_SUGGESTIONS)
    if not stored:
        return set()
    keys = json.loads(stored)
    return {str(key) for key in keys} if isinstance(keys, list) else set()


def add_dismissed_suggestions(db: sqlite_utils.Database, keys: tuple[str, ...]) -> None:
    keys_now = dismissed_suggestions(db) | set(keys)
    set_meta(db, DISMISSED_SUGGESTIONS, json.dumps(sorted(keys_now)))


def clear_dismissed_suggestions(db: sqlite_utils.Database) -> None:
    set_meta(db, DISMISSED_SUGGESTIONS, "[]")


def load_decision_moment(db: sqlite_utils.Database) -> DecisionMoment | None:
    row = db.execute("SELECT decision_moment FROM case_info WHERE id = 1").fetchone()
    return parse_decision_moment(str(row[0])) if row is not None else None


def save_decision_moment(
    db: sqlite_utils.Database, moment: DecisionMoment | None, now: str
) -> None:
    db.execute(
        "UPDATE case_info SET decision_moment = ?, updated_at = ? WHERE id = 1",
        [moment.value if moment is not None else "", now],
    )


def consultation_choices(db: sqlite_utils.Database) -> list[tuple[int, str, PartialDate | None]]:
    """(id, title, date) of every consultation, for linking an event to one."""
    rows = db.execute("SELECT id, title, held_on FROM consultations ORDER BY id").fetchall()
    return [(int(r[0]), str(r[1]), _lenient_date(r[2])) for r in rows]


def _lenient_date(value: object) -> PartialDate | None:
    """A consultation's date, which may carry a time ("2024-03-17T10:00"): the day part."""
    try:
        return _parse(str(value)[:10]) if value else None
    except ValueError:
        return None
