"""The comparison rules: agree / differ / only one says, and when a family's mark is kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casebook.core.errors import InvalidInput
from casebook.core.opinions import (
    NOT_STATED,
    FieldValue,
    Mark,
    MarkOverride,
    Opinion,
    OpinionField,
    compare,
    comparison_key,
    field_fingerprint,
    normalise,
    propose_mark,
)

from .opinion_samples import dr_chen, dr_mueller, fudan_mdt

F = OpinionField


def saved(opinion: Opinion, opinion_id: int) -> Opinion:
    return replace(opinion, id=opinion_id)


def test_normalise_ignores_case_spacing_width_and_edge_punctuation() -> None:
    assert normalise("  Pancreatic   DUCTAL adenocarcinoma. ") == "pancreatic ductal adenocarcinoma"
    assert normalise("ＫＲＡＳ　Ｇ１２Ｄ") == "kras g12d"  # full-width letters and space
    assert normalise("“化疗优先。”") == "化疗优先"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["surgery first", "Surgery  first."], (Mark.AGREE, True)),
        (["surgery first", "chemotherapy first"], (Mark.DIFFER, False)),
        (["surgery first", ""], (Mark.ONLY_ONE, True)),
        (["surgery first", NOT_STATED], (Mark.ONLY_ONE, True)),
        ([NOT_STATED, ""], (Mark.NONE_SAY, True)),
        (["a", "a", "b"], (Mark.DIFFER, False)),
        (["a", "A", NOT_STATED, ""], (Mark.AGREE, True)),
    ],
)
def test_proposals_for_text_fields(values: list[str | FieldValue], expected: object) -> None:
    as_values = [v if isinstance(v, FieldValue) else FieldValue(v) for v in values]
    assert propose_mark(as_values, F.SEQUENCE_TIMING) == expected


def test_a_differing_choice_is_plainly_different() -> None:
    values = [FieldValue("curative"), FieldValue("control")]
    assert propose_mark(values, F.TREATMENT_INTENT) == (Mark.DIFFER, True)


def test_a_not_stated_field_never_counts_as_saying_something() -> None:
    hidden_text = FieldValue("old words", not_stated=True)
    assert not hidden_text.says
    assert propose_mark([hidden_text, FieldValue("x")], F.STAGE) == (Mark.ONLY_ONE, True)


def test_three_opinions_side_by_side() -> None:
    comparison = compare([saved(dr_chen(), 1), saved(dr_mueller(), 2), saved(fudan_mdt(), 3)])
    assert [r.field for r in comparison.rows] == list(OpinionField)
    assert comparison.key == "1,2,3"
    marks = {r.field: r.mark for r in comparison.rows}
    assert marks[F.DIAGNOSIS] is Mark.AGREE  # same words once case, spaces and "." are ignored
    assert marks[F.TREATMENT_INTENT] is Mark.AGREE
    assert marks[F.SEQUENCE_TIMING] is Mark.DIFFER
    assert marks[F.STAGE] is Mark.DIFFER
    assert marks[F.CLINICAL_TRIALS] is Mark.ONLY_ONE
    assert marks[F.SUBTYPE] is Mark.NONE_SAY  # "not stated" by one, empty for the others
    stage = comparison.row(F.STAGE)
    assert stage.needs_check
    assert not stage.confirmed


@pytest.mark.parametrize("count", [0, 1, 5])
def test_only_two_to_four_opinions_are_compared(count: int) -> None:
    opinions = [saved(dr_chen(), i) for i in range(1, count + 1)]
    with pytest.raises(InvalidInput):
        compare(opinions)


def test_the_key_does_not_depend_on_order_and_needs_saved_opinions() -> None:
    assert comparison_key([saved(dr_mueller(), 9), saved(dr_chen(), 2)]) == "2,9"
    with pytest.raises(ValueError, match="saved"):
        comparison_key([dr_chen(), saved(dr_mueller(), 2)])


def test_a_user_mark_overrides_the_proposal() -> None:
    opinions = [saved(dr_chen(), 1), saved(dr_mueller(), 2)]
    fingerprint = field_fingerprint(opinions, F.STAGE)
    override = MarkOverride(F.STAGE, Mark.AGREE, fingerprint)
    row = compare(opinions, {F.STAGE: override}).row(F.STAGE)
    assert row.proposed is Mark.DIFFER
    assert row.mark is Mark.AGREE
    assert row.confirmed
    assert not row.needs_check


def test_a_user_mark_survives_edits_to_other_fields_and_to_spacing() -> None:
    chen, mueller = saved(dr_chen(), 1), saved(dr_mueller(), 2)
    override = MarkOverride(F.STAGE, Mark.AGREE, field_fingerprint([chen, mueller], F.STAGE))
    chen.fields[F.FOLLOW_UP] = FieldValue("CT scan every six weeks")
    chen.fields[F.STAGE] = FieldValue("  borderline resectable (cT3 N1 M0).")
    assert compare([chen, mueller], {F.STAGE: override}).row(F.STAGE).mark is Mark.AGREE


def test_a_user_mark_lapses_when_its_field_is_changed() -> None:
    chen, mueller = saved(dr_chen(), 1), saved(dr_mueller(), 2)
    override = MarkOverride(F.STAGE, Mark.AGREE, field_fingerprint([chen, mueller], F.STAGE))
    mueller.fields[F.STAGE] = FieldValue("Locally advanced (cT4)")
    row = compare([chen, mueller], {F.STAGE: override}).row(F.STAGE)
    assert row.user_mark is None
    assert row.mark is Mark.DIFFER
    assert row.needs_check


def test_an_opinion_needs_a_source_and_a_known_intent() -> None:
    with pytest.raises(InvalidInput):
        Opinion(source_name="  ").validate()
    with pytest.raises(InvalidInput):
        Opinion("Dr X", fields={F.TREATMENT_INTENT: FieldValue("palliative-ish")}).validate()
    Opinion("Dr X", fields={F.TREATMENT_INTENT: NOT_STATED}).validate()
