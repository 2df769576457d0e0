"""The family's questions: the shipped bank, their own list, priorities and answer history.

The bank is data (`resources/questions/bank.json`, English and Simplified Chinese) so its words
can be improved without touching code. Casebook suggests questions; it never answers them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

from casebook.core.changes import Changed
from casebook.core.questions import (
    Answer,
    BankQuestion,
    Priority,
    Question,
    QuestionBank,
    QuestionHistory,
    QuestionStatus,
    Topic,
    moments_of,
    order_questions,
    pick_language,
)
from casebook.resources import resource_path
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store import consultations as consultation_store
from casebook.store import questions as store


@functools.cache
def load_bank() -> QuestionBank:
    """The shipped question bank; fails loudly if an entry lacks English or Chinese."""
    raw = json.loads(resource_path("questions", "bank.json").read_text(encoding="utf-8"))
    topics = tuple(Topic(t["key"], dict(t["title"])) for t in raw["topics"])
    topic_keys = {t.key for t in topics}
    questions = []
    for entry in raw["questions"]:
        texts = dict(entry["text"])
        if not {"en", "zh_CN"} <= set(texts) or entry["topic"] not in topic_keys:
            raise LookupError(f"question bank entry {entry['key']!r} is incomplete")
        questions.append(BankQuestion(entry["key"], entry["topic"], tuple(entry["moments"]), texts))
    return QuestionBank(topics, tuple(questions))


def current_moment(session: BinderSession) -> str:
    with session.reading() as db:
        return store.read_decision_moment(db)


def list_questions(session: BinderSession, *, include_closed: bool = True) -> list[Question]:
    """The family's list in its working order (priority, then fit to the current moment)."""
    with session.reading() as db:
        questions = store.list_questions(db)
        moment = store.read_decision_moment(db)
    if not include_closed:
        questions = [q for q in questions if q.is_open]
    return order_questions(questions, moment, moments_of(load_bank()))


def add_own_question(
    session: BinderSession,
    text: str,
    priority: Priority = Priority.IMPORTANT,
    topic: str = "",
) -> int:
    """Add a question in the family's own words; it joins upcoming consultations' lists."""
    if not text.strip():
        raise ValueError("a question needs some text")
    question = Question(0, text.strip(), topic=topic, source="family", priority=priority)
    return _add(session, question)


def add_from_bank(
    session: BinderSession, key: str, language: str, priority: Priority = Priority.IMPORTANT
) -> int:
    """Copy a suggested question onto the family's list (in `language`); returns its id.

    Taking the same suggestion twice returns the question already on the list.
    """
    suggestion = load_bank().get(key)
    if suggestion is None:
        raise KeyError(key)
    with session.reading() as db:
        for existing in store.list_questions(db):
            if existing.bank_key == key and existing.status is not QuestionStatus.DROPPED:
                return existing.id
    question = Question(
        0,
        suggestion.text(language),
        topic=suggestion.topic,
        source="bank",
        bank_key=key,
        priority=priority,
    )
    return _add(session, question)


def _add(session: BinderSession, question: Question) -> int:
    """Insert, and put the new question on every consultation not yet held."""
    with session.writing(Changed.QUESTIONS) as db:
        question_id = store.add_question(db, question, timestamp())
        for consultation_id in consultation_store.upcoming_consultation_ids(db, today()):
            consultation_store.attach_questions(db, consultation_id, [question_id])
    return question_id


def today() -> str:
    """The local calendar date, ISO (consultations are dated as the family sees them)."""
    return clock.today().isoformat()


def update_question(session: BinderSession, question: Question) -> None:
    with session.writing(Changed.QUESTIONS, ids=[question.id]) as db:
        store.update_question(db, question)


def set_priority(session: BinderSession, question_id: int, priority: Priority) -> None:
    with session.writing(Changed.QUESTIONS, ids=[question_id]) as db:
        question = store.get_question(db, question_id)
        if question is None:
            raise KeyError(question_id)
        question.priority = priority
        store.update_question(db, question)


def set_status(session: BinderSession, question_id: int, status: QuestionStatus) -> None:
    """Mark answered or no longer needed, or reopen (an open question carries forward)."""
    with session.writing(Changed.QUESTIONS, ids=[question_id]) as db:
        store.set_status(db, question_id, status)


def delete_question(session: BinderSession, question_id: int) -> None:
    with session.writing(Changed.QUESTIONS, Changed.CONSULTATIONS) as db:
        store.delete_question(db, question_id)


def answer_history(session: BinderSession, question_id: int) -> QuestionHistory:
    """Every consultation the question was taken to: answered by whom, when, what."""
    with session.reading() as db:
        question = store.get_question(db, question_id)
        if question is None:
            raise KeyError(question_id)
        return QuestionHistory(question, tuple(store.answers(db, question_id)))


def all_answers(session: BinderSession) -> dict[int, list[Answer]]:
    """Answers grouped by question id (for list views)."""
    grouped: dict[int, list[Answer]] = {}
    with session.reading() as db:
        for answer in store.answers(db):
            grouped.setdefault(answer.question_id, []).append(answer)
    return grouped


def questions_summary_lines(session: BinderSession, language: str = "en") -> tuple[str, ...]:
    """The open questions for the MDT, one line each, most important first (summary PDF)."""
    bank = load_bank()
    return tuple(
        q.display_text(bank, language) for q in list_questions(session, include_closed=False)
    )


@dataclass(frozen=True)
class LetterTemplate:
    """A short letter asking a doctor about a second opinion, for one situation."""

    key: str
    titles: dict[str, str]
    bodies: dict[str, str]
    # The gaps left for the family to fill, per language of the letter: an English letter
    # written from the Chinese interface still says "Dear Dr [name]", never "[姓名] 医生".
    gaps: dict[str, dict[str, str]] = field(default_factory=dict)

    def title(self, language: str) -> str:
        return pick_language(self.titles, language)

    def body(self, language: str, patient: str = "") -> str:
        """The letter in `language`, the patient's name filled in (or a gap for it) and gaps
        for the doctor and the sender, in the letter's own language (the family edits it)."""
        text = pick_language(self.bodies, language)
        code = pick_language({code: code for code in self.gaps}, language) if self.gaps else ""
        gaps = self.gaps.get(code, {})
        filled = {**gaps, **({"patient": patient} if patient else {})}
        for name in ("doctor", "patient", "sender"):
            text = text.replace("{" + name + "}", filled.get(name, ""))
        return text


@dataclass(frozen=True)
class SelfCheck:
    """Signs that a second look may be worth it (the family ticks what is true for them)."""

    titles: dict[str, str]
    intros: dict[str, str]
    signs: tuple[tuple[str, dict[str, str]], ...]


@functools.cache
def load_letter_templates() -> tuple[tuple[LetterTemplate, ...], SelfCheck]:
    """The shipped templates (resources/templates/second_opinion.json) and the self-check."""
    raw = json.loads(resource_path("templates", "second_opinion.json").read_text(encoding="utf-8"))
    gaps = {language: dict(names) for language, names in raw["placeholders"].items()}
    templates = tuple(
        LetterTemplate(t["key"], dict(t["title"]), dict(t["body"]), gaps) for t in raw["templates"]
    )
    check = raw["self_check"]
    self_check = SelfCheck(
        dict(check["title"]),
        dict(check["intro"]),
        tuple((s["key"], dict(s["text"])) for s in check["signs"]),
    )
    return templates, self_check
