"""Consultations: their question lists (open questions carry forward), notes and summaries.

Notes are saved entry by entry through `EntryDraft`, which the note editor calls on the writer
lane within a second of every keystroke: each save is its own committed transaction
(synchronous=FULL), so killing the app loses nothing that was saved. An entry that answers a
question also updates that question's answer on the consultation's list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.consultations import (
    Consultation,
    ConsultationSummary,
    ListedQuestion,
    NoteEntry,
    NoteTag,
    merge_entries,
    summarise,
)
from casebook.core.questions import Question, QuestionStatus, moments_of, questions_to_carry
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.questions.questions import load_bank, today
from casebook.store import consultations as store
from casebook.store import questions as question_store


def create_consultation(session: BinderSession, consultation: Consultation) -> int:
    """Add a consultation; every open question is carried onto its list automatically."""
    with session.writing(Changed.CONSULTATIONS) as db:
        consultation_id = store.add_consultation(db, consultation, timestamp())
        carried = questions_to_carry(
            question_store.list_questions(db),
            question_store.read_decision_moment(db),
            moments_of(load_bank()),
        )
        store.attach_questions(db, consultation_id, [q.id for q in carried])
    return consultation_id


def update_consultation(session: BinderSession, consultation: Consultation) -> None:
    with session.writing(Changed.CONSULTATIONS, ids=[consultation.id]) as db:
        store.update_consultation(db, consultation)


def delete_consultation(session: BinderSession, consultation_id: int) -> None:
    with session.writing(Changed.CONSULTATIONS, Changed.QUESTIONS) as db:
        store.delete_consultation(db, consultation_id)


def list_consultations(session: BinderSession) -> list[Consultation]:
    with session.reading() as db:
        return store.list_consultations(db)


def get_consultation(session: BinderSession, consultation_id: int) -> Consultation:
    with session.reading() as db:
        consultation = store.get_consultation(db, consultation_id)
    if consultation is None:
        raise KeyError(consultation_id)
    return consultation


def listed_questions(session: BinderSession, consultation_id: int) -> list[ListedQuestion]:
    """The consultation's questions in list order, each with its answer here and, when it
    was taken to an earlier consultation and left unanswered, that consultation's date."""
    with session.reading() as db:
        this = store.get_consultation(db, consultation_id)
        rows = store.listed_question_rows(db, consultation_id)
        history = question_store.answers(db)
    if this is None:
        raise KeyError(consultation_id)
    order = [a.consultation_id for a in history]
    listed = []
    for question, answer, answered_by, answered_on in rows:
        earlier = [
            a
            for a in history
            if a.question_id == question.id
            and a.consultation_id != consultation_id
            and order.index(a.consultation_id) < _position(order, consultation_id)
        ]
        carried = next((a for a in reversed(earlier) if not a.is_answered), None)
        carried_from = None
        if carried is not None:
            carried_from = carried.held_on or carried.consultation_title
        listed.append(ListedQuestion(question, answer, answered_by, answered_on, carried_from))
    return listed


def _position(order: list[int], consultation_id: int) -> int:
    return order.index(consultation_id) if consultation_id in order else len(order)


def add_questions_to(session: BinderSession, consultation_id: int, question_ids: list[int]) -> None:
    with session.writing(Changed.CONSULTATIONS, ids=[consultation_id]) as db:
        store.attach_questions(db, consultation_id, question_ids)


def remove_question_from(session: BinderSession, consultation_id: int, question_id: int) -> None:
    """Take a question off one consultation's list; it stays on the family's list."""
    with session.writing(Changed.CONSULTATIONS, ids=[consultation_id]) as db:
        store.detach_question(db, consultation_id, question_id)


def list_entries(session: BinderSession, consultation_id: int) -> list[NoteEntry]:
    """Every family member's entries, merged in the order they were written."""
    with session.reading() as db:
        return merge_entries(store.list_entries(db, consultation_id))


def delete_entry(session: BinderSession, entry_id: int) -> None:
    with session.writing(Changed.CONSULTATIONS) as db:
        entry = store.get_entry(db, entry_id)
        store.delete_entry(db, entry_id)
        if entry is not None and entry.question_id is not None:
            _refresh_answer(db, entry.consultation_id, entry.question_id)


@dataclass
class EntryDraft:
    """The entry being typed. The first save creates the row, later saves update it.

    Saves must run one after another (the writer lane does that), so `entry_id` set by the
    first save is seen by the next.
    """

    consultation_id: int
    author: str
    written_at: str = field(default_factory=timestamp)
    tags: tuple[NoteTag, ...] = ()
    question_id: int | None = None
    entry_id: int | None = None

    def save(self, session: BinderSession, text: str) -> int:
        """Write `text` (and the current tags) to the binder; returns the entry's id."""
        entry = NoteEntry(
            id=self.entry_id or 0,
            consultation_id=self.consultation_id,
            author=self.author,
            written_at=self.written_at,
            text=text,
            tags=self.tags,
            question_id=self.question_id,
        )
        with session.writing(
            Changed.CONSULTATIONS, Changed.QUESTIONS, ids=[self.consultation_id]
        ) as db:
            if self.entry_id is None:
                self.entry_id = store.add_entry(db, entry)
            else:
                store.update_entry(db, entry)
            if self.question_id is not None and NoteTag.NEW_QUESTION not in self.tags:
                store.attach_questions(db, self.consultation_id, [self.question_id])
                _refresh_answer(db, self.consultation_id, self.question_id)
        return self.entry_id


def _refresh_answer(db: sqlite_utils.Database, consultation_id: int, question_id: int) -> None:
    """The list's answer is every answer entry for the question, in time order."""
    answer = "\n".join(store.answer_texts(db, consultation_id, question_id))
    consultation = store.get_consultation(db, consultation_id)
    question = question_store.get_question(db, question_id)
    if consultation is None or question is None:
        return
    who = consultation.doctor or consultation.institution
    when = consultation.held_on or today()
    store.set_answer(
        db, consultation_id, question_id, answer, who if answer else "", when if answer else None
    )
    if answer and question.status is QuestionStatus.OPEN:
        question_store.set_status(db, question_id, QuestionStatus.ANSWERED)
    elif (
        not answer
        and question.status is QuestionStatus.ANSWERED
        and not store.has_answer_elsewhere(db, consultation_id, question_id)
    ):
        question_store.set_status(db, question_id, QuestionStatus.OPEN)


def record_answer(
    session: BinderSession, consultation_id: int, question_id: int, author: str, text: str
) -> int:
    """Write an answer in one go (what the note editor does keystroke by keystroke)."""
    return EntryDraft(consultation_id, author, question_id=question_id).save(session, text)


def raise_new_question(session: BinderSession, consultation_id: int, author: str, text: str) -> int:
    """A question that came up during the appointment: it joins the family's list (open, so
    it carries forward) and is noted as a new question in this consultation's summary."""
    if not text.strip():
        raise ValueError("a question needs some text")
    now = timestamp()
    with session.writing(Changed.QUESTIONS, Changed.CONSULTATIONS) as db:
        question_id = question_store.add_question(db, Question(0, text.strip()), now)
        for upcoming in store.upcoming_consultation_ids(db, today()):
            if upcoming != consultation_id:
                store.attach_questions(db, upcoming, [question_id])
        store.add_entry(
            db,
            NoteEntry(
                0, consultation_id, author, now, text.strip(), (NoteTag.NEW_QUESTION,), question_id
            ),
        )
    return question_id


def summary(session: BinderSession, consultation_id: int) -> ConsultationSummary:
    """Answers, decisions, follow-ups, tests, medication changes and new questions."""
    consultation = get_consultation(session, consultation_id)
    listed = listed_questions(session, consultation_id)
    return summarise(consultation, listed, list_entries(session, consultation_id))


def link_timeline_event(session: BinderSession, consultation_id: int, event_id: int) -> None:
    with session.writing(Changed.CONSULTATIONS, Changed.TIMELINE) as db:
        store.link_timeline_event(db, event_id, consultation_id)


def unlink_timeline_event(session: BinderSession, consultation_id: int, event_id: int) -> None:
    with session.writing(Changed.CONSULTATIONS, Changed.TIMELINE) as db:
        store.unlink_timeline_event(db, event_id, consultation_id)


def linked_timeline_events(
    session: BinderSession, consultation_id: int
) -> list[tuple[int, str, str | None]]:
    with session.reading() as db:
        return store.linked_timeline_events(db, consultation_id)


def timeline_events(session: BinderSession) -> list[tuple[int, str, str | None]]:
    with session.reading() as db:
        return store.list_timeline_events(db)


def with_attendee(consultation: Consultation, name: str) -> Consultation:
    """The consultation with `name` among those who attended (kept once)."""
    name = name.strip()
    if not name or name in consultation.attendees:
        return consultation
    return replace(consultation, attendees=(*consultation.attendees, name))


@dataclass(frozen=True)
class ConsultationView:
    """Everything the consultation screen shows, read in one go off the GUI thread."""

    consultation: Consultation
    listed: tuple[ListedQuestion, ...]
    entries: tuple[NoteEntry, ...]
    summary: ConsultationSummary
    linked_events: tuple[tuple[int, str, str | None], ...]
    all_events: tuple[tuple[int, str, str | None], ...]


def load_consultation_view(session: BinderSession, consultation_id: int) -> ConsultationView:
    consultation = get_consultation(session, consultation_id)
    listed = listed_questions(session, consultation_id)
    entries = list_entries(session, consultation_id)
    return ConsultationView(
        consultation,
        tuple(listed),
        tuple(entries),
        summarise(consultation, listed, entries),
        tuple(linked_timeline_events(session, consultation_id)),
        tuple(timeline_events(session)),
    )
