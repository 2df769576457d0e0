"""Follow-up questions, in plain words, from where compared opinions differ.

"Dr A recommends “surgery first”, Dr B “chemotherapy first”: why this order?" Each question
states what each opinion says and asks for the reasons; none suggests which one is right. A
question is worded the same each time, so asking twice adds it once (see `is_duplicate`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casebook.core.opinions import (
    Comparison,
    ComparisonRow,
    FieldValue,
    Mark,
    Opinion,
    OpinionField,
    TreatmentIntent,
    normalise,
)

QUOTE_LIMIT = 90
"""Longer values are shortened in questions (the full text stays in the comparison)."""

# field: (verb for the first opinion, the question asked about a difference)
_WORDING: dict[OpinionField, tuple[str, str]] = {
    OpinionField.DIAGNOSIS: (
        "gives the diagnosis as",
        "what explains the difference, and which test would settle it?",
    ),
    OpinionField.SUBTYPE: (
        "gives the subtype as",
        "what explains the difference, and does it change the treatment?",
    ),
    OpinionField.STAGE: (
        "gives the stage as",
        "what explains the difference in stage, and does it change the treatment?",
    ),
    OpinionField.MOLECULAR_FINDINGS: (
        "relies on",
        "which test results matter for the choice, and why?",
    ),
    OpinionField.TREATMENT_INTENT: (
        "describes the aim of treatment as",
        "what is the aim of treatment, and why?",
    ),
    OpinionField.RECOMMENDED_PLAN: (
        "recommends",
        "what are the reasons for each plan?",
    ),
    OpinionField.SEQUENCE_TIMING: ("recommends", "why this order?"),
    OpinionField.ALTERNATIVES: (
        "mentions as alternatives",
        "which alternatives are possible here, and why?",
    ),
    OpinionField.CLINICAL_TRIALS: (
        "mentions",
        "is a clinical trial possible here?",
    ),
    OpinionField.EXPECTED_BENEFITS: (
        "expects",
        "what benefit can be expected, and how certain is it?",
    ),
    OpinionField.MAIN_RISKS: (
        "names as main risks",
        "what are the main risks and side effects, and how likely are they?",
    ),
    OpinionField.WHAT_WOULD_CHANGE: (
        "would change the recommendation if",
        "what would change the recommendation?",
    ),
    OpinionField.TESTS_REQUESTED: (
        "asks for",
        "which tests are needed before deciding, and why?",
    ),
    OpinionField.FOLLOW_UP: (
        "plans follow-up as",
        "what follow-up is needed, and how often?",
    ),
}

QUESTION_TOPICS = {
    OpinionField.DIAGNOSIS: "diagnosis",
    OpinionField.SUBTYPE: "diagnosis",
    OpinionField.MOLECULAR_FINDINGS: "diagnosis",
    OpinionField.STAGE: "stage",
    OpinionField.TREATMENT_INTENT: "goals",
    OpinionField.RECOMMENDED_PLAN: "plan",
    OpinionField.SEQUENCE_TIMING: "plan",
    OpinionField.EXPECTED_BENEFITS: "plan",
    OpinionField.MAIN_RISKS: "plan",
    OpinionField.FOLLOW_UP: "plan",
    OpinionField.ALTERNATIVES: "alternatives",
    OpinionField.CLINICAL_TRIALS: "alternatives",
    OpinionField.WHAT_WOULD_CHANGE: "testing",
    OpinionField.TESTS_REQUESTED: "testing",
}
"""Topic keys of the shipped question bank (resources/questions/bank.json)."""

ASKED_WHEN_ONE_SIDED = frozenset(
    {
        OpinionField.ALTERNATIVES,
        OpinionField.CLINICAL_TRIALS,
        OpinionField.MAIN_RISKS,
        OpinionField.WHAT_WOULD_CHANGE,
        OpinionField.TESTS_REQUESTED,
    }
)
"""Fields where one opinion saying something the others do not is worth asking about."""

_INTENT_WORDS = {
    TreatmentIntent.CURATIVE.value: "cure",
    TreatmentIntent.CONTROL.value: "control of the disease",
    TreatmentIntent.SYMPTOM_RELIEF.value: "relief of symptoms",
}


@dataclass(frozen=True)
class FollowUpQuestion:
    """A question for the next consultation, with the field it is about."""

    text: str
    field: OpinionField

    @property
    def topic(self) -> str:
        """The question bank's topic this question belongs under."""
        return QUESTION_TOPICS[self.field]


def _quoted(which: OpinionField, value: FieldValue) -> str:
    text = " ".join(value.text.split())
    if which is OpinionField.TREATMENT_INTENT:
        text = _INTENT_WORDS.get(text, text)
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"“{text}”"


def _differ_question(row: ComparisonRow, opinions: tuple[Opinion, ...]) -> str:
    verb, ask = _WORDING[row.field]
    positions = [
        (o.label, _quoted(row.field, v))
        for o, v in zip(opinions, row.values, strict=True)
        if v.says
    ]
    (first_label, first_value), *others = positions
    parts = [f"{first_label} {verb} {first_value}"]
    parts += [f"{label} {value}" for label, value in others]
    silent = [o.label for o, v in zip(opinions, row.values, strict=True) if not v.says]
    text = ", ".join(parts)
    if silent:
        text += f" ({_joined(silent)} did not say)"
    return f"{text}: {ask}"


def _one_sided_question(row: ComparisonRow, opinions: tuple[Opinion, ...]) -> str:
    verb, ask = _WORDING[row.field]
    speaker, value = next((o, v) for o, v in zip(opinions, row.values, strict=True) if v.says)
    silent = [o.label for o, v in zip(opinions, row.values, strict=True) if not v.says]
    return (
        f"{speaker.label} {verb} {_quoted(row.field, value)}; "
        f"{_joined(silent)} did not mention this: {ask}"
    )


def _joined(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def follow_up_questions(comparison: Comparison) -> list[FollowUpQuestion]:
    """One question per row marked "differ", and per one-sided row where silence matters.

    The doctor's reasoning and the family's own notes are in their own words and always read
    differently; they raise no question by themselves.
    """
    questions: list[FollowUpQuestion] = []
    for row in comparison.rows:
        if row.field not in _WORDING:
            continue
        if row.mark is Mark.DIFFER and sum(v.says for v in row.values) >= 2:
            text = _differ_question(row, comparison.opinions)
        elif row.mark is Mark.ONLY_ONE and row.field in ASKED_WHEN_ONE_SIDED:
            if sum(v.says for v in row.values) != 1:
                continue
            text = _one_sided_question(row, comparison.opinions)
        else:
            continue
        questions.append(FollowUpQuestion(text, row.field))
    return questions


def is_duplicate(text: str, existing: Iterable[str]) -> bool:
    """True when `text` is already on the list, ignoring case, spacing and end punctuation."""
    wanted = normalise(text)
    return any(normalise(other) == wanted for other in existing)
