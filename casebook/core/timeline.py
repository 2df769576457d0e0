"""The story of the illness: timeline events, lines of therapy and the order they go in.

Medical records often give a date to the year or the month only, so every event date is a
`PartialDate`. A partial date names a period (a year, a month, a day); events are ordered by the
start of that period, a less precise date before the more precise ones inside it ("2024" before
"2024-03" before "2024-03-17"), then by the usual clinical order of event kinds. Lines of
systemic therapy are numbered automatically in that order. Everything here is plain data.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from casebook.core.model import PartialDate


class EventKind(enum.Enum):
    """What happened. Values are stable identifiers stored in the binder."""

    FIRST_SYMPTOMS = "first_symptoms"
    DIAGNOSIS = "diagnosis"
    BIOPSY = "biopsy"
    IMAGING = "imaging"
    STAGING = "staging"
    SURGERY = "surgery"
    SYSTEMIC_THERAPY = "systemic_therapy"
    RADIOTHERAPY = "radiotherapy"
    TRANSPLANT = "transplant"
    ADVANCED_THERAPY = "advanced_therapy"  # CAR-T and other cellular or advanced therapies
    RELAPSE_PROGRESSION = "relapse_progression"
    CONSULTATION = "consultation"
    SECOND_OPINION = "second_opinion"
    SUPPORTIVE_CARE = "supportive_care"
    OTHER = "other"


# Enum order is the tie-break on the same date: symptoms, then diagnosis, then what follows.
_KIND_RANK = {kind: rank for rank, kind in enumerate(EventKind)}

TREATMENT_KINDS = frozenset(
    {
        EventKind.SURGERY,
        EventKind.SYSTEMIC_THERAPY,
        EventKind.RADIOTHERAPY,
        EventKind.TRANSPLANT,
        EventKind.ADVANCED_THERAPY,
        EventKind.SUPPORTIVE_CARE,
    }
)
"""Kinds drawn in the treatments lane."""

THERAPY_KINDS = frozenset(
    {
        EventKind.SYSTEMIC_THERAPY,
        EventKind.RADIOTHERAPY,
        EventKind.TRANSPLANT,
        EventKind.ADVANCED_THERAPY,
    }
)
"""Kinds that carry `TherapyDetails` (what was given, response, why it stopped)."""

SPAN_KINDS = THERAPY_KINDS | {EventKind.SUPPORTIVE_CARE}
"""Kinds that usually last a while and have an end date."""


class Lane(enum.Enum):
    """The rows of the visual timeline."""

    DIAGNOSIS = "diagnosis"
    TREATMENT = "treatment"
    IMAGING = "imaging"
    CONSULTATION = "consultation"


def lane_of(kind: EventKind) -> Lane:
    if kind in TREATMENT_KINDS:
        return Lane.TREATMENT
    if kind is EventKind.IMAGING:
        return Lane.IMAGING
    if kind in (EventKind.CONSULTATION, EventKind.SECOND_OPINION):
        return Lane.CONSULTATION
    return Lane.DIAGNOSIS


class Response(enum.Enum):
    """The response to a treatment as the records state it; "" when not recorded."""

    NOT_RECORDED = ""
    COMPLETE = "complete"
    PARTIAL = "partial"
    STABLE = "stable"
    PROGRESSION = "progression"
    NOT_ASSESSED = "not_assessed"  # too early, or not evaluable


class StopReason(enum.Enum):
    """Why a line of therapy stopped; "" while it goes on (or when not known yet)."""

    NOT_STOPPED = ""
    COMPLETED = "completed"
    PROGRESSION = "progression"
    SIDE_EFFECTS = "side_effects"
    OTHER = "other"


class LinkKind(enum.Enum):
    """What a timeline event can point at (timeline_links.target_kind)."""

    DOCUMENT = "document"
    IMAGING_STUDY = "imaging_study"
    CONSULTATION = "consultation"


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    target_id: int


@dataclass(frozen=True)
class TherapyDetails:
    """The fields an MDT asks about for each treatment (cycles apply to systemic therapy)."""

    regimen: str = ""
    cycles: int | None = None
    response: Response = Response.NOT_RECORDED
    reason_stopped: StopReason = StopReason.NOT_STOPPED
    reason_note: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "regimen": self.regimen,
            "cycles": self.cycles,
            "response": self.response.value,
            "reason_stopped": self.reason_stopped.value,
            "reason_note": self.reason_note,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TherapyDetails:
        """Tolerant of missing or unknown values: a binder edited by a newer version still opens."""
        cycles = data.get("cycles")
        try:
            response = Response(str(data.get("response", "")))
        except ValueError:
            response = Response.NOT_RECORDED
        try:
            reason = StopReason(str(data.get("reason_stopped", "")))
        except ValueError:
            reason = StopReason.OTHER
        return cls(
            regimen=str(data.get("regimen", "")),
            cycles=cycles if isinstance(cycles, int) and not isinstance(cycles, bool) else None,
            response=response,
            reason_stopped=reason,
            reason_note=str(data.get("reason_note", "")),
        )


@dataclass(frozen=True)
class TimelineEvent:
    """One event. `id` is 0 until the binder stores it."""

    kind: EventKind
    title: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    description: str = ""
    therapy: TherapyDetails = field(default_factory=TherapyDetails)
    links: frozenset[Link] = frozenset()
    id: int = 0
    created_at: str = ""

    @property
    def is_line_of_therapy(self) -> bool:
        return self.kind is EventKind.SYSTEMIC_THERAPY

    @property
    def has_ended(self) -> bool:
        return self.end is not None or self.therapy.reason_stopped is not StopReason.NOT_STOPPED

    def linked(self, kind: LinkKind) -> frozenset[int]:
        return frozenset(link.target_id for link in self.links if link.kind is kind)


# --- Partial dates ------------------------------------------------------------------------


def date_sort_key(value: PartialDate) -> tuple[int, int, int]:
    """The start of the period, a less precise date first: 2024 < 2024-01 < 2024-01-01."""
    return (value.year, value.month or 0, value.day or 0)


def first_day(value: PartialDate) -> date:
    return date(value.year, value.month or 1, value.day or 1)


def last_day(value: PartialDate) -> date:
    if value.month is None:
        return date(value.year, 12, 31)
    if value.day is None:
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return date(value.year, value.month, value.day)


def date_range(value: PartialDate) -> tuple[date, date]:
    """The first and last day the partial date may mean (equal for a full date)."""
    return first_day(value), last_day(value)


def ranges_overlap(first: PartialDate, second: PartialDate) -> bool:
    """Whether two partial dates may name the same day ("2024-03" and "2024-03-17" do)."""
    return first_day(first) <= last_day(second) and first_day(second) <= last_day(first)


def event_sort_key(event: TimelineEvent) -> tuple[bool, tuple[int, int, int], int, int]:
    """Undated events last; then by start (see `date_sort_key`), kind, and order of entry."""
    start = date_sort_key(event.start) if event.start is not None else (0, 0, 0)
    return (event.start is None, start, _KIND_RANK[event.kind], event.id)


def ordered(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    return sorted(events, key=event_sort_key)


def number_lines(events: Iterable[TimelineEvent]) -> dict[int, int]:
    """Event id -> line number (1, 2, …) for dated lines of systemic therapy, in date order.

    An undated line gets no number: guessing its place could renumber every later line wrongly.
    """
    lines = [e for e in ordered(events) if e.is_line_of_therapy and e.start is not None]
    return {event.id: number for number, event in enumerate(lines, start=1)}


_CHINESE_DIGITS = "零一二三四五六七八九"


def line_ordinal(number: int, language: str) -> str:
    """How a line of therapy is counted in `language`: "2" in English, "二" in Chinese.

    Chinese oncology says 一线、二线治疗 (first-, second-line), never 第 2 线; a count written
    with a digit there reads like a machine's. Numbers from 100 on stay digits (never met).
    """
    if not language.lower().startswith("zh") or not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return _CHINESE_DIGITS[units]
    lead = "" if tens == 1 else _CHINESE_DIGITS[tens]
    return lead + "十" + (_CHINESE_DIGITS[units] if units else "")


def events_by_id(events: Sequence[TimelineEvent]) -> dict[int, TimelineEvent]:
    return {event.id: event for event in events}
