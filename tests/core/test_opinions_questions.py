"""Follow-up questions from differences: plain words, neutral, one per difference."""

from __future__ import annotations

from dataclasses import replace

from casebook.core.opinion_questions import follow_up_questions, is_duplicate
from casebook.core.opinions import (
    FieldValue,
    Mark,
    MarkOverride,
    Opinion,
    OpinionField,
    compare,
    field_fingerprint,
)

from .opinion_samples import dr_chen, dr_mueller, fudan_mdt

F = OpinionField


def pair() -> list[Opinion]:
    return [replace(dr_chen(), id=1), replace(dr_mueller(), id=2)]


def test_the_issue_example_reads_as_asked() -> None:
    a = Opinion("Dr A", id=1, fields={F.SEQUENCE_TIMING: FieldValue("surgery first")})
    b = Opinion("Dr B", id=2, fields={F.SEQUENCE_TIMING: FieldValue("chemotherapy first")})
    questions = follow_up_questions(compare([a, b]))
    assert [q.text for q in questions] == [
        "Dr A recommends “surgery first”, Dr B “chemotherapy first”: why this order?"
    ]
    assert questions[0].topic == "plan"


def test_one_question_per_difference_and_per_meaningful_silence() -> None:
    questions = {q.field: q.text for q in follow_up_questions(compare(pair()))}
    # Differences (stage, plan, order, risks, follow-up); diagnosis agrees: no question.
    assert F.DIAGNOSIS not in questions
    assert questions[F.STAGE].startswith("Dr Wei Chen gives the stage as “Borderline")
    assert "Dr Anna Müller “Resectable (cT2 N0 M0)”" in questions[F.STAGE]
    assert questions[F.FOLLOW_UP].endswith("what follow-up is needed, and how often?")
    # Only one mentions a trial: worth asking; only one names molecular findings: not asked.
    assert questions[F.CLINICAL_TRIALS] == (
        "Dr Anna Müller mentions “PREOPANC-3 trial”; Dr Wei Chen did not mention this: "
        "is a clinical trial possible here?"
    )
    assert F.MOLECULAR_FINDINGS not in questions
    # The doctors' reasoning and the family's notes raise no question by themselves.
    assert F.REASONING not in questions
    assert F.FAMILY_NOTES not in questions


def test_a_row_the_family_marked_as_agreeing_raises_no_question() -> None:
    opinions = pair()
    fingerprint = field_fingerprint(opinions, F.FOLLOW_UP)
    marks = {F.FOLLOW_UP: MarkOverride(F.FOLLOW_UP, Mark.AGREE, fingerprint)}
    fields = [q.field for q in follow_up_questions(compare(opinions, marks))]
    assert F.FOLLOW_UP not in fields
    assert F.STAGE in fields


def test_three_opinions_name_everyone_and_who_was_silent() -> None:
    opinions = [*pair(), replace(fudan_mdt(), id=3)]
    questions = {q.field: q.text for q in follow_up_questions(compare(opinions))}
    assert questions[F.SEQUENCE_TIMING] == (
        "Dr Wei Chen recommends “chemotherapy first”, Dr Anna Müller “surgery first”, "
        "胰腺肿瘤MDT “chemotherapy first”: why this order?"
    )
    assert "(胰腺肿瘤MDT did not say)" in questions[F.MAIN_RISKS]


def test_wording_never_takes_sides() -> None:
    texts = " ".join(q.text for q in follow_up_questions(compare(pair()))).lower()
    for judging in ("better", "right", "wrong", "should", "best", "correct", "prefer"):
        assert f" {judging} " not in f" {texts} "


def test_long_values_are_shortened_in_the_question() -> None:
    long_plan = "Chemotherapy " + "and more detail " * 20
    a = Opinion("Dr A", id=1, fields={F.RECOMMENDED_PLAN: FieldValue(long_plan)})
    b = Opinion("Dr B", id=2, fields={F.RECOMMENDED_PLAN: FieldValue("Surgery")})
    (question,) = follow_up_questions(compare([a, b]))
    assert "…”" in question.text
    assert len(question.text) < 200


def test_duplicates_are_recognised_despite_case_and_spacing() -> None:
    assert is_duplicate("Why this  order?", ["why this order"])
    assert not is_duplicate("Why this order?", ["Why this dose?"])
