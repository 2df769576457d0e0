"""Partial dates, the order of events and the automatic numbering of lines of therapy."""

from __future__ import annotations

import random
from datetime import date

import pytest

from casebook.core.model import PartialDate
from casebook.core.timeline import (
    EventKind,
    Lane,
    Response,
    StopReason,
    TherapyDetails,
    TimelineEvent,
    date_range,
    date_sort_key,
    lane_of,
    line_ordinal,
    number_lines,
    ordered,
    ranges_overlap,
)

P = PartialDate.parse


def event(
    event_id: int, kind: EventKind, start: str | None, end: str | None = None
) -> TimelineEvent:
    return TimelineEvent(
        kind, f"event {event_id}", P(start) if start else None, P(end) if end else None, id=event_id
    )


def test_partial_dates_sort_at_the_start_of_their_period_less_precise_first() -> None:
    texts = ["2024-03-17", "2023-12-31", "2024", "2024-03", "2024-02-29", "2024-03-01", "2025"]
    values = [P(text) for text in texts]
    random.Random(7).shuffle(values)
    assert [v.iso() for v in sorted(values, key=date_sort_key)] == [
        "2023-12-31",
        "2024",
        "2024-02-29",
        "2024-03",
        "2024-03-01",
        "2024-03-17",
        "2025",
    ]


def test_a_partial_date_covers_its_whole_period() -> None:
    assert date_range(P("2024")) == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_range(P("2024-02")) == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_range(P("2023-02")) == (date(2023, 2, 1), date(2023, 2, 28))
    assert date_range(P("2024-03-17")) == (date(2024, 3, 17), date(2024, 3, 17))


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        ("2024", "2024-06-01", True),
        ("2024-03", "2024-03-31", True),
        ("2024-03", "2024-04-01", False),
        ("2023", "2024", False),
        ("2024-03-17", "2024-03-17", True),
        ("2024-03-17", "2024-03-18", False),
    ],
)
def test_partial_dates_may_name_the_same_day(first: str, second: str, overlap: bool) -> None:
    assert ranges_overlap(P(first), P(second)) is overlap
    assert ranges_overlap(P(second), P(first)) is overlap


def test_events_order_by_date_then_clinical_order_then_entry_and_undated_last() -> None:
    events = [
        event(1, EventKind.SYSTEMIC_THERAPY, "2024-04"),
        event(2, EventKind.OTHER, None),
        event(3, EventKind.BIOPSY, "2024-03-10"),
        event(4, EventKind.DIAGNOSIS, "2024-03-10"),
        event(5, EventKind.FIRST_SYMPTOMS, "2024"),
        event(6, EventKind.IMAGING, "2024-03"),
        event(7, EventKind.IMAGING, "2024-03"),
        event(8, EventKind.DIAGNOSIS, None),
    ]
    assert [e.id for e in ordered(events)] == [5, 6, 7, 4, 3, 1, 8, 2]


def test_lines_of_therapy_are_numbered_in_date_order_whatever_order_they_were_entered() -> None:
    events = [
        event(10, EventKind.SYSTEMIC_THERAPY, "2025-01-15", "2025-05"),  # entered first
        event(11, EventKind.SYSTEMIC_THERAPY, "2023-11", "2024-04"),
        event(12, EventKind.RADIOTHERAPY, "2024-05"),  # not a line of systemic therapy
        event(13, EventKind.SYSTEMIC_THERAPY, "2024"),  # year only: before 2024-06
        event(14, EventKind.SYSTEMIC_THERAPY, "2024-06-02"),
        event(15, EventKind.SYSTEMIC_THERAPY, None),  # undated: no number rather than a guess
        event(16, EventKind.ADVANCED_THERAPY, "2025-09"),
    ]
    assert number_lines(events) == {11: 1, 13: 2, 14: 3, 10: 4}


def test_renumbering_after_an_earlier_line_is_added() -> None:
    events = [
        event(1, EventKind.SYSTEMIC_THERAPY, "2024-05"),
        event(2, EventKind.SYSTEMIC_THERAPY, "2024-09"),
    ]
    assert number_lines(events) == {1: 1, 2: 2}
    events.append(event(3, EventKind.SYSTEMIC_THERAPY, "2024-01"))
    assert number_lines(events) == {3: 1, 1: 2, 2: 3}


def test_lanes() -> None:
    assert lane_of(EventKind.SYSTEMIC_THERAPY) is Lane.TREATMENT
    assert lane_of(EventKind.SURGERY) is Lane.TREATMENT
    assert lane_of(EventKind.IMAGING) is Lane.IMAGING
    assert lane_of(EventKind.SECOND_OPINION) is Lane.CONSULTATION
    assert lane_of(EventKind.RELAPSE_PROGRESSION) is Lane.DIAGNOSIS
    assert lane_of(EventKind.OTHER) is Lane.DIAGNOSIS


def test_therapy_details_round_trip_and_tolerate_unknown_values() -> None:
    details = TherapyDetails(
        "FOLFIRINOX", 6, Response.PARTIAL, StopReason.SIDE_EFFECTS, "neuropathy"
    )
    assert TherapyDetails.from_json(details.to_json()) == details
    odd = TherapyDetails.from_json({"cycles": True, "response": "miracle", "reason_stopped": "x"})
    assert odd == TherapyDetails("", None, Response.NOT_RECORDED, StopReason.OTHER, "")


def test_a_line_has_ended_with_an_end_date_or_a_reason() -> None:
    ongoing = event(1, EventKind.SYSTEMIC_THERAPY, "2024-05")
    assert not ongoing.has_ended
    assert event(2, EventKind.SYSTEMIC_THERAPY, "2024-05", "2024-08").has_ended
    stopped = TimelineEvent(
        EventKind.SYSTEMIC_THERAPY,
        "x",
        P("2024"),
        therapy=TherapyDetails(reason_stopped=StopReason.PROGRESSION),
    )
    assert stopped.has_ended


def test_lines_are_counted_as_chinese_oncology_counts_them() -> None:
    """一线、二线治疗 (first-, second-line), never 第 2 线; English keeps the digit."""
    assert [line_ordinal(n, "zh") for n in (1, 2, 3, 10, 11, 20, 23, 99)] == [
        "一", "二", "三", "十", "十一", "二十", "二十三", "九十九",
    ]  # fmt: skip
    assert line_ordinal(2, "zh_CN") == "二"
    assert line_ordinal(2, "en") == "2"
    assert line_ordinal(100, "zh") == "100"
