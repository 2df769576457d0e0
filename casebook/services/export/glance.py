"""The "case at a glance" from the binder, read through the services the pages use.

The first page of the case summary, and (issue 19) a one-page print from the Overview. Every
fact keeps its source: a stage is shown as each opinion states it, with who stated it and when.
"""

from __future__ import annotations

from collections.abc import Sequence

from casebook.bundle.case_facts import (
    CareFacts,
    CaseAtAGlance,
    Contact,
    ImagingCount,
    QuestionEntry,
    SlotState,
    StatedStage,
    TimelineEntry,
)
from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import Case
from casebook.core.opinions import Opinion, OpinionField

MAX_QUESTIONS = 3


def stated_stages(opinions: Sequence[Opinion]) -> tuple[StatedStage, ...]:
    """The stage as each opinion states it (latest first), with its source."""
    found = []
    for opinion in opinions:
        stage = opinion.value(OpinionField.STAGE)
        if stage.says:
            found.append(StatedStage(stage.text.strip(), opinion.label, opinion.given_on))
    found.sort(key=lambda s: s.stated_on.iso() if s.stated_on else "", reverse=True)
    return tuple(found)


def case_at_a_glance(
    case: Case,
    *,
    opinions: Sequence[Opinion],
    moment: DecisionMoment | None,
    questions: Sequence[QuestionEntry],
    timeline: Sequence[TimelineEntry],
    records: tuple[SlotState, ...],
    imaging: ImagingCount,
    contact: Contact,
    prepared_on: str,
    care: CareFacts | None = None,
    in_bundle: bool = True,
    age: int | None = None,
) -> CaseAtAGlance:
    """The page's content from what the summary has already read."""
    return CaseAtAGlance(
        patient_name=case.patient_name,
        date_of_birth=case.date_of_birth,
        age=age,
        diagnosis=case.diagnosis_summary,
        stages=stated_stages(opinions),
        decision_moment=moment,
        questions=tuple(questions[:MAX_QUESTIONS]),
        lines_of_therapy=tuple(e for e in timeline if e.line_number is not None),
        records=records,
        imaging=imaging,
        contact=contact,
        prepared_on=prepared_on,
        care=care or CareFacts(),
        in_bundle=in_bundle,
    )
