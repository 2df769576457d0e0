"""Follow-up questions, in plain words, from where compared opinions differ.

One short question per field, as a family would ask it: "The two opinions give different stages
(IIIA and IIIA bulky N2). Which is right, and would it change the plan?" The values are named
when they are short enough to read in one breath, and left to the comparison otherwise (never
cut off with "…"). A question asks the doctor to explain; it never suggests which opinion is
right. It is worded the same each time, so asking twice adds it once (see `is_duplicate`).
The words come from the generated-text catalogue: English by default, Chinese for a Chinese
summary or interface (`texts`).
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
from casebook.texts import N_, Texts, texts_for

SHORT_VALUE = 40
"""Values up to this many characters are named in the question; longer ones are not."""

# field: the question when opinions differ. "{opinions}" is "The two opinions" or "The
# opinions"; "{values}" is " (IIIA and IIIA bulky N2)", or nothing when a value is long.
_DIFFER: dict[OpinionField, str] = {
    OpinionField.DIAGNOSIS: N_(
        "{opinions} give different diagnoses{values}. Which is right, and which test would "
        "settle it?"
    ),
    OpinionField.SUBTYPE: N_(
        "{opinions} give different subtypes{values}. Which is right, and would it change the "
        "treatment?"
    ),
    OpinionField.STAGE: N_(
        "{opinions} give different stages{values}. Which is right, and would it change the plan?"
    ),
    OpinionField.MOLECULAR_FINDINGS: N_(
        "{opinions} rely on different test results{values}. Which results matter for the "
        "choice of treatment?"
    ),
    OpinionField.TREATMENT_INTENT: N_(
        "{opinions} give different aims for the treatment{values}. What can we realistically "
        "hope for?"
    ),
    OpinionField.RECOMMENDED_PLAN: N_(
        "{opinions} recommend different treatments{values}. What are the reasons for each?"
    ),
    OpinionField.SEQUENCE_TIMING: N_(
        "{opinions} suggest a different order or timing{values}. Why, and does it matter?"
    ),
    OpinionField.ALTERNATIVES: N_(
        "{opinions} mention different alternatives{values}. Which of them are possible for us?"
    ),
    OpinionField.CLINICAL_TRIALS: N_(
        "{opinions} mention different clinical trials{values}. Could we join one?"
    ),
    OpinionField.EXPECTED_BENEFITS: N_(
        "{opinions} expect different benefits{values}. What can we expect, and how sure is it?"
    ),
    OpinionField.MAIN_RISKS: N_(
        "{opinions} name different main risks{values}. Which matter most for us, and how likely "
        "are they?"
    ),
    OpinionField.WHAT_WOULD_CHANGE: N_(
        "{opinions} differ on what would change the recommendation. What would make you change "
        "the plan?"
    ),
    OpinionField.TESTS_REQUESTED: N_(
        "{opinions} ask for different tests{values}. Which are needed before deciding?"
    ),
    OpinionField.FOLLOW_UP: N_(
        "{opinions} plan the follow-up differently{values}. What follow-up is needed, and how "
        "often?"
    ),
}

# field: the question when only one opinion speaks of it ("{value}" as "{values}" above).
_ONE_SIDED: dict[OpinionField, str] = {
    OpinionField.ALTERNATIVES: N_(
        "Only {label} mentions alternatives{value}. Are they possible for us?"
    ),
    OpinionField.CLINICAL_TRIALS: N_(
        "Only {label} mentions a clinical trial{value}. Could we join it?"
    ),
    OpinionField.MAIN_RISKS: N_(
        "Only {label} names the main risks{value}. What are the risks, and how likely are they?"
    ),
    OpinionField.WHAT_WOULD_CHANGE: N_(
        "Only {label} says what would change the recommendation. What would make you change "
        "the plan?"
    ),
    OpinionField.TESTS_REQUESTED: N_(
        "Only {label} asks for more tests{value}. Are they needed before deciding?"
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

ASKED_WHEN_ONE_SIDED = frozenset(_ONE_SIDED)
"""Fields where one opinion saying something the others do not is worth asking about."""

_INTENT_WORDS = {
    TreatmentIntent.CURATIVE.value: N_("cure"),
    TreatmentIntent.CONTROL.value: N_("control of the disease"),
    TreatmentIntent.SYMPTOM_RELIEF.value: N_("relief of symptoms"),
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


def _value(which: OpinionField, value: FieldValue, t: Texts) -> str:
    text = " ".join(value.text.split()).rstrip(".")
    if which is OpinionField.TREATMENT_INTENT and text in _INTENT_WORDS:
        text = t.gettext(_INTENT_WORDS[text])
    return text


def _named(values: list[str], t: Texts) -> str:
    """ " (A and B)" when every value is short, else "": the comparison shows them in full."""
    if not values or any(len(value) > SHORT_VALUE for value in values):
        return ""
    if len(values) == 1:
        listed = values[0]
    else:
        head = t.pgettext("field values", ", ").join(values[:-1])
        listed = t.pgettext("field values", "{items} and {last}").format(
            items=head, last=values[-1]
        )
    return t.gettext(" ({values})").format(values=listed)


def _differ_question(row: ComparisonRow, opinions: tuple[Opinion, ...], t: Texts) -> str:
    said = [_value(row.field, v, t) for v in row.values if v.says]
    distinct = list(dict.fromkeys(said))  # the same value twice is named once
    who = t.gettext("The two opinions") if len(opinions) == 2 else t.gettext("The opinions")
    return t.gettext(_DIFFER[row.field]).format(opinions=who, values=_named(distinct, t))


def _one_sided_question(row: ComparisonRow, opinions: tuple[Opinion, ...], t: Texts) -> str:
    speaker, value = next((o, v) for o, v in zip(opinions, row.values, strict=True) if v.says)
    return t.gettext(_ONE_SIDED[row.field]).format(
        label=speaker.label, value=_named([_value(row.field, value, t)], t)
    )


def follow_up_questions(
    comparison: Comparison, texts: Texts | None = None
) -> list[FollowUpQuestion]:
    """One question per row marked "differ", and per one-sided row where silence matters.

    The doctor's reasoning and the family's own notes are in their own words and always read
    differently; they raise no question by themselves. `texts` gives the language (English
    when None).
    """
    t = texts or texts_for("en")
    questions: list[FollowUpQuestion] = []
    for row in comparison.rows:
        if row.field not in _DIFFER:
            continue
        if row.mark is Mark.DIFFER and sum(v.says for v in row.values) >= 2:
            text = _differ_question(row, comparison.opinions, t)
        elif row.mark is Mark.ONLY_ONE and row.field in ASKED_WHEN_ONE_SIDED:
            if sum(v.says for v in row.values) != 1:
                continue
            text = _one_sided_question(row, comparison.opinions, t)
        else:
            continue
        questions.append(FollowUpQuestion(text, row.field))
    return questions


def is_duplicate(text: str, existing: Iterable[str]) -> bool:
    """True when `text` is already on the list, ignoring case, spacing and end punctuation."""
    wanted = normalise(text)
    return any(normalise(other) == wanted for other in existing)
