"""The decision log: the current version of each decision in `decisions`, every version in
the append-only `decision_versions` (triggers refuse updates and deletes there)."""

from __future__ import annotations

import json

import sqlite_utils

from casebook.core.decisions import Decision, DecisionDraft, DecisionVersion
from casebook.core.model import PartialDate


def _draft_values(draft: DecisionDraft) -> list[object]:
    return [
        draft.decided_on.iso() if draft.decided_on else None,
        draft.option_chosen.strip(),
        draft.reasons.strip(),
        draft.participants.strip(),
        draft.revisit_if.strip(),
        json.dumps(list(draft.opinion_ids)),
        draft.goals.strip(),
    ]


def _add_version(
    db: sqlite_utils.Database, decision_id: int, version: int, draft: DecisionDraft, now: str
) -> None:
    db.execute(
        """INSERT INTO decision_versions(decision_id, version, saved_at, decided_on,
               option_chosen, reasons, participants, revisit_if, opinion_ids_json, goals)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [decision_id, version, now, *_draft_values(draft)],
    )


def insert_decision(db: sqlite_utils.Database, draft: DecisionDraft, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO decisions(decided_on, option_chosen, reasons, participants, revisit_if,
               opinion_ids_json, goals, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
        [*_draft_values(draft), now, now],
    )
    decision_id = int(cursor.lastrowid or 0)
    _add_version(db, decision_id, 1, draft, now)
    return decision_id


def revise_decision(
    db: sqlite_utils.Database, decision_id: int, draft: DecisionDraft, now: str
) -> int:
    """Saves `draft` as the next version; returns its number. Earlier versions stay."""
    row = db.execute("SELECT version FROM decisions WHERE id = ?", [decision_id]).fetchone()
    if row is None:
        raise KeyError(decision_id)
    version = int(row[0]) + 1
    db.execute(
        """UPDATE decisions SET decided_on = ?, option_chosen = ?, reasons = ?,
               participants = ?, revisit_if = ?, opinion_ids_json = ?, goals = ?, version = ?,
               updated_at = ?
           WHERE id = ?""",
        [*_draft_values(draft), version, now, decision_id],
    )
    _add_version(db, decision_id, version, draft, now)
    return version


def _draft_from(row: tuple[object, ...]) -> DecisionDraft:
    decided_on, option, reasons, participants, revisit_if, opinion_ids, goals = row
    return DecisionDraft(
        option_chosen=str(option),
        decided_on=PartialDate.parse(str(decided_on)) if decided_on else None,
        reasons=str(reasons),
        participants=str(participants),
        revisit_if=str(revisit_if),
        opinion_ids=tuple(int(i) for i in json.loads(str(opinion_ids) or "[]")),
        goals=str(goals or ""),
    )


def list_decisions(db: sqlite_utils.Database) -> list[Decision]:
    """Every decision with its full history, the most recently changed first."""
    histories: dict[int, list[DecisionVersion]] = {}
    for row in db.execute(
        """SELECT decision_id, version, saved_at, decided_on, option_chosen, reasons,
               participants, revisit_if, opinion_ids_json, goals
           FROM decision_versions ORDER BY decision_id, version"""
    ):
        decision_id, version, saved_at, *rest = row
        histories.setdefault(int(decision_id), []).append(
            DecisionVersion(int(version), str(saved_at), _draft_from(tuple(rest)))
        )
    decisions = [
        Decision(int(decision_id), str(created_at), tuple(histories.get(int(decision_id), ())))
        for decision_id, created_at in db.execute(
            "SELECT id, created_at FROM decisions ORDER BY updated_at DESC, id DESC"
        )
    ]
    return [d for d in decisions if d.history]
