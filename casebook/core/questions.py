"""Questions a family brings to the doctors: the bank's suggestions and the family's own list.

Casebook suggests questions and keeps track of the answers the doctors gave; it never answers a
question itself. The ordering rules live here so every screen and printout agrees on them:
the family's priority first, then questions that suit the current decision moment.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

FALLBACK_LANGUAGE = "en"


def pick_language(texts: dict[str, str], language: str) -> str:
    """The text in `language` ("en", "zh_CN", "zh"), falling back to English."""
    if language in texts:
        return texts[language]
    for code, value in texts.items():
        if code.split("_")[0] == language.split("_")[0]:
            return value
    return texts[FALLBACK_LANGUAGE]


class QuestionStatus(enum.Enum):
    """Open questions carry forward to the next consultation; the others do not."""

    OPEN = "open"
    ANSWERED = "answered"
    DROPPED = "dropped"


class Priority(enum.IntEnum):
    """How much the family wants an answer; higher first."""

    IF_TIME = 0
    IMPORTANT = 1
    MUST_ASK = 2


@dataclass(frozen=True)
class Topic:
    key: str
    titles: dict[str, str]

    def title(self, language: str) -> str:
        return pick_language(self.titles, language)


@dataclass(frozen=True)
class BankQuestion:
    """A suggested question shipped with Casebook, with the decision moments it suits."""

    key: str
    topic: str
    moments: tuple[str, ...]
    texts: dict[str, str]

    def text(self, language: str) -> str:
        return pick_language(self.texts, language)

    def suits(self, moment: str) -> bool:
        return bool(moment) and moment in self.moments


@dataclass(frozen=True)
class QuestionBank:
    topics: tuple[Topic, ...]
    questions: tuple[BankQuestion, ...]

    def get(self, key: str) -> BankQuestion | None:
        return next((q for q in self.questions if q.key == key), None)

    def topic(self, key: str) -> Topic | None:
        return next((t for t in self.topics if t.key == key), None)

    def ordered_for(self, moment: str) -> list[BankQuestion]:
        """Questions suited to `moment` first (topic order kept), then the rest."""
        topic_rank = {t.key: i for i, t in enumerate(self.topics)}
        position = {q.key: i for i, q in enumerate(self.questions)}
        return sorted(
            self.questions,
            key=lambda q: (not q.suits(moment), topic_rank.get(q.topic, 99), position[q.key]),
        )


@dataclass
class Question:
    """One question on the family's list (their own, or taken from the bank)."""

    id: int
    text: str
    topic: str = ""
    source: str = "family"  # "family" or "bank"
    bank_key: str | None = None
    priority: Priority = Priority.IMPORTANT
    status: QuestionStatus = QuestionStatus.OPEN
    notes: str = ""
    created_at: str = ""

    @property
    def is_open(self) -> bool:
        return self.status is QuestionStatus.OPEN

    def display_text(self, bank: QuestionBank, language: str) -> str:
        """A bank question the family has not reworded is shown in `language`."""
        suggestion = bank.get(self.bank_key) if self.bank_key else None
        if suggestion is not None and self.text in suggestion.texts.values():
            return suggestion.text(language)
        return self.text

    def translations(self, bank: QuestionBank) -> dict[str, str] | None:
        """Every language of an unedited bank question, or None for the family's own words."""
        suggestion = bank.get(self.bank_key) if self.bank_key else None
        if suggestion is not None and self.text in suggestion.texts.values():
            return dict(suggestion.texts)
        return None


@dataclass(frozen=True)
class Answer:
    """What a doctor answered to one question in one consultation."""

    question_id: int
    consultation_id: int
    consultation_title: str
    held_on: str | None
    doctor: str
    institution: str
    answer: str
    answered_by: str
    answered_on: str | None

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip())


@dataclass(frozen=True)
class QuestionHistory:
    """A question and every consultation it was taken to, oldest first."""

    question: Question
    answers: tuple[Answer, ...] = field(default_factory=tuple)

    @property
    def times_asked(self) -> int:
        return len(self.answers)

    @property
    def times_unanswered(self) -> int:
        return sum(1 for a in self.answers if not a.is_answered)


def moments_of(bank: QuestionBank) -> Callable[[Question], tuple[str, ...]]:
    """The decision moments a listed question suits (none for the family's own questions)."""

    def lookup(question: Question) -> tuple[str, ...]:
        suggestion = bank.get(question.bank_key) if question.bank_key else None
        return suggestion.moments if suggestion is not None else ()

    return lookup


def order_questions(
    questions: Iterable[Question],
    moment: str,
    moments: Callable[[Question], tuple[str, ...]],
) -> list[Question]:
    """Priority first; within a priority, questions suited to `moment`; then oldest first.

    A family's own question (no moments) counts as suited: they wrote it for now.
    """

    def key(question: Question) -> tuple[int, int, int]:
        suited = moments(question)
        fits = not suited or (bool(moment) and moment in suited)
        return (-int(question.priority), 0 if fits else 1, question.id)

    return sorted(questions, key=key)


def questions_to_carry(
    questions: Sequence[Question],
    moment: str,
    moments: Callable[[Question], tuple[str, ...]],
) -> list[Question]:
    """The questions a new consultation starts with: every open one, in the usual order."""
    return order_questions((q for q in questions if q.is_open), moment, moments)
