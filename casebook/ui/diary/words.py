"""The words the diary screens use: how bad (in plain words, with a mark), common symptoms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.diary import Severity


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiaryWords", text)


def severity_label(severity: Severity) -> str:
    return {
        Severity.MILD: _tr("Mild"),
        Severity.MODERATE: _tr("Moderate"),
        Severity.SEVERE: _tr("Severe"),
    }[severity]


def severity_marks(severity: Severity) -> str:
    """One, two or three dots: the degree is never told by colour alone."""
    return "●" * severity.rank


def symptom_label(key: str) -> str:
    return {
        "tiredness": _tr("Tiredness"),
        "nausea": _tr("Nausea"),
        "vomiting": _tr("Vomiting"),
        "pain": _tr("Pain"),
        "poor_appetite": _tr("Poor appetite"),
        "diarrhoea": _tr("Diarrhoea"),
        "constipation": _tr("Constipation"),
        "mouth_sores": _tr("Mouth sores"),
        "fever": _tr("Fever"),
        "breathlessness": _tr("Short of breath"),
        "cough": _tr("Cough"),
        "rash": _tr("Rash"),
        "numbness": _tr("Numbness or tingling"),
        "poor_sleep": _tr("Poor sleep"),
        "low_mood": _tr("Low mood"),
    }[key]


def symptom_text(key: str, own_words: str) -> str:
    """A common symptom in the interface language, else the family's own words."""
    return symptom_label(key) if key else own_words
