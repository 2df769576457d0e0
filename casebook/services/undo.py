"""Deletions that can be undone: timeline events, consultations, questions and opinions.

Deleting takes a snapshot of the row and everything that depends on it (links, answers, note
entries, comparison marks, references from other records) inside the binder, in the same
transaction as the delete; `undo_delete` puts it all back. One mechanism for every kind, so the
pages show "Deleted “…”. [Undo]" instead of asking "Are you sure?".
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from casebook.services.binder import BinderSession
from casebook.services.clock import timestamp
from casebook.store import consultations as consultation_store
from casebook.store import opinions as opinion_store
from casebook.store import questions as question_store
from casebook.store import timeline as timeline_store
from casebook.store import undo as store
from casebook.store.database import classified_errors, transaction
from casebook.store.undo import Dependent, Link, Shape

__all__ = ["Deleted", "Undoable", "delete_with_undo", "undo_delete"]


class Undoable(enum.Enum):
    """The kinds of record whose deletion can be undone."""

    TIMELINE_EVENT = "timeline_event"
    CONSULTATION = "consultation"
    QUESTION = "question"
    OPINION = "opinion"


_SHAPES: dict[Undoable, Shape] = {
    Undoable.TIMELINE_EVENT: Shape(
        Undoable.TIMELINE_EVENT.value,
        "timeline_events",
        "title",
        (
            Dependent("timeline_links", "event_id"),
            Dependent("opinions", "timeline_event_id", Link.NULLED),
        ),
    ),
    Undoable.CONSULTATION: Shape(
        Undoable.CONSULTATION.value,
        "consultations",
        "title",
        (
            Dependent("consultation_questions", "consultation_id"),
            Dependent("consultation_entries", "consultation_id"),
            Dependent("timeline_links", "target_id", condition="target_kind = 'consultation'"),
            Dependent("opinions", "consultation_id", Link.NULLED),
        ),
    ),
    Undoable.QUESTION: Shape(
        Undoable.QUESTION.value,
        "questions",
        "text",
        (
            Dependent("consultation_questions", "question_id"),
            Dependent("consultation_entries", "question_id", Link.NULLED),
        ),
    ),
    Undoable.OPINION: Shape(
        Undoable.OPINION.value,
        "opinions",
        "source_name",
        (Dependent("opinion_marks", "comparison_key", Link.MEMBER),),
    ),
}

# The deletes themselves stay in their own store modules, which know what cascades.
_DELETES: dict[Undoable, Callable[[sqlite_utils.Database, int], None]] = {
    Undoable.TIMELINE_EVENT: timeline_store.delete_event,
    Undoable.CONSULTATION: consultation_store.delete_consultation,
    Undoable.QUESTION: question_store.delete_question,
    Undoable.OPINION: opinion_store.delete_opinion,
}


@dataclass(frozen=True)
class Deleted:
    """What a deletion removed: enough for the page to say so and to offer Undo."""

    snapshot_id: int
    kind: Undoable
    label: str


def delete_with_undo(session: BinderSession, kind: Undoable, row_id: int) -> Deleted:
    """Delete the record and keep a snapshot to undo it; KeyError if there is no such record."""
    shape = _SHAPES[kind]
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        payload = store.capture(db, shape, row_id)
        if payload is None:
            raise KeyError(row_id)
        snapshot_id = store.save_snapshot(db, shape, payload, timestamp())
        _DELETES[kind](db, row_id)
    label = str(payload["row"].get(shape.label_column) or "")
    return Deleted(snapshot_id, kind, label)


def undo_delete(session: BinderSession, snapshot_id: int) -> int:
    """Bring back what the snapshot holds; returns the record's id (its original one when
    still free). KeyError when the snapshot is gone (already undone, or too old)."""
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        snapshot = store.take_snapshot(db, snapshot_id)
        if snapshot is None:
            raise KeyError(snapshot_id)
        return store.restore(db, _SHAPES[Undoable(snapshot.kind)], snapshot.payload)
