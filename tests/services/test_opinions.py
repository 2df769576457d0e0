"""Opinions through the services: record, compare, mark, ask, decide, summarise."""

from __future__ import annotations

import pytest
from core.opinion_samples import dr_chen, dr_mueller, fudan_mdt

from casebook.core.decisions import DecisionDraft
from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate
from casebook.core.opinions import FieldValue, Mark, OpinionField
from casebook.services.binder.session import BinderSession
from casebook.services.opinions import opinions
from casebook.store.database import transaction

F = OpinionField


def add_three(session: BinderSession) -> list[int]:
    return [opinions.save_opinion(session, o) for o in (dr_chen(), dr_mueller(), fudan_mdt())]


def test_marks_are_kept_across_edits_unless_their_field_changed(session: BinderSession) -> None:
    chen_id, mueller_id, _ = add_three(session)
    comparison = opinions.set_mark(session, [chen_id, mueller_id], F.STAGE, Mark.AGREE)
    comparison = opinions.set_mark(session, [chen_id, mueller_id], F.FOLLOW_UP, Mark.DIFFER)
    assert comparison.row(F.STAGE).mark is Mark.AGREE

    chen = next(o for o in opinions.list_opinions(session) if o.id == chen_id)
    chen.fields[F.MAIN_RISKS] = FieldValue("Tiredness and infections")  # another field
    opinions.save_opinion(session, chen)
    again = opinions.load_comparison(session, [mueller_id, chen_id])  # order does not matter
    assert again.row(F.STAGE).mark is Mark.AGREE
    assert again.row(F.FOLLOW_UP).confirmed

    chen.fields[F.STAGE] = FieldValue("Locally advanced")  # the marked field itself
    opinions.save_opinion(session, chen)
    after = opinions.load_comparison(session, [chen_id, mueller_id])
    assert after.row(F.STAGE).user_mark is None
    assert after.row(F.STAGE).mark is Mark.DIFFER
    assert after.row(F.FOLLOW_UP).confirmed

    cleared = opinions.set_mark(session, [chen_id, mueller_id], F.FOLLOW_UP, None)
    assert not cleared.row(F.FOLLOW_UP).confirmed


def test_marks_belong_to_one_set_of_opinions(session: BinderSession) -> None:
    ids = add_three(session)
    opinions.set_mark(session, ids[:2], F.STAGE, Mark.AGREE)
    trio = opinions.load_comparison(session, ids)
    assert trio.row(F.STAGE).mark is Mark.DIFFER


def test_a_comparison_needs_two_to_four_distinct_saved_opinions(session: BinderSession) -> None:
    ids = add_three(session)
    for wrong in ([ids[0]], [ids[0], ids[0]], [ids[0], 999]):
        with pytest.raises(InvalidInput):
            opinions.load_comparison(session, wrong)


def test_only_user_marks_can_be_set(session: BinderSession) -> None:
    with pytest.raises(InvalidInput):
        opinions.set_mark(session, add_three(session)[:2], F.STAGE, Mark.NONE_SAY)


def test_differences_go_to_the_question_list_once(session: BinderSession) -> None:
    compared = add_three(session)[:2]
    db = session.database()
    with transaction(db):
        db.execute(
            "INSERT INTO questions(text, created_at) VALUES (?, ?)",
            ["the two opinions suggest a different order or timing (chemotherapy first and "
             "surgery first).  why, and does it matter", "2025-01-01T00:00:00+00:00"],
        )  # fmt: skip
        db.execute(  # the next consultation, not yet dated
            "INSERT INTO consultations(id, title, created_at) VALUES (5, 'Next visit', ?)",
            ["2025-01-01T00:00:00+00:00"],
        )
    first = opinions.add_follow_up_questions(session, compared)
    assert first.added
    assert first.already_listed == 1  # the order question was on the list already
    second = opinions.add_follow_up_questions(session, compared)
    assert second.added == ()
    assert second.already_listed == len(first.added) + 1
    rows = db.execute("SELECT text, topic, source, status FROM questions ORDER BY id").fetchall()
    assert len(rows) == 1 + len(first.added)
    on_next = db.execute("SELECT count(*) FROM consultation_questions WHERE consultation_id = 5")
    assert on_next.fetchone()[0] == len(first.added)  # they go to the next consultation
    assert {(topic, source, status) for _t, topic, source, status in rows[1:]} <= {
        (topic, "family", "open") for topic in ("stage", "plan", "alternatives", "testing")
    }


def test_link_choices_and_note_lines(session: BinderSession) -> None:
    db = session.database()
    with transaction(db):
        db.execute(
            "INSERT INTO consultations(id, title, held_on, created_at) VALUES (7, ?, ?, ?)",
            ["Video call, Heidelberg", "2025-01-24", "2025-01-24T10:00:00+00:00"],
        )
        for when, text in (
            ("2025-01-24T10:05:00+00:00", "Stage: resectable\n\n  Surgery first  "),
            ("2025-01-24T10:01:00+00:00", "Diagnosis confirmed"),
        ):
            db.execute(
                "INSERT INTO consultation_entries(consultation_id, author, written_at, text) "
                "VALUES (7, 'Li', ?, ?)",
                [when, text],
            )
    choices = opinions.list_link_choices(session)
    assert [(c.id, c.title, c.date) for c in choices.consultations] == [
        (7, "Video call, Heidelberg", "2025-01-24")
    ]
    lines = opinions.list_note_lines(session, 7)
    assert [line.text for line in lines] == [
        "Diagnosis confirmed",
        "Stage: resectable",
        "Surgery first",
    ]


def test_decisions_keep_their_history(session: BinderSession) -> None:
    with pytest.raises(InvalidInput):
        opinions.save_decision(session, DecisionDraft("  "))
    decision_id = opinions.save_decision(
        session, DecisionDraft("Chemotherapy first", PartialDate(2025, 2, 10), "Shrink it first")
    )
    opinions.save_decision(
        session,
        DecisionDraft("Chemotherapy first", PartialDate(2025, 2, 10), "Shrink it; closer to home"),
        decision_id,
    )
    (decision,) = opinions.list_decisions(session)
    assert [v.draft.reasons for v in decision.history] == [
        "Shrink it first",
        "Shrink it; closer to home",
    ]


def test_summary_lines_for_the_export(session: BinderSession) -> None:
    assert opinions.comparison_summary_lines(session) == ()
    chen_id, mueller_id, mdt_id = add_three(session)
    lines = opinions.comparison_summary_lines(session)
    assert lines[0] == (
        "Opinion from Dr Wei Chen, Ruijin Hospital, Shanghai, China, 2025-01-10. "
        "Recommended plan: Chemotherapy (mFOLFIRINOX), then surgery"
    )
    assert lines[3].startswith("Dr Wei Chen, Dr Anna Müller and 胰腺肿瘤MDT say the same on:")
    assert "Diagnosis" in lines[3]
    assert any(line.startswith("Sequence and timing differs. Dr Wei Chen: ") for line in lines)
    assert not any("他说话" in line for line in lines)  # the family's notes stay home
    # The set the family marked last is the one summarised.
    opinions.set_mark(session, [mueller_id, chen_id], F.STAGE, Mark.AGREE)
    lines = opinions.comparison_summary_lines(session)
    assert lines[3].startswith("Dr Wei Chen and Dr Anna Müller say the same on:")
    assert "Stage" in lines[3]
    assert mdt_id  # still listed as an opinion
    assert lines[2].startswith("Opinion from 胰腺肿瘤MDT")


def test_deleting_an_opinion(session: BinderSession) -> None:
    ids = add_three(session)
    opinions.delete_opinion(session, ids[1])
    assert [o.id for o in opinions.list_opinions(session)] == [ids[0], ids[2]]


def test_the_family_chooses_which_questions_to_add_in_their_language(
    session: BinderSession,
) -> None:
    compared = add_three(session)[:2]
    proposed = opinions.propose_follow_up_questions(session, compared, "zh_CN")
    assert len(proposed) > 2
    assert not any(q.already_listed for q in proposed)
    assert proposed[0].text.startswith("两份意见")
    chosen = [proposed[0].field, proposed[2].field]
    added = opinions.add_follow_up_questions(session, compared, chosen, "zh_CN")
    assert added.added == (proposed[0].text, proposed[2].text)
    again = opinions.propose_follow_up_questions(session, compared, "zh_CN")
    assert [q.already_listed for q in again][:3] == [True, False, True]
