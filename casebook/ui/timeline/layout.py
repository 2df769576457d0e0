"""Where each event goes on the visual timeline, as plain numbers (no Qt, easy to test).

Each dated event becomes an item spanning the days it may cover: a line of therapy from the
first possible day of its start to the last possible day of its end (or today while it goes
on); a point event over the period its partial date names. The uncertain parts (a start known
only to the month) are kept apart so the drawing can show them as ranges, not as facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from casebook.core.timeline import (
    SPAN_KINDS,
    Lane,
    TimelineEvent,
    first_day,
    lane_of,
    last_day,
    line_ordinal,
)


@dataclass(frozen=True)
class ChartItem:
    """One event on the chart. Days are `date`s; the drawing maps them to pixels."""

    event_id: int
    lane: Lane
    label: str
    begin: date  # first day it may cover
    sure_begin: date  # from here on it surely covers (== begin for a full date)
    sure_end: date  # until here it surely covers
    end: date  # last day it may cover
    is_span: bool  # drawn as a bar (therapy) rather than a marker
    ongoing: bool  # runs on to today

    @property
    def precise(self) -> bool:
        return self.begin == self.sure_begin and self.sure_end == self.end


@dataclass(frozen=True)
class ChartData:
    items: tuple[ChartItem, ...]
    first: date
    last: date
    today: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def chart_items(
    events: Sequence[TimelineEvent],
    line_numbers: dict[int, int],
    today: date,
    line_label: str = "Line {number} · {title}",
    language: str = "en",
) -> list[ChartItem]:
    """`line_label` is the (translated) label of a numbered line of therapy, its number
    counted as `language` counts lines (一线 in Chinese)."""
    items = []
    for event in events:
        if event.start is None:
            continue
        begin, start_last = first_day(event.start), last_day(event.start)
        is_span = event.kind in SPAN_KINDS and (event.end is not None or not event.has_ended)
        ongoing = False
        if event.end is not None:
            end_first, end = first_day(event.end), last_day(event.end)
        elif is_span and event.is_line_of_therapy:
            ongoing = True
            end_first = end = max(today, start_last)
        else:
            is_span = False
            end_first, end = begin, start_last
        number = line_numbers.get(event.id)
        label = event.title
        if number is not None:
            label = line_label.format(number=line_ordinal(number, language), title=event.title)
        if is_span:
            sure_begin, sure_end = min(start_last, end_first), max(end_first, start_last)
        else:
            sure_begin, sure_end = begin, end
            if begin != end:  # a partial date: nothing in the period is sure
                sure_begin, sure_end = end, begin
        items.append(
            ChartItem(
                event.id,
                lane_of(event.kind),
                label,
                begin,
                sure_begin,
                sure_end,
                max(end, begin),
                is_span,
                ongoing,
            )
        )
    return items


def chart_data(
    events: Sequence[TimelineEvent],
    line_numbers: dict[int, int],
    today: date,
    line_label: str = "Line {number} · {title}",
    language: str = "en",
) -> ChartData:
    """Items and the date range to show (with a margin; at least a year wide)."""
    items = chart_items(events, line_numbers, today, line_label, language)
    if not items:
        return ChartData((), date(today.year, 1, 1), date(today.year, 12, 31), today)
    first = min(item.begin for item in items)
    last = max(item.end for item in items)
    margin = max(timedelta(days=30), (last - first) / 20)
    first, last = first - margin, last + margin
    if (last - first).days < 365:
        middle = first + (last - first) / 2
        first, last = middle - timedelta(days=183), middle + timedelta(days=183)
    return ChartData(tuple(items), first, last, today)


def pack_rows(extents: Sequence[tuple[float, float]], gap: float = 8.0) -> list[int]:
    """Row index for each (left, right) extent so that no two in a row overlap: greedy, in
    order of left edge, each into the first row that is free."""
    order = sorted(range(len(extents)), key=lambda index: extents[index])
    row_ends: list[float] = []
    rows = [0] * len(extents)
    for index in order:
        left, right = extents[index]
        for row, row_end in enumerate(row_ends):
            if left >= row_end + gap:
                rows[index] = row
                row_ends[row] = right
                break
        else:
            rows[index] = len(row_ends)
            row_ends.append(right)
    return rows
