"""The gaps an MDT will ask about, and the ones not flagged because a date is imprecise."""

from __future__ import annotations

from casebook.core.model import PartialDate, RecordKind
from casebook.core.timeline import (
    EventKind,
    Link,
    LinkKind,
    Response,
    StopReason,
    TherapyDetails,
    TimelineEvent,
)
from casebook.core.timeline_gaps import Gap, GapContext, GapRule, find_gaps

P = PartialDate.parse
NO_DOCUMENTS = GapContext({})
WITH_PATHOLOGY = GapContext({RecordKind.PATHOLOGY: [1]})


def ev(
    event_id: int,
    kind: EventKind,
    start: str | None,
    end: str | None = None,
    therapy: TherapyDetails | None = None,
    links: frozenset[Link] = frozenset(),
) -> TimelineEvent:
    return TimelineEvent(
        kind,
        f"event {event_id}",
        P(start) if start else None,
        P(end) if end else None,
        therapy=therapy or TherapyDetails(),
        links=links,
        id=event_id,
    )


FULL = TherapyDetails("FOLFOX", 6, Response.PARTIAL, StopReason.COMPLETED)


def rules(gaps: list[Gap]) -> set[tuple[GapRule, int | None]]:
    return {(gap.rule, gap.event_id) for gap in gaps}


def test_an_empty_timeline_has_no_gaps() -> None:
    assert find_gaps([], NO_DOCUMENTS) == []


def test_a_complete_story_has_no_gaps() -> None:
    events = [
        ev(1, EventKind.BIOPSY, "2024-02-20"),
        ev(2, EventKind.DIAGNOSIS, "2024-03"),
        ev(3, EventKind.IMAGING, "2024-03-01"),
        ev(4, EventKind.SYSTEMIC_THERAPY, "2024-04-01", "2024-08-15", FULL),
        ev(5, EventKind.IMAGING, "2024-09-10"),
    ]
    assert find_gaps(events, NO_DOCUMENTS) == []


def test_no_diagnosis_and_diagnosis_without_pathology() -> None:
    assert rules(find_gaps([ev(1, EventKind.IMAGING, "2024")], NO_DOCUMENTS)) == {
        (GapRule.NO_DIAGNOSIS, None)
    }
    only_diagnosis = [ev(1, EventKind.DIAGNOSIS, "2024-03")]
    gaps = find_gaps(only_diagnosis, NO_DOCUMENTS)
    assert gaps == [Gap(GapRule.DIAGNOSIS_WITHOUT_PATHOLOGY, 1, None, RecordKind.PATHOLOGY)]
    # A pathology document in the binder is enough, even before a biopsy event exists.
    assert find_gaps(only_diagnosis, WITH_PATHOLOGY) == []


def test_a_finished_line_without_response_reason_or_imaging_after() -> None:
    line = ev(4, EventKind.SYSTEMIC_THERAPY, "2024-04-01", "2024-08-15", TherapyDetails("FOLFOX"))
    events = [ev(1, EventKind.DIAGNOSIS, "2024-03"), ev(2, EventKind.IMAGING, "2024-03-05"), line]
    gaps = find_gaps(events, WITH_PATHOLOGY)
    assert rules(gaps) == {
        (GapRule.LINE_WITHOUT_RESPONSE, 4),
        (GapRule.LINE_WITHOUT_REASON_STOPPED, 4),
        (GapRule.NO_IMAGING_AFTER_LINE, 4),
    }
    assert all(gap.line_number == 1 for gap in gaps)


def test_an_ongoing_line_is_not_asked_for_a_response_but_needs_baseline_imaging() -> None:
    line = ev(4, EventKind.SYSTEMIC_THERAPY, "2024-04-01", None, TherapyDetails("FOLFOX"))
    gaps = find_gaps([ev(1, EventKind.DIAGNOSIS, "2024-03"), line], WITH_PATHOLOGY)
    assert gaps == [Gap(GapRule.NO_IMAGING_BEFORE_LINE, 4, 1, RecordKind.IMAGING)]


def test_imaging_long_before_a_line_is_not_baseline() -> None:
    line = ev(4, EventKind.SYSTEMIC_THERAPY, "2024-09-01", None, TherapyDetails("X"))
    events = [ev(1, EventKind.DIAGNOSIS, "2024-01"), ev(2, EventKind.IMAGING, "2024-02-01"), line]
    assert rules(find_gaps(events, WITH_PATHOLOGY)) == {(GapRule.NO_IMAGING_BEFORE_LINE, 4)}


def test_imprecise_imaging_dates_get_the_benefit_of_the_doubt() -> None:
    # "2024" may be any day of 2024: it may be before the line and after it.
    line = ev(4, EventKind.SYSTEMIC_THERAPY, "2024-04-01", "2024-06-30", FULL)
    events = [ev(1, EventKind.DIAGNOSIS, "2024-03"), ev(2, EventKind.IMAGING, "2024"), line]
    assert find_gaps(events, WITH_PATHOLOGY) == []


def test_imaging_on_the_start_day_is_baseline_not_response() -> None:
    line = ev(4, EventKind.SYSTEMIC_THERAPY, "2024-04-01", "2024-06-30", FULL)
    events = [ev(1, EventKind.DIAGNOSIS, "2024-03"), ev(2, EventKind.IMAGING, "2024-04-01"), line]
    assert rules(find_gaps(events, WITH_PATHOLOGY)) == {(GapRule.NO_IMAGING_AFTER_LINE, 4)}


def test_lines_without_regimen_or_date_and_impossible_dates() -> None:
    events = [
        ev(1, EventKind.DIAGNOSIS, "2024-03"),
        ev(2, EventKind.SYSTEMIC_THERAPY, None),
        ev(3, EventKind.SURGERY, "2024-05-02", "2024-05-01"),
        ev(4, EventKind.CONSULTATION, None),
    ]
    found = rules(
        find_gaps(events, GapContext({RecordKind.PATHOLOGY: [1], RecordKind.OPERATIVE_NOTES: [2]}))
    )
    assert found == {
        (GapRule.LINE_WITHOUT_REGIMEN, 2),
        (GapRule.UNDATED_LINE, 2),
        (GapRule.END_BEFORE_START, 3),
        (GapRule.UNDATED_EVENT, 4),
    }


def test_relapse_needs_imaging_or_biopsy_near_it() -> None:
    base = [ev(1, EventKind.DIAGNOSIS, "2023-01")]
    relapse = ev(9, EventKind.RELAPSE_PROGRESSION, "2024-06")
    assert rules(find_gaps([*base, relapse], WITH_PATHOLOGY)) == {
        (GapRule.RELAPSE_NOT_CONFIRMED, 9)
    }
    confirmed = [*base, relapse, ev(10, EventKind.BIOPSY, "2024-07-20")]
    assert find_gaps(confirmed, WITH_PATHOLOGY) == []


def test_surgery_without_operative_note() -> None:
    surgery = ev(5, EventKind.SURGERY, "2024-05-02")
    base = [ev(1, EventKind.DIAGNOSIS, "2024-03")]
    assert rules(find_gaps([*base, surgery], WITH_PATHOLOGY)) == {
        (GapRule.SURGERY_WITHOUT_OPERATIVE_NOTE, 5)
    }
    linked = ev(5, EventKind.SURGERY, "2024-05-02", links=frozenset({Link(LinkKind.DOCUMENT, 8)}))
    assert find_gaps([*base, linked], WITH_PATHOLOGY) == []


def test_gaps_name_line_numbers_in_date_order() -> None:
    events = [
        ev(1, EventKind.DIAGNOSIS, "2023-01"),
        ev(2, EventKind.IMAGING, "2023-01-15"),
        ev(7, EventKind.SYSTEMIC_THERAPY, "2024-06-01", "2024-09-01", TherapyDetails("B")),
        ev(8, EventKind.SYSTEMIC_THERAPY, "2023-02-01", "2023-06-01", FULL),
        ev(9, EventKind.IMAGING, "2023-07-01"),
    ]
    by_event = {gap.event_id: gap.line_number for gap in find_gaps(events, WITH_PATHOLOGY)}
    assert by_event == {7: 2}
