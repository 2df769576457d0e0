"""Gaps in the story that an MDT is likely to ask about, as plain data the UI words.

The rules are deliberately generous with partial dates: a gap is pointed out only when the
timeline shows it for certain, never because a date is imprecise. They say what is missing from
the record; they never judge a treatment.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from casebook.core.model import RecordKind
from casebook.core.timeline import (
    EventKind,
    LinkKind,
    Response,
    StopReason,
    TimelineEvent,
    first_day,
    last_day,
    number_lines,
    ordered,
)

IMAGING_WINDOW = timedelta(days=120)
"""How far before a line's start (baseline) or after its end (response) imaging still counts."""

CONFIRMATION_WINDOW = timedelta(days=90)
"""How close imaging or a biopsy must be to a relapse to count as confirming it."""


class GapRule(enum.Enum):
    """Each rule the timeline is checked against. Values are stable (tests, translations)."""

    NO_DIAGNOSIS = "no_diagnosis"
    DIAGNOSIS_WITHOUT_PATHOLOGY = "diagnosis_without_pathology"
    LINE_WITHOUT_REGIMEN = "line_without_regimen"
    LINE_WITHOUT_RESPONSE = "line_without_response"
    LINE_WITHOUT_REASON_STOPPED = "line_without_reason_stopped"
    NO_IMAGING_BEFORE_LINE = "no_imaging_before_line"
    NO_IMAGING_AFTER_LINE = "no_imaging_after_line"
    UNDATED_LINE = "undated_line"
    END_BEFORE_START = "end_before_start"
    RELAPSE_NOT_CONFIRMED = "relapse_not_confirmed"
    SURGERY_WITHOUT_OPERATIVE_NOTE = "surgery_without_operative_note"
    UNDATED_EVENT = "undated_event"


@dataclass(frozen=True)
class Gap:
    """One gap. `event_id` is the event it is about (None for the whole timeline);
    `line_number` is set for lines of therapy that have one; `slot` names the kind of
    record that would fill it, when a document would."""

    rule: GapRule
    event_id: int | None = None
    line_number: int | None = None
    slot: RecordKind | None = None


@dataclass(frozen=True)
class GapContext:
    """What the rules need to know beyond the events: the binder's documents per slot."""

    documents_by_slot: dict[RecordKind, Collection[int]]

    def has_documents(self, slot: RecordKind) -> bool:
        return bool(self.documents_by_slot.get(slot))


def _span(event: TimelineEvent) -> tuple[date, date] | None:
    """First and last day an event may cover (start to end, or its start period)."""
    if event.start is None:
        return None
    end = event.end if event.end is not None else event.start
    return first_day(event.start), max(last_day(end), last_day(event.start))


def _dated(events: Sequence[TimelineEvent], kinds: Collection[EventKind]) -> list[TimelineEvent]:
    return [e for e in events if e.kind in kinds and e.start is not None]


def _any_within(candidates: Sequence[TimelineEvent], low: date, high: date) -> bool:
    """Whether some candidate may fall within [low, high] (its period overlaps the window)."""
    for event in candidates:
        span = _span(event)
        if span is not None and span[0] <= high and span[1] >= low:
            return True
    return False


def _line_gaps(
    line: TimelineEvent, number: int | None, imaging: Sequence[TimelineEvent]
) -> list[Gap]:
    gaps: list[Gap] = []

    def gap(rule: GapRule, slot: RecordKind | None = None) -> None:
        gaps.append(Gap(rule, line.id, number, slot))

    details = line.therapy
    if not details.regimen.strip():
        gap(GapRule.LINE_WITHOUT_REGIMEN, RecordKind.PRIOR_TREATMENT)
    if line.has_ended and details.response is Response.NOT_RECORDED:
        gap(GapRule.LINE_WITHOUT_RESPONSE, RecordKind.PRIOR_TREATMENT)
    if line.end is not None and details.reason_stopped is StopReason.NOT_STOPPED:
        gap(GapRule.LINE_WITHOUT_REASON_STOPPED, RecordKind.PRIOR_TREATMENT)
    if line.start is None:
        gap(GapRule.UNDATED_LINE)
        return gaps
    start_low, start_high = first_day(line.start), last_day(line.start)
    if not _any_within(imaging, start_low - IMAGING_WINDOW, start_high):
        gap(GapRule.NO_IMAGING_BEFORE_LINE, RecordKind.IMAGING)
    if line.end is not None:
        # Imaging during the line (interim) or up to a few months after its end counts.
        end_high = last_day(line.end) + IMAGING_WINDOW
        after = [e for e in imaging if e.start is not None and last_day(e.start) > start_low]
        if not _any_within(after, start_low + timedelta(days=1), end_high):
            gap(GapRule.NO_IMAGING_AFTER_LINE, RecordKind.IMAGING)
    return gaps


def _end_before_start(event: TimelineEvent) -> bool:
    if event.start is None or event.end is None:
        return False
    return last_day(event.end) < first_day(event.start)


def find_gaps(events: Sequence[TimelineEvent], context: GapContext) -> list[Gap]:
    """Every gap, in timeline order (whole-timeline gaps first)."""
    gaps: list[Gap] = []
    events = ordered(events)
    if not events:
        return gaps
    diagnoses = [e for e in events if e.kind is EventKind.DIAGNOSIS]
    if not diagnoses:
        gaps.append(Gap(GapRule.NO_DIAGNOSIS))
    elif not (
        any(e.kind is EventKind.BIOPSY for e in events)
        or context.has_documents(RecordKind.PATHOLOGY)
    ):
        first = diagnoses[0].id
        gaps.append(Gap(GapRule.DIAGNOSIS_WITHOUT_PATHOLOGY, first, None, RecordKind.PATHOLOGY))
    imaging = _dated(events, {EventKind.IMAGING})
    confirming = _dated(events, {EventKind.IMAGING, EventKind.BIOPSY})
    numbers = number_lines(events)
    for event in events:
        if _end_before_start(event):
            gaps.append(Gap(GapRule.END_BEFORE_START, event.id, numbers.get(event.id)))
        if event.is_line_of_therapy:
            gaps += _line_gaps(event, numbers.get(event.id), imaging)
            continue
        if event.start is None:
            gaps.append(Gap(GapRule.UNDATED_EVENT, event.id))
        if event.kind is EventKind.RELAPSE_PROGRESSION and event.start is not None:
            low = first_day(event.start) - CONFIRMATION_WINDOW
            high = last_day(event.start) + CONFIRMATION_WINDOW
            if not _any_within(confirming, low, high):
                gaps.append(Gap(GapRule.RELAPSE_NOT_CONFIRMED, event.id, None, RecordKind.IMAGING))
        if (
            event.kind is EventKind.SURGERY
            and not event.linked(LinkKind.DOCUMENT)
            and not context.has_documents(RecordKind.OPERATIVE_NOTES)
        ):
            gaps.append(
                Gap(
                    GapRule.SURGERY_WITHOUT_OPERATIVE_NOTE,
                    event.id,
                    None,
                    RecordKind.OPERATIVE_NOTES,
                )
            )
    return gaps
