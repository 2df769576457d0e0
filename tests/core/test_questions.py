"""Ordering rules for questions: priority, then fit to the decision moment; carry-forward."""

from __future__ import annotations

from casebook.core.consultations import (
    Consultation,
    ListedQuestion,
    NoteEntry,
    NoteTag,
    merge_entries,
    summarise,
)
from casebook.core.questions import (
    BankQuestion,
    Priority,
    Question,
    QuestionBank,
    QuestionStatus,
    Topic,
    moments_of,
    order_questions,
    questions_to_carry,
)

BANK = QuestionBank(
    (Topic("a", {"en": "A"}), Topic("b", {"en": "B"})),
    (
        BankQuestion("early", "a", ("just_diagnosed",), {"en": "Early?", "zh_CN": "早？"}),
        BankQuestion("late", "b", ("relapse",), {"en": "Late?", "zh_CN": "晚？"}),
        BankQuestion("both", "b", ("relapse", "just_diagnosed"), {"en": "Both?", "zh_CN": "都？"}),
    ),
)


def test_bank_puts_questions_for_the_current_moment_first() -> None:
    keys = [q.key for q in BANK.ordered_for("relapse")]
    assert keys == ["late", "both", "early"]
    assert [q.key for q in BANK.ordered_for("")] == ["early", "late", "both"]


def test_family_list_orders_by_priority_then_moment() -> None:
    questions = [
        Question(1, "Early?", bank_key="early", priority=Priority.IMPORTANT),
        Question(2, "Late?", bank_key="late", priority=Priority.IMPORTANT),
        Question(3, "Our own", priority=Priority.IF_TIME),
        Question(4, "Both?", bank_key="both", priority=Priority.MUST_ASK),
    ]
    ordered = order_questions(questions, "relapse", moments_of(BANK))
    assert [q.id for q in ordered] == [4, 2, 1, 3]


def test_only_open_questions_carry_forward() -> None:
    questions = [
        Question(1, "a", status=QuestionStatus.ANSWERED),
        Question(2, "b"),
        Question(3, "c", status=QuestionStatus.DROPPED),
    ]
    assert [q.id for q in questions_to_carry(questions, "", moments_of(BANK))] == [2]


def test_unedited_bank_question_is_shown_in_each_language() -> None:
    question = Question(1, "Early?", bank_key="early")
    assert question.display_text(BANK, "zh_CN") == "早？"
    assert question.display_text(BANK, "zh") == "早？"
    edited = Question(2, "Early, really?", bank_key="early")
    assert edited.display_text(BANK, "zh_CN") == "Early, really?"
    assert edited.translations(BANK) is None


def test_summary_sorts_entries_into_sections_in_time_order() -> None:
    consultation = Consultation(1, "Visit")
    entries = [
        NoteEntry(
            2, 1, "Mei", "2025-03-02T09:05:00+00:00", "CT in 6 weeks", (NoteTag.TEST_ORDERED,)
        ),
        NoteEntry(1, 1, "Tom", "2025-03-02T09:01:00+00:00", "Start cycle 2", (NoteTag.DECISION,)),
        NoteEntry(3, 1, "Tom", "2025-03-02T09:01:00+00:00", "Plain note"),
        NoteEntry(4, 1, "Tom", "2025-03-02T09:09:00+00:00", "   "),
    ]
    assert [e.id for e in merge_entries(entries)] == [1, 3, 2, 4]
    listed = [ListedQuestion(Question(9, "Q?"), answer="Yes"), ListedQuestion(Question(8, "R?"))]
    summary = summarise(consultation, listed, entries)
    assert [e.id for e in summary.decisions] == [1]
    assert [e.id for e in summary.tests_ordered] == [2]
    assert [e.id for e in summary.other_notes] == [3]
    assert [q.question.id for q in summary.answered] == [9]
    assert [q.question.id for q in summary.unanswered] == [8]
