"""Schema 9 gives decisions the patient's own goals; a binder from before keeps its decisions,
each with no goals written yet, and takes new ones from then on."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from casebook.store.schema import _V9_DECISION_GOALS, MIGRATIONS, _seed_slots


def test_a_schema_8_binder_keeps_its_decisions_and_gains_goals() -> None:
    db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    for index, statements in enumerate(MIGRATIONS[: MIGRATIONS.index(_V9_DECISION_GOALS)]):
        for statement in statements:
            db.execute(statement)
        if index == 0:
            _seed_slots(db, "2026-01-01T00:00:00Z")
    db.execute(
        """INSERT INTO decisions(id, option_chosen, reasons, created_at)
           VALUES (1, 'Surgery first', 'R', '2026-01-02')"""
    )
    db.execute(
        """INSERT INTO decision_versions(decision_id, version, saved_at, option_chosen, reasons)
           VALUES (1, 1, '2026-01-02', 'Surgery first', 'R')"""
    )
    for statement in _V9_DECISION_GOALS:
        db.execute(statement)
    row = db.execute("SELECT option_chosen, reasons, goals FROM decisions").fetchone()
    assert row == ("Surgery first", "R", "")
    kept = db.execute("SELECT version, option_chosen, goals FROM decision_versions").fetchall()
    assert kept == [(1, "Surgery first", "")]
    db.execute(
        """INSERT INTO decision_versions(decision_id, version, saved_at, option_chosen, goals)
           VALUES (1, 2, '2026-02-02', 'Surgery first', 'Walk the dog again')"""
    )
    goals = db.execute("SELECT goals FROM decision_versions ORDER BY version").fetchall()
    assert goals == [("",), ("Walk the dog again",)]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE decision_versions SET goals = 'changed' WHERE version = 1")
