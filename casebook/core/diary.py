"""The symptom and side-effect diary: quick daily entries, and how they line up with treatments.

An entry says what was felt, how bad in plain words (mild, moderate, severe), since when, and
what helped. The diary records; it never advises, scores or judges. The chart puts each
symptom on its own row over time, under the treatments from the timeline, so a family can show
a doctor "the nausea came with the second cycle". Plain data and rules; no I/O.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate
from casebook.core.timeline import SPAN_KINDS, TimelineEvent, first_day, last_day


class Severity(enum.Enum):
    """How bad, in plain words. Values are stable identifiers stored in the binder."""

    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @property
    def rank(self) -> int:
        return {Severity.MILD: 1, Severity.MODERATE: 2, Severity.SEVERE: 3}[self]


COMMON_SYMPTOMS = (
    "tiredness",
    "nausea",
    "vomiting",
    "pain",
    "poor_appetite",
    "diarrhoea",
    "constipation",
    "mouth_sores",
    "fever",
    "breathlessness",
    "cough",
    "rash",
    "numbness",
    "poor_sleep",
    "low_mood",
)
"""Symptoms offered with one click; anything else is written in the family's own words."""


@dataclass(frozen=True)
class DiaryEntry:
    noted_on: date
    symptom: str  # the family's words (for a common symptom, its name when it was written)
    severity: Severity
    since: PartialDate | None = None
    helped: str = ""
    notes: str = ""
    symptom_key: str = ""  # one of COMMON_SYMPTOMS, or "" for the family's own words
    id: int = 0

    @property
    def group(self) -> str:
        """What the chart puts on one row: a common symptom, or the same words however cased."""
        return self.symptom_key or " ".join(self.symptom.split()).casefold()

    def validate(self) -> None:
        if not self.symptom.strip() and not self.symptom_key:
            raise InvalidInput("symptom", "empty")
        if self.symptom_key and self.symptom_key not in COMMON_SYMPTOMS:
            raise InvalidInput("symptom_key", self.symptom_key)


@dataclass(frozen=True)
class SymptomRow:
    """One row of the chart: a symptom and its entries, oldest first."""

    group: str
    symptom_key: str
    label: str  # the family's words as first written (used when there is no key)
    entries: tuple[DiaryEntry, ...]


@dataclass(frozen=True)
class TreatmentSpan:
    """A treatment from the timeline, as a bar over the days it may cover."""

    event_id: int
    title: str
    begin: date
    end: date
    ongoing: bool


@dataclass(frozen=True)
class DiaryChart:
    first: date
    last: date
    rows: tuple[SymptomRow, ...]
    treatments: tuple[TreatmentSpan, ...]

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def symptom_rows(entries: Iterable[DiaryEntry]) -> list[SymptomRow]:
    """Entries grouped by symptom; rows in the order each symptom first appeared."""
    grouped: dict[str, list[DiaryEntry]] = {}
    for entry in sorted(entries, key=lambda e: (e.noted_on, e.id)):
        grouped.setdefault(entry.group, []).append(entry)
    return [
        SymptomRow(group, found[0].symptom_key, found[0].symptom.strip(), tuple(found))
        for group, found in grouped.items()
    ]


def treatment_spans(
    events: Iterable[TimelineEvent], today: date, line_label: str = "{title}"
) -> list[TreatmentSpan]:
    """Dated treatments that last a while (lines of therapy, radiotherapy, supportive care)."""
    spans = []
    for event in events:
        if event.kind not in SPAN_KINDS or event.start is None:
            continue
        begin = first_day(event.start)
        ongoing = event.end is None and not event.has_ended
        end = last_day(event.end) if event.end is not None else (today if ongoing else begin)
        spans.append(
            TreatmentSpan(
                event.id, line_label.format(title=event.title), begin, max(begin, end), ongoing
            )
        )
    return sorted(spans, key=lambda span: (span.begin, span.event_id))


def diary_chart(
    entries: Sequence[DiaryEntry],
    events: Iterable[TimelineEvent],
    today: date,
    days: int | None = None,
) -> DiaryChart:
    """The chart over the last `days` days (or from the first entry), to today.

    Treatments are kept when they overlap the period; the period starts no later than 28 days
    before today, so a new diary still shows a few weeks.
    """
    if days is not None:
        first = today - timedelta(days=days - 1)
    else:
        first = min((e.noted_on for e in entries), default=today)
        first = min(first, today - timedelta(days=27))
    last = max([today, *(e.noted_on for e in entries)])
    shown = [e for e in entries if first <= e.noted_on <= last]
    spans = [
        span for span in treatment_spans(events, today) if span.end >= first and span.begin <= last
    ]
    return DiaryChart(first, last, tuple(symptom_rows(shown)), tuple(spans))


def entries_between(entries: Iterable[DiaryEntry], first: date, last: date) -> list[DiaryEntry]:
    """Entries from `first` to `last` (inclusive), newest first, as the print lists them."""
    return sorted(
        (e for e in entries if first <= e.noted_on <= last),
        key=lambda e: (e.noted_on, e.id),
        reverse=True,
    )
