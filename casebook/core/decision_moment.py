"""The decision moment ("where are we now"), which orders what Casebook puts forward.

The values are stored in case_info.decision_moment and read by other modules (the question bank
orders its questions by them): they are stable identifiers, never renamed. An empty value means
the caregiver has not said.
"""

from __future__ import annotations

import enum

from casebook.core.model import RecordKind


class DecisionMoment(enum.Enum):
    """The moment in the illness the second opinion is sought at."""

    JUST_DIAGNOSED = "just_diagnosed"
    BEFORE_TREATMENT = "before_treatment"
    OPTIONS_UNCLEAR = "options_unclear"  # options feel unclear, or doctors disagree
    ADVANCED_THERAPY = "advanced_therapy"  # CAR-T, transplant, targeted combinations considered
    RELAPSE_PROGRESSION = "relapse_progression"


_SLOTS_PUT_FORWARD: dict[DecisionMoment, tuple[RecordKind, ...]] = {
    DecisionMoment.JUST_DIAGNOSED: (
        RecordKind.PATHOLOGY,
        RecordKind.IMAGING,
        RecordKind.MOLECULAR,
        RecordKind.DIAGNOSIS_PLAN,
    ),
    DecisionMoment.BEFORE_TREATMENT: (
        RecordKind.DIAGNOSIS_PLAN,
        RecordKind.PATHOLOGY,
        RecordKind.IMAGING,
        RecordKind.MOLECULAR,
        RecordKind.LABS,
    ),
    DecisionMoment.OPTIONS_UNCLEAR: (
        RecordKind.DIAGNOSIS_PLAN,
        RecordKind.PATHOLOGY,
        RecordKind.IMAGING,
        RecordKind.MOLECULAR,
        RecordKind.DISCHARGE_REFERRAL,
    ),
    DecisionMoment.ADVANCED_THERAPY: (
        RecordKind.MOLECULAR,
        RecordKind.PRIOR_TREATMENT,
        RecordKind.PATHOLOGY,
        RecordKind.LABS,
        RecordKind.IMAGING,
    ),
    DecisionMoment.RELAPSE_PROGRESSION: (
        RecordKind.PRIOR_TREATMENT,
        RecordKind.IMAGING,
        RecordKind.PATHOLOGY,
        RecordKind.MOLECULAR,
        RecordKind.MEDICATIONS,
    ),
}


def slots_put_forward(moment: DecisionMoment | None) -> tuple[RecordKind, ...]:
    """The kinds of record that matter most at this moment, most important first (none if
    the moment is not set)."""
    if moment is None:
        return ()
    return _SLOTS_PUT_FORWARD[moment]


def parse_decision_moment(value: str) -> DecisionMoment | None:
    """The stored value as a moment; empty or unknown (a newer Casebook's) reads as not set."""
    try:
        return DecisionMoment(value) if value else None
    except ValueError:
        return None


def prioritised_slots(
    moment: DecisionMoment | None, slots: tuple[RecordKind, ...] = tuple(RecordKind)
) -> list[RecordKind]:
    """`slots` with the ones this moment puts forward first (in its order), the rest after."""
    forward = [kind for kind in slots_put_forward(moment) if kind in slots]
    return forward + [kind for kind in slots if kind not in forward]
