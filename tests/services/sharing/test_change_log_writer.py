"""The change log's writer: changes inserted together at the end of a capture are the same log
that inserting them one by one made — one change per unsent edit, refs under their change."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from casebook.services.binder.session import BinderSession
from casebook.store.sharing.log import LocalWriter, LogView, mark_exported

ROW = "0123456789abcdef0123456789abcdef"


def _log(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    return [
        (counter, name, value, sorted((refs or "").split()))
        for counter, name, value, refs in db.execute(
            """SELECT c.counter, c.field, c.value,
                      (SELECT group_concat(r.uid, ' ') FROM sync_refs r WHERE r.change_id = c.id)
               FROM sync_changes c WHERE c.row_uid = ? ORDER BY c.counter""",
            [ROW],
        )
    ]


def _edit(db: sqlite_utils.Database, *edits: tuple[str, str, tuple[str, ...]]) -> list[int]:
    """One capture's edits of the row (field, value, refs); the counters they were given."""
    view = LogView(db)
    writer = LocalWriter(db, view)
    counters = []
    for name, value, refs in edits:
        heads = view.row("questions", ROW).heads(name)
        counters.append(writer.record("questions", ROW, name, value, heads, refs).counter)
    writer.save()
    return counters


def test_an_edit_made_twice_in_one_capture_is_one_change(session: BinderSession) -> None:
    with session.writing() as db:
        first, again, other = _edit(
            db,
            ("text", "Is surgery possible?", ("a",)),
            ("text", "Is surgery still possible?", ("b", "c")),
            ("topic", "surgery", ()),
        )
        assert first == again != other
        assert _log(db) == [
            (first, "text", '"Is surgery still possible?"', ["b", "c"]),
            (other, "topic", '"surgery"', []),
        ]


def test_an_unsent_change_is_rewritten_in_place_and_a_sent_one_is_not(
    session: BinderSession,
) -> None:
    with session.writing() as db:
        [first] = _edit(db, ("text", "Dose?", ("a",)))
    with session.writing() as db:
        [rewritten] = _edit(db, ("text", "Which dose?", ("d",)))
        assert rewritten == first
        assert _log(db) == [(first, "text", '"Which dose?"', ["d"])]  # its old ref went with it
        mark_exported(db)
    with session.writing() as db:
        [later] = _edit(db, ("text", "Which dose, and when?", ()))
        assert later == first + 1
        assert _log(db) == [
            (first, "text", '"Which dose?"', ["d"]),
            (later, "text", '"Which dose, and when?"', []),
        ]
        replaced = db.execute(
            "SELECT replaces FROM sync_changes WHERE counter = ? AND row_uid = ?", [later, ROW]
        ).fetchone()[0]
        assert str(first) in replaced  # the new change names the one it replaces
