"""Consultations and the notes taken during them, as plain data.

Several family members may write notes for one consultation; the view merges their entries in
time order. An entry may answer one of the consultation's questions, carry quick tags
(decision, follow-up, test ordered, medication change) or raise a new question.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from casebook.core.questions import Question


class NoteTag(enum.Enum):
    DECISION = "decision"
    FOLLOW_UP = "follow_up"
    TEST_ORDERED = "test_ordered"
    MEDICATION_CHANGE = "medication_change"
    NEW_QUESTION = "new_question"  # the entry raised a question now on the family's list


QUICK_TAGS = (
    NoteTag.DECISION,
    NoteTag.FOLLOW_UP,
    NoteTag.TEST_ORDERED,
    NoteTag.MEDICATION_CHANGE,
)


@dataclass
class Consultation:
    id: int
    title: str
    held_on: str | None = None  # ISO date, "2025-03-02"
    doctor: str = ""
    institution: str = ""
    attendees: tuple[str, ...] = ()
    notes: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class NoteEntry:
    """One timestamped note; `question_id` is set when it answers a question."""

    id: int
    consultation_id: int
    author: str
    written_at: str
    text: str
    tags: tuple[NoteTag, ...] = ()
    question_id: int | None = None


@dataclass(frozen=True)
class ListedQuestion:
    """A question on one consultation's list, with the answer recorded there."""

    question: Question
    answer: str = ""
    answered_by: str = ""
    answered_on: str | None = None
    carried_from: str | None = None  # date or title of an earlier consultation left unanswered

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip())


def merge_entries(entries: Iterable[NoteEntry]) -> list[NoteEntry]:
    """Everyone's entries in the order they were written (ties by the order they were saved)."""
    return sorted(entries, key=lambda e: (e.written_at, e.id))


@dataclass(frozen=True)
class ConsultationSummary:
    """After the appointment: what was answered, decided, to follow up, and newly asked."""

    consultation: Consultation
    answered: tuple[ListedQuestion, ...] = ()
    unanswered: tuple[ListedQuestion, ...] = ()
    decisions: tuple[NoteEntry, ...] = ()
    follow_ups: tuple[NoteEntry, ...] = ()
    tests_ordered: tuple[NoteEntry, ...] = ()
    medication_changes: tuple[NoteEntry, ...] = ()
    new_questions: tuple[NoteEntry, ...] = ()
    other_notes: tuple[NoteEntry, ...] = field(default_factory=tuple)


def summarise(
    consultation: Consultation,
    listed: Iterable[ListedQuestion],
    entries: Iterable[NoteEntry],
) -> ConsultationSummary:
    """Sort a consultation's questions and entries into the summary's sections."""
    listed = list(listed)
    merged = [e for e in merge_entries(entries) if e.text.strip()]

    def tagged(tag: NoteTag) -> tuple[NoteEntry, ...]:
        return tuple(e for e in merged if tag in e.tags)

    plain = tuple(e for e in merged if not e.tags and e.question_id is None)
    return ConsultationSummary(
        consultation=consultation,
        answered=tuple(q for q in listed if q.is_answered),
        unanswered=tuple(q for q in listed if not q.is_answered),
        decisions=tagged(NoteTag.DECISION),
        follow_ups=tagged(NoteTag.FOLLOW_UP),
        tests_ordered=tagged(NoteTag.TEST_ORDERED),
        medication_changes=tagged(NoteTag.MEDICATION_CHANGE),
        new_questions=tagged(NoteTag.NEW_QUESTION),
        other_notes=plain,
    )
