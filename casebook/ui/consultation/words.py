"""Translated words for priorities, statuses, note tags and decision moments, and local times."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.consultations import NoteTag
from casebook.core.questions import Priority, QuestionStatus
from casebook.ui.labels import format_clock_time


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsultationWords", text)


def priority_label(priority: Priority) -> str:
    return {
        Priority.MUST_ASK: _tr("★ Must ask"),
        Priority.IMPORTANT: _tr("Important"),
        Priority.IF_TIME: _tr("If there is time"),
    }[priority]


def status_label(status: QuestionStatus) -> str:
    """A symbol and a word, never colour alone."""
    return {
        QuestionStatus.OPEN: _tr("○ Open"),
        QuestionStatus.ANSWERED: _tr("✓ Answered"),
        QuestionStatus.DROPPED: _tr("– Not needed"),
    }[status]


def tag_label(tag: NoteTag) -> str:
    return {
        NoteTag.DECISION: _tr("Decision"),
        NoteTag.FOLLOW_UP: _tr("Follow-up"),
        NoteTag.TEST_ORDERED: _tr("Test ordered"),
        NoteTag.MEDICATION_CHANGE: _tr("Medication change"),
        NoteTag.NEW_QUESTION: _tr("New question"),
    }[tag]


def moment_label(moment: str) -> str:
    return {
        "just_diagnosed": _tr("just diagnosed"),
        "before_treatment": _tr("before treatment starts"),
        "options_unclear": _tr("options feel unclear or doctors disagree"),
        "advanced_therapy": _tr("an advanced therapy is being considered"),
        "relapse_progression": _tr("relapse or progression"),
    }.get(moment, "")


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as the local clock time ("14:05", "2:05 PM")."""
    return format_clock_time(stamp)
