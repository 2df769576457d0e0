"""Placing events on the visual timeline: partial dates as ranges, bars for lines, rows."""

from __future__ import annotations

from datetime import date

from casebook.core.model import PartialDate
from casebook.core.timeline import EventKind, Lane, StopReason, TherapyDetails, TimelineEvent
from casebook.ui.timeline.layout import chart_data, chart_items, pack_rows

P = PartialDate.parse
TODAY = date(2025, 1, 31)


def test_partial_dates_become_ranges_and_full_dates_points() -> None:
    month = TimelineEvent(EventKind.RELAPSE_PROGRESSION, "r", P("2024-02"), id=1)
    day = TimelineEvent(EventKind.IMAGING, "ct", P("2024-03-17"), id=2)
    first, second = chart_items([month, day], {}, TODAY)
    assert (first.begin, first.end, first.precise, first.is_span) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
        False,
        False,
    )
    assert (second.begin, second.end, second.precise, second.lane) == (
        date(2024, 3, 17),
        date(2024, 3, 17),
        True,
        Lane.IMAGING,
    )


def test_lines_are_bars_with_uncertain_ends_and_ongoing_ones_run_to_today() -> None:
    ended = TimelineEvent(EventKind.SYSTEMIC_THERAPY, "A", P("2024-01"), P("2024-05-10"), id=1)
    ongoing = TimelineEvent(EventKind.SYSTEMIC_THERAPY, "B", P("2024-08-01"), id=2)
    stopped = TimelineEvent(
        EventKind.SYSTEMIC_THERAPY,
        "C",
        P("2023"),
        therapy=TherapyDetails(reason_stopped=StopReason.OTHER),
        id=3,
    )
    items = {
        item.event_id: item for item in chart_items([ended, ongoing, stopped], {1: 2, 2: 3}, TODAY)
    }
    a = items[1]
    assert (a.is_span, a.begin, a.sure_begin, a.sure_end, a.end) == (
        True,
        date(2024, 1, 1),
        date(2024, 1, 31),
        date(2024, 5, 10),
        date(2024, 5, 10),
    )
    assert a.label == "Line 2 · A"
    b = items[2]
    assert (b.is_span, b.ongoing, b.end) == (True, True, TODAY)
    assert not items[3].is_span  # ended without an end date: shown as its start period


def test_chart_range_has_a_margin_and_is_at_least_a_year() -> None:
    data = chart_data([TimelineEvent(EventKind.DIAGNOSIS, "d", P("2024-03-17"), id=1)], {}, TODAY)
    assert data.first < date(2024, 3, 17) < data.last
    assert data.days >= 365
    empty = chart_data([TimelineEvent(EventKind.DIAGNOSIS, "undated", None, id=1)], {}, TODAY)
    assert empty.items == ()


def test_pack_rows_puts_overlapping_items_on_separate_rows() -> None:
    assert pack_rows([(0, 100), (50, 150), (120, 200), (210, 300)]) == [0, 1, 0, 0]
    assert pack_rows([]) == []
