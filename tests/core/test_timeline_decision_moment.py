"""The decision moment: stable stored values and the slots each one puts forward."""

from __future__ import annotations

from casebook.core.decision_moment import (
    DecisionMoment,
    parse_decision_moment,
    prioritised_slots,
    slots_put_forward,
)
from casebook.core.model import RecordKind


def test_stored_values_are_stable() -> None:
    # Other modules (the question bank) and existing binders rely on these exact strings.
    assert [m.value for m in DecisionMoment] == [
        "just_diagnosed",
        "before_treatment",
        "options_unclear",
        "advanced_therapy",
        "relapse_progression",
    ]


def test_parse_reads_empty_and_unknown_as_not_set() -> None:
    assert parse_decision_moment("") is None
    assert parse_decision_moment("from_the_future") is None
    assert parse_decision_moment("relapse_progression") is DecisionMoment.RELAPSE_PROGRESSION


def test_each_moment_puts_forward_the_records_it_needs_first() -> None:
    relapse = slots_put_forward(DecisionMoment.RELAPSE_PROGRESSION)
    assert relapse[:2] == (RecordKind.PRIOR_TREATMENT, RecordKind.IMAGING)
    advanced = slots_put_forward(DecisionMoment.ADVANCED_THERAPY)
    assert advanced[:2] == (RecordKind.MOLECULAR, RecordKind.PRIOR_TREATMENT)
    assert slots_put_forward(DecisionMoment.JUST_DIAGNOSED)[0] is RecordKind.PATHOLOGY
    assert slots_put_forward(None) == ()
    for moment in DecisionMoment:
        forward = slots_put_forward(moment)
        assert len(set(forward)) == len(forward) >= 3


def test_prioritised_slots_keeps_every_slot_once() -> None:
    order = prioritised_slots(DecisionMoment.ADVANCED_THERAPY)
    assert sorted(order, key=lambda k: k.value) == sorted(RecordKind, key=lambda k: k.value)
    assert order[0] is RecordKind.MOLECULAR
    assert prioritised_slots(None) == list(RecordKind)
