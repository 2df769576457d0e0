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
from casebook.texts import texts_for

from .opinion_samples import dr_chen, dr_mueller, fudan_mdt

F = OpinionField


def pair() -> list[Opinion]:
    return [replace(dr_chen(), id=1), replace(dr_mueller(), id=2)]


def test_the_issue_example_reads_as_asked() -> None:
    a = Opinion("Dr Wei Chen (thoracic surgeon)", id=1, fields={F.STAGE: FieldValue("IIIA")})
    b = Opinion("Thoracic oncology MDT", id=2, fields={F.STAGE: FieldValue("IIIA bulky N2")})
    questions = follow_up_questions(compare([a, b]))
    assert [q.text for q in questions] == [
        "The two opinions give different stages (IIIA and IIIA bulky N2). Which is right, and "
        "would it change the plan?"
    ]
    assert questions[0].topic == "stage"


def test_a_short_natural_question_per_kind_of_field() -> None:
    a = Opinion("Dr A", id=1, fields={
        F.DIAGNOSIS: FieldValue("Adenocarcinoma"), F.SUBTYPE: FieldValue("Acinar"),
        F.TREATMENT_INTENT: FieldValue("curative"), F.SEQUENCE_TIMING: FieldValue("surgery first"),
    })  # fmt: skip
    b = Opinion("Dr B", id=2, fields={
        F.DIAGNOSIS: FieldValue("Squamous cell carcinoma"), F.SUBTYPE: FieldValue("Solid"),
        F.TREATMENT_INTENT: FieldValue("control"), F.SEQUENCE_TIMING: FieldValue("chemo first"),
    })  # fmt: skip
    questions = {q.field: q.text for q in follow_up_questions(compare([a, b]))}
    assert questions[F.DIAGNOSIS] == (
        "The two opinions give different diagnoses (Adenocarcinoma and Squamous cell carcinoma). "
        "Which is right, and which test would settle it?"
    )
    assert questions[F.SUBTYPE].startswith("The two opinions give different subtypes (Acinar")
    assert questions[F.TREATMENT_INTENT] == (
        "The two opinions give different aims for the treatment (cure and control of the "
        "disease). What can we realistically hope for?"
    )
    assert questions[F.SEQUENCE_TIMING] == (
        "The two opinions suggest a different order or timing (surgery first and chemo first). "
        "Why, and does it matter?"
    )


def test_the_same_question_in_chinese() -> None:
    a = Opinion("Dr A", id=1, fields={F.STAGE: FieldValue("IIIA")})
    b = Opinion("Dr B", id=2, fields={F.STAGE: FieldValue("IIIB")})
    (question,) = follow_up_questions(compare([a, b]), texts_for("zh"))
    assert question.text == "两份意见给出的分期不同（IIIA、IIIB）。哪个是对的？会影响治疗方案吗？"


def test_one_question_per_difference_and_per_meaningful_silence() -> None:
    questions = {q.field: q.text for q in follow_up_questions(compare(pair()))}
    # Differences (stage, plan, order, risks, follow-up); diagnosis agrees: no question.
    assert F.DIAGNOSIS not in questions
    assert questions[F.STAGE] == (
        "The two opinions give different stages (Borderline resectable (cT3 N1 M0) and "
        "Resectable (cT2 N0 M0)). Which is right, and would it change the plan?"
    )
    assert questions[F.FOLLOW_UP].endswith("What follow-up is needed, and how often?")
    # Only one mentions a trial: worth asking; only one names molecular findings: not asked.
    assert questions[F.CLINICAL_TRIALS] == (
        "Only Dr Anna Müller mentions a clinical trial (PREOPANC-3 trial). Could we join it?"
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


def test_three_opinions_name_each_different_value_once() -> None:
    opinions = [*pair(), replace(fudan_mdt(), id=3)]
    questions = {q.field: q.text for q in follow_up_questions(compare(opinions))}
    assert questions[F.SEQUENCE_TIMING] == (
        "The opinions suggest a different order or timing (chemotherapy first and surgery "
        "first). Why, and does it matter?"
    )


def test_wording_never_takes_sides() -> None:
    texts = " ".join(q.text for q in follow_up_questions(compare(pair()))).lower()
    for judging in ("better", "wrong", "should", "best", "correct", "prefer", "agree with"):
        assert f" {judging} " not in f" {texts} "


def test_long_values_are_left_to_the_comparison_never_cut() -> None:
    long_plan = "Chemotherapy " + "and more detail " * 20
    a = Opinion("Dr A", id=1, fields={F.RECOMMENDED_PLAN: FieldValue(long_plan)})
    b = Opinion("Dr B", id=2, fields={F.RECOMMENDED_PLAN: FieldValue("Surgery")})
    (question,) = follow_up_questions(compare([a, b]))
    assert question.text == (
        "The two opinions recommend different treatments. What are the reasons for each?"
    )
    for opinions in ([a, b], [*pair(), replace(fudan_mdt(), id=3)]):
        for asked in follow_up_questions(compare(opinions)):
            assert "…" not in asked.text
            assert len(asked.text) < 200


def test_duplicates_are_recognised_despite_case_and_spacing() -> None:
    assert is_duplicate("Why this  order?", ["why this order"])
    assert not is_duplicate("Why this order?", ["Why this dose?"])
