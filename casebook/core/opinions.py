"""Medical opinions as structured records, and the rules for comparing two to four of them.

Casebook lines opinions up field by field and proposes, for each field, whether they agree,
differ or only one of them says something. It proposes only what is plain (the same words once
case and spacing are ignored, the same choice, or a field one opinion leaves empty); everything
else is a proposal the family confirms or changes. It never judges which opinion is right.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate


class SourceKind(enum.Enum):
    """Who gave the opinion: one doctor or a multidisciplinary team (MDT, tumour board)."""

    DOCTOR = "doctor"
    MDT = "mdt"


class OpinionField(enum.Enum):
    """The structured fields of an opinion, in the order they are shown and compared."""

    DIAGNOSIS = "diagnosis"
    SUBTYPE = "subtype"
    STAGE = "stage"
    MOLECULAR_FINDINGS = "molecular_findings"
    TREATMENT_INTENT = "treatment_intent"
    RECOMMENDED_PLAN = "recommended_plan"
    SEQUENCE_TIMING = "sequence_timing"
    ALTERNATIVES = "alternatives"
    CLINICAL_TRIALS = "clinical_trials"
    EXPECTED_BENEFITS = "expected_benefits"
    MAIN_RISKS = "main_risks"
    WHAT_WOULD_CHANGE = "what_would_change"
    TESTS_REQUESTED = "tests_requested"
    FOLLOW_UP = "follow_up"
    REASONING = "reasoning"
    FAMILY_NOTES = "family_notes"


class TreatmentIntent(enum.Enum):
    """What the treatment aims at; stored as the text of the TREATMENT_INTENT field."""

    CURATIVE = "curative"
    CONTROL = "control"
    SYMPTOM_RELIEF = "symptom_relief"


class Mark(enum.Enum):
    """How the opinions stand on one field."""

    AGREE = "agree"
    DIFFER = "differ"
    ONLY_ONE = "only_one"  # exactly one opinion says something
    NONE_SAY = "none_say"  # no opinion says anything: nothing to compare


CHOICE_FIELDS = frozenset({OpinionField.TREATMENT_INTENT})
"""Fields whose value is one of a fixed set (compared by identity, not by words)."""

USER_MARKS = (Mark.AGREE, Mark.DIFFER, Mark.ONLY_ONE)
"""The marks a user may give a row."""

MIN_COMPARED = 2
MAX_COMPARED = 4


@dataclass(frozen=True)
class FieldValue:
    """One field of one opinion: its words, or an explicit "not stated" (the doctor did not
    say). An empty, not-"not stated" value means nobody has filled the field in yet."""

    text: str = ""
    not_stated: bool = False

    @property
    def says(self) -> bool:
        return not self.not_stated and bool(self.text.strip())


NOT_STATED = FieldValue(not_stated=True)


@dataclass
class Opinion:
    """One opinion as the family recorded it, with links to where it came from."""

    source_name: str
    source_kind: SourceKind = SourceKind.DOCTOR
    institution: str = ""
    country: str = ""
    given_on: PartialDate | None = None
    consultation_id: int | None = None
    report_document_id: int | None = None
    timeline_event_id: int | None = None
    fields: dict[OpinionField, FieldValue] = field(default_factory=dict)
    id: int | None = None

    def value(self, which: OpinionField) -> FieldValue:
        return self.fields.get(which, FieldValue())

    @property
    def label(self) -> str:
        """How the opinion is named in tables and questions ("Dr Chen", "Tumour board")."""
        return self.source_name.strip() or self.institution.strip() or "?"

    def validate(self) -> None:
        if not self.source_name.strip():
            raise InvalidInput("source_name", "empty")
        intent = self.value(OpinionField.TREATMENT_INTENT)
        if intent.says and intent.text not in {i.value for i in TreatmentIntent}:
            raise InvalidInput("treatment_intent", "unknown")


_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .;,:!?。；，：！？\"'“”‘’()（）"


def normalise(text: str) -> str:
    """The words of `text` without differences of width, case, spacing or edge punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACES.sub(" ", folded).strip(_EDGE_PUNCTUATION)


def field_fingerprint(opinions: Sequence[Opinion], which: OpinionField) -> str:
    """A digest of what the opinions say on one field (normalised, so trivial edits keep it).

    A user's mark is kept while the fingerprint stays the same: editing another field, or
    re-spacing this one, keeps it; changing what this field says drops it.
    """
    values = sorted(
        (o.id or 0, normalise(o.value(which).text) if o.value(which).says else "") for o in opinions
    )  # by id: the same set shown in another order keeps its marks
    encoded = json.dumps([which.value, values], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class MarkOverride:
    """A mark the user gave (or confirmed) for one field of one set of opinions."""

    field: OpinionField
    mark: Mark
    fingerprint: str


@dataclass(frozen=True)
class ComparisonRow:
    """One field across the compared opinions."""

    field: OpinionField
    values: tuple[FieldValue, ...]
    proposed: Mark
    plain: bool  # True when the proposal rests on a plain fact (same words, same choice, empty)
    fingerprint: str
    user_mark: Mark | None = None

    @property
    def mark(self) -> Mark:
        return self.user_mark if self.user_mark is not None else self.proposed

    @property
    def confirmed(self) -> bool:
        return self.user_mark is not None

    @property
    def needs_check(self) -> bool:
        """Casebook could not tell by itself: the words differ, and nobody has looked yet."""
        return not self.plain and self.user_mark is None


@dataclass(frozen=True)
class Comparison:
    """Two to four opinions side by side, one row per field."""

    opinions: tuple[Opinion, ...]
    rows: tuple[ComparisonRow, ...]

    @property
    def key(self) -> str:
        return comparison_key(self.opinions)

    def row(self, which: OpinionField) -> ComparisonRow:
        return next(r for r in self.rows if r.field is which)


def comparison_key(opinions: Sequence[Opinion]) -> str:
    """Names a set of opinions independently of their order ("3,7,12")."""
    ids = sorted(o.id for o in opinions if o.id is not None)
    if len(ids) != len(opinions):
        raise ValueError("only saved opinions can be compared")
    return ",".join(str(i) for i in ids)


def propose_mark(values: Sequence[FieldValue], which: OpinionField) -> tuple[Mark, bool]:
    """(proposal, plain) for one field: plain when sure, otherwise a proposal to check."""
    saying = [v for v in values if v.says]
    if not saying:
        return Mark.NONE_SAY, True
    if len(saying) == 1:
        return Mark.ONLY_ONE, True
    distinct = {normalise(v.text) for v in saying}
    if len(distinct) == 1:
        return Mark.AGREE, True
    # A choice that differs is plainly different; words that differ may still mean the same.
    return Mark.DIFFER, which in CHOICE_FIELDS


def compare(
    opinions: Sequence[Opinion], overrides: Mapping[OpinionField, MarkOverride] | None = None
) -> Comparison:
    """Lines up 2 to 4 opinions; a user's mark applies only while its field is unchanged."""
    if not MIN_COMPARED <= len(opinions) <= MAX_COMPARED:
        raise InvalidInput("opinions", f"compare {MIN_COMPARED} to {MAX_COMPARED}")
    overrides = overrides or {}
    rows = []
    for which in OpinionField:
        values = tuple(o.value(which) for o in opinions)
        proposed, plain = propose_mark(values, which)
        fingerprint = field_fingerprint(opinions, which)
        override = overrides.get(which)
        user_mark = (
            override.mark if override is not None and override.fingerprint == fingerprint else None
        )
        rows.append(ComparisonRow(which, values, proposed, plain, fingerprint, user_mark))
    return Comparison(tuple(opinions), tuple(rows))


# Names used in printouts and the export summary (the app's screens translate through Qt).
FIELD_TITLES: dict[str, dict[OpinionField, str]] = {
    "en": {
        OpinionField.DIAGNOSIS: "Diagnosis",
        OpinionField.SUBTYPE: "Subtype",
        OpinionField.STAGE: "Stage",
        OpinionField.MOLECULAR_FINDINGS: "Molecular findings relied on",
        OpinionField.TREATMENT_INTENT: "Treatment intent",
        OpinionField.RECOMMENDED_PLAN: "Recommended plan",
        OpinionField.SEQUENCE_TIMING: "Sequence and timing",
        OpinionField.ALTERNATIVES: "Alternatives mentioned",
        OpinionField.CLINICAL_TRIALS: "Clinical trials mentioned",
        OpinionField.EXPECTED_BENEFITS: "Expected benefits",
        OpinionField.MAIN_RISKS: "Main risks and side effects",
        OpinionField.WHAT_WOULD_CHANGE: "What would change the recommendation",
        OpinionField.TESTS_REQUESTED: "Tests requested before deciding",
        OpinionField.FOLLOW_UP: "Follow-up plan",
        OpinionField.REASONING: "The doctor's reasoning",
        OpinionField.FAMILY_NOTES: "The family's notes",
    },
    "zh": {
        OpinionField.DIAGNOSIS: "诊断",
        OpinionField.SUBTYPE: "亚型",
        OpinionField.STAGE: "分期",
        OpinionField.MOLECULAR_FINDINGS: "所依据的分子检测结果",
        OpinionField.TREATMENT_INTENT: "治疗目的",
        OpinionField.RECOMMENDED_PLAN: "建议方案",
        OpinionField.SEQUENCE_TIMING: "顺序与时间",
        OpinionField.ALTERNATIVES: "提到的其他方案",
        OpinionField.CLINICAL_TRIALS: "提到的临床试验",
        OpinionField.EXPECTED_BENEFITS: "预期获益",
        OpinionField.MAIN_RISKS: "主要风险和副作用",
        OpinionField.WHAT_WOULD_CHANGE: "什么情况会改变建议",
        OpinionField.TESTS_REQUESTED: "决定前需要的检查",
        OpinionField.FOLLOW_UP: "随访计划",
        OpinionField.REASONING: "医生的理由",
        OpinionField.FAMILY_NOTES: "家属的记录",
    },
}

INTENT_TITLES: dict[str, dict[TreatmentIntent, str]] = {
    "en": {
        TreatmentIntent.CURATIVE: "Curative",
        TreatmentIntent.CONTROL: "Control of the disease",
        TreatmentIntent.SYMPTOM_RELIEF: "Symptom relief",
    },
    "zh": {
        TreatmentIntent.CURATIVE: "根治",
        TreatmentIntent.CONTROL: "控制疾病",
        TreatmentIntent.SYMPTOM_RELIEF: "缓解症状",
    },
}


def value_text(which: OpinionField, value: FieldValue, language: str = "en") -> str:
    """The value as words for a printout: "" when empty, choices by their name."""
    if value.not_stated:
        return ""
    if which is OpinionField.TREATMENT_INTENT and value.text:
        known = {i.value: i for i in TreatmentIntent}
        if value.text in known:
            return INTENT_TITLES[language][known[value.text]]
    return value.text.strip()
