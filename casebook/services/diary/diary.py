"""The symptom and side-effect diary: quick entries, and what the page and the print show.

It records what the family noticed, in their words and three plain degrees; it never advises.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.changes import Changed
from casebook.core.diary import DiaryEntry
from casebook.core.errors import InvalidInput
from casebook.core.timeline import TimelineEvent
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.undo import Deleted, Undoable
from casebook.services.undo import delete_if_there as _delete
from casebook.store import diary as store
from casebook.store import timeline as timeline_store


def list_entries(session: BinderSession) -> list[DiaryEntry]:
    """Newest first."""
    with session.reading() as db:
        return store.list_entries(db)


def save_entry(session: BinderSession, entry: DiaryEntry) -> int:
    """Add the entry (id 0) or change it; returns its id."""
    entry.validate()
    with session.writing(Changed.DIARY, ids=[entry.id] if entry.id else None) as db:
        if entry.id == 0:
            return store.add_entry(db, entry, timestamp())
        if not store.update_entry(db, entry, timestamp()):
            raise InvalidInput("diary_entry", "no longer in the binder")
        return entry.id


def delete_entry(session: BinderSession, entry_id: int) -> Deleted | None:
    """Delete it, keeping a snapshot so it can be brought back (None when it was gone)."""
    return _delete(session, Undoable.DIARY_ENTRY, entry_id)


@dataclass(frozen=True)
class DiaryView:
    """Every entry (newest first) and the timeline's events, for the chart's treatments."""

    entries: tuple[DiaryEntry, ...]
    events: tuple[TimelineEvent, ...]


def load_diary(session: BinderSession) -> DiaryView:
    with session.reading() as db:
        return DiaryView(tuple(store.list_entries(db)), tuple(timeline_store.list_events(db)))
