"""Opinions, marks and the decision log in a real encrypted binder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from core.opinion_samples import dr_chen, dr_mueller

from casebook.core.decisions import DecisionDraft
from casebook.core.model import Case, PartialDate
from casebook.core.opinions import NOT_STATED, FieldValue, Mark, MarkOverride, OpinionField
from casebook.services.binder.session import create_binder
from casebook.store import decisions, opinions
from casebook.store.database import DatabaseError, transaction
from casebook.store.keyslots import KdfParams

NOW = "2025-02-01T09:00:00+00:00"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    created = create_binder(tmp_path / "b", "pass phrase 12345", Case("P"), KdfParams.minimum())
    yield created.session.database()
    created.session.close()


def test_an_opinion_round_trips_with_not_stated_and_chinese(db: sqlite_utils.Database) -> None:
    chen = dr_chen()
    opinion_id = opinions.insert_opinion(db, chen, NOW)
    loaded = opinions.get_opinion(db, opinion_id)
    assert loaded is not None
    assert loaded.fields == chen.fields
    assert loaded.value(OpinionField.SUBTYPE) == NOT_STATED
    assert loaded.value(OpinionField.FAMILY_NOTES).text.startswith("他说话")
    assert loaded.given_on == PartialDate(2025, 1, 10)
    loaded.fields[OpinionField.STAGE] = FieldValue("")  # emptied: no longer stored
    opinions.update_opinion(db, loaded, NOW)
    again = opinions.get_opinion(db, opinion_id)
    assert again is not None
    assert OpinionField.STAGE not in again.fields


def test_opinions_are_listed_by_date_and_found_by_search(db: sqlite_utils.Database) -> None:
    opinions.insert_opinion(db, dr_mueller(), NOW)
    opinions.insert_opinion(db, dr_chen(), NOW)
    assert [o.source_name for o in opinions.list_opinions(db)] == ["Dr Wei Chen", "Dr Anna Müller"]
    hits = db.execute("SELECT title FROM search_index WHERE search_index MATCH 'PREOPANC'")
    assert [row[0] for row in hits] == ["Dr Anna Müller"]


def test_marks_are_stored_replaced_forgotten_and_dropped_with_an_opinion(
    db: sqlite_utils.Database,
) -> None:
    first = opinions.insert_opinion(db, dr_chen(), NOW)
    second = opinions.insert_opinion(db, dr_mueller(), NOW)
    key = f"{first},{second}"
    stage = OpinionField.STAGE
    opinions.save_mark(db, key, MarkOverride(stage, Mark.AGREE, "f1"), stage, NOW)
    opinions.save_mark(db, key, MarkOverride(stage, Mark.DIFFER, "f2"), stage, NOW)
    assert opinions.load_marks(db, key) == {stage: MarkOverride(stage, Mark.DIFFER, "f2")}
    assert opinions.last_marked_comparison(db) == key
    opinions.save_mark(db, key, None, stage, NOW)
    assert opinions.load_marks(db, key) == {}
    opinions.save_mark(db, key, MarkOverride(stage, Mark.AGREE, "f1"), stage, NOW)
    opinions.delete_opinion(db, second)
    assert opinions.load_marks(db, key) == {}


def test_a_decision_keeps_every_version(db: sqlite_utils.Database) -> None:
    first = DecisionDraft("Chemotherapy first", PartialDate(2025, 2), "Two of three advised it")
    decision_id = decisions.insert_decision(db, first, NOW)
    second = DecisionDraft(
        "Chemotherapy first, at Ruijin",
        PartialDate(2025, 2, 12),
        "Closer to home",
        participants="Mum, Li, Dr Chen",
        revisit_if="If the CT shows growth",
        opinion_ids=(1, 2),
    )
    assert decisions.revise_decision(db, decision_id, second, "2025-02-12T10:00:00+00:00") == 2
    (decision,) = decisions.list_decisions(db)
    assert decision.version == 2
    assert decision.current == second
    assert [v.draft for v in decision.history] == [first, second]
    assert decision.history[0].saved_at == NOW


def test_history_cannot_be_rewritten_or_deleted(db: sqlite_utils.Database) -> None:
    decision_id = decisions.insert_decision(db, DecisionDraft("Surgery first"), NOW)
    with pytest.raises(DatabaseError, match="append-only"), transaction(db):
        db.execute("UPDATE decision_versions SET option_chosen = 'x'")
    with pytest.raises(DatabaseError, match="append-only"), transaction(db):
        db.execute("DELETE FROM decision_versions")
    with pytest.raises(DatabaseError, match="FOREIGN KEY"), transaction(db):
        db.execute("DELETE FROM decisions WHERE id = ?", [decision_id])
    assert decisions.list_decisions(db)[0].current.option_chosen == "Surgery first"


def test_each_version_keeps_the_patients_own_goals(db: sqlite_utils.Database) -> None:
    first = DecisionDraft("Chemotherapy first", goals="To be home for the spring festival")
    decision_id = decisions.insert_decision(db, first, NOW)
    second = DecisionDraft("Chemotherapy first", goals="  想尽量少住院  ")
    decisions.revise_decision(db, decision_id, second, "2025-02-12T10:00:00+00:00")
    (decision,) = decisions.list_decisions(db)
    assert [v.draft.goals for v in decision.history] == [
        "To be home for the spring festival",
        "想尽量少住院",
    ]
