"""Translated names of opinion fields, treatment intents and comparison marks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.opinions import Mark, OpinionField, SourceKind, TreatmentIntent


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpinionLabels", text)


def field_label(which: OpinionField) -> str:
    return {
        OpinionField.DIAGNOSIS: _tr("Diagnosis"),
        OpinionField.SUBTYPE: _tr("Subtype"),
        OpinionField.STAGE: _tr("Stage"),
        OpinionField.MOLECULAR_FINDINGS: _tr("Molecular findings relied on"),
        OpinionField.TREATMENT_INTENT: _tr("Treatment intent"),
        OpinionField.RECOMMENDED_PLAN: _tr("Recommended plan"),
        OpinionField.SEQUENCE_TIMING: _tr("Sequence and timing"),
        OpinionField.ALTERNATIVES: _tr("Alternatives mentioned"),
        OpinionField.CLINICAL_TRIALS: _tr("Clinical trials mentioned"),
        OpinionField.EXPECTED_BENEFITS: _tr("Expected benefits"),
        OpinionField.MAIN_RISKS: _tr("Main risks and side effects"),
        OpinionField.WHAT_WOULD_CHANGE: _tr("What would change the recommendation"),
        OpinionField.TESTS_REQUESTED: _tr("Tests requested before deciding"),
        OpinionField.FOLLOW_UP: _tr("Follow-up plan"),
        OpinionField.REASONING: _tr("The doctor's reasoning, in their words"),
        OpinionField.FAMILY_NOTES: _tr("Our notes"),
    }[which]


def intent_label(intent: TreatmentIntent) -> str:
    return {
        TreatmentIntent.CURATIVE: _tr("Curative (aims to cure)"),
        TreatmentIntent.CONTROL: _tr("Control of the disease"),
        TreatmentIntent.SYMPTOM_RELIEF: _tr("Symptom relief"),
    }[intent]


def source_kind_label(kind: SourceKind) -> str:
    return {SourceKind.DOCTOR: _tr("A doctor"), SourceKind.MDT: _tr("A team (MDT)")}[kind]


def mark_label(mark: Mark) -> str:
    """A symbol and a word, so the mark never rests on colour alone."""
    return {
        Mark.AGREE: _tr("= Same"),
        Mark.DIFFER: _tr("≠ Different"),
        Mark.ONLY_ONE: _tr("• Only one says"),
        Mark.NONE_SAY: _tr("— Nobody says"),
    }[mark]


def not_stated_label() -> str:
    return _tr("Not stated")
